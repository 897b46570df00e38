import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';

/** a WARNING report as the kernel prints it, at kernel time `t` seconds, blaming `fn` */
function warning(t: number, fn: string): string {
	const ts = (k: number) => `[${(t + k / 1e6).toFixed(6).padStart(12)}]`;
	return [
		`${ts(0)} ------------[ cut here ]------------`,
		`${ts(1)} WARNING: CPU: 1 PID: 123 at drivers/gpu/drm/radeon/radeon_gart.c:256 ${fn}+0x1a/0x90 [radeon]`,
		`${ts(2)} Modules linked in: radeon`,
		`${ts(3)} CPU: 1 PID: 123 Comm: Xorg Not tainted 6.1.0 #1`,
		`${ts(4)} Call Trace:`,
		`${ts(5)}  <TASK>`,
		`${ts(6)}  ${fn}+0x1a/0x90 [radeon]`,
		`${ts(7)}  radeon_ttm_backend_unbind+0x20/0x40 [radeon]`,
		`${ts(8)}  </TASK>`,
		`${ts(9)} ---[ end trace 0000000000000000 ]---`,
		`${ts(20)} usb 1-1: new high-speed USB device number 2 using xhci_hcd`
	].join('\n');
}

const crashes = async (log: string) =>
	(await analyzeText(log)).findings.filter((f) => f.category === 'crash');

describe('a report printed again', () => {
	it('word for word is one finding counted twice, with the first occurrence details', async () => {
		const [once] = await crashes(warning(100, 'radeon_gart_unbind'));
		const twice = await crashes(
			`${warning(100, 'radeon_gart_unbind')}\n${warning(200, 'radeon_gart_unbind')}`
		);
		expect(twice).toHaveLength(1);
		expect(twice[0].title).toBe('WARNING in radeon_gart_unbind');
		expect(twice[0].count).toBe(2);
		expect(twice[0].occurrences.map((o) => o.ts)).toEqual([100.000001, 200.000001]);
		expect(twice[0].stack).toEqual(once.stack);
		expect(twice[0].details).toEqual(once.details);
	});

	it('with a different guilty function is a finding of its own', async () => {
		const found = await crashes(
			`${warning(100, 'radeon_gart_unbind')}\n${warning(200, 'radeon_gart_bind')}\n${warning(300, 'radeon_gart_unbind')}`
		);
		expect(found.map((f) => [f.title, f.count])).toEqual([
			['WARNING in radeon_gart_unbind', 2],
			['WARNING in radeon_gart_bind', 1]
		]);
	});
});
