import { describe, expect, it } from 'vitest';
import { CRASH_RULES } from '../../src/lib/analysis/crash/kind.ts';
import { FORMATS, RAW_RULE } from '../../src/lib/analysis/crash/formats.ts';
import { CRASH_NOTICES, crashNotice } from '../../src/lib/analysis/crash/notices.ts';
import { CRASH_EXPLANATIONS } from '../../src/lib/providers/crash-explanations.ts';

describe('crash explanations', () => {
	const produced = new Set([
		...Object.values(FORMATS).flatMap((fs) => fs.map((f) => f.rule)),
		...Object.values(RAW_RULE),
		...CRASH_NOTICES.map((n) => n.rule),
		'crash.other'
	]);
	it('every rule id a format can produce is known and explained', () => {
		for (const rule of produced) {
			expect(CRASH_RULES, rule).toContain(rule);
			const e = CRASH_EXPLANATIONS[rule];
			expect(e, rule).toBeDefined();
			expect(e.meaning.length, rule).toBeGreaterThan(40);
			expect(e.causes.length, rule).toBeGreaterThan(0);
			expect(e.next_steps.length, rule).toBeGreaterThan(0);
			expect(e.references.length, rule).toBeGreaterThan(0);
		}
	});

	it('every notice covers its example and tells why it is no bug', () => {
		for (const n of CRASH_NOTICES) {
			const lines = n.example.line === undefined ? [] : [{ text: n.example.line }];
			expect(crashNotice(n.example.title, lines), n.rule).toBe(n);
			expect(n.why.length, n.rule).toBeGreaterThan(20);
			expect(CRASH_EXPLANATIONS[n.rule].notice, n.rule).toBe(true);
			// a notice that needs a line is not taken on its title alone
			if (n.line !== undefined) expect(crashNotice(n.example.title, [])).not.toBe(n);
		}
	});
});

describe('decode command of a crash in an earlier boot', () => {
	it('names the release of the boot the report was printed in, not the latest one', async () => {
		const { analyzeText } = await import('../../src/lib/pipeline.ts');
		// three boots of three kernels; the oops, in the second, prints no `CPU: … <release>` line
		const log = [
			'[    0.000000] Linux version 4.15.0-20-generic (buildd@lgw01) (gcc version 7.3.0) #21-Ubuntu SMP',
			'[    1.000000] Command line: ro quiet',
			'[    0.000000] Linux version 4.15.0-29-generic (buildd@lgw01) (gcc version 7.3.0) #31-Ubuntu SMP',
			'[   10.000000] BUG: unable to handle kernel NULL pointer dereference at 0000000000000008',
			'[   10.000001] IP: ext4_get_group_desc+0x12/0x90',
			'[   10.000002] Call Trace:',
			'[   10.000003]  ext4_read_block_bitmap_nowait+0x5d/0x6c0',
			'[   10.000004]  ext4_mb_init_cache+0x163/0x6d0',
			'[    0.000000] Linux version 4.15.0-43-generic (buildd@lgw01) (gcc version 7.3.0) #46-Ubuntu SMP',
			'[    1.000000] Command line: ro quiet'
		].join('\n');
		const r = await analyzeText(log);
		expect(r.metadata.kernel_version).toBe('4.15.0-20-generic');
		expect(r.metadata.latest_kernel_version).toBe('4.15.0-43-generic');
		const crash = r.findings.find((f) => f.category === 'crash');
		expect(crash?.first_seen.boot).toBe(1);
		const steps = crash?.explanation.next_steps.join('\n') ?? '';
		expect(steps).toContain('decode_stacktrace.sh -r 4.15.0-29-generic');
	});
});

describe('a network device that cannot be freed (logs-srv-messages.log lines 3398-3399)', () => {
	// a report without a call trace: only the kernel's repeated waiting line
	const LINES = [
		'Nov 21 12:18:03 openshiftrunner1 kernel: unregister_netdevice: waiting for lo to become free. Usage count = 1',
		'Nov 21 12:18:13 openshiftrunner1 kernel: unregister_netdevice: waiting for lo to become free. Usage count = 1'
	];
	it('is told to the networking maintainers with the device, not to a guilty function', async () => {
		const { findingsOf } = await import('../support/analyze.ts');
		const f = (await findingsOf(LINES)).find((x) => x.rule === 'crash.netdev-refcount')!;
		expect(f.stack?.frames ?? []).toEqual([]);
		const steps = f.explanation.next_steps.join('\n');
		expect(steps).not.toContain('guilty function');
		expect(steps).toContain('netdev@vger.kernel.org');
		expect(steps).toContain('a container or network namespace ending');
	});
});
