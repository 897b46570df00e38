/** Severity of crash-class reports as users read them (syzkaller's ranking, with its exceptions). */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';

describe('crash severity', () => {
	it('takes a netdev reference wait that clears as a problem, not a kernel crash (real server log)', async () => {
		const lines = [
			'Mar  4 10:00:01 srv kernel: [86401.000000] docker0: port 3(veth1a2b3c4) entered disabled state',
			'Mar  4 10:00:11 srv kernel: [86411.000000] unregister_netdevice: waiting for lo to become free. Usage count = 1',
			'Mar  4 10:00:21 srv kernel: [86421.000000] unregister_netdevice: waiting for lo to become free. Usage count = 1',
			'Mar  4 10:00:25 srv kernel: [86425.000000] docker0: port 4(veth9f8e7d6) entered blocking state'
		];
		const r = await analyzeText(lines.join('\n') + '\n');
		const f = r.findings.find((x) => x.category === 'crash')!;
		expect(f.title).toBe('unregister_netdevice: waiting for DEV to become free');
		expect(f.severity).toBe('medium');
		expect(r.summary.verdict).toBe('problems');
	});
});
