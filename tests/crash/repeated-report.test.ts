import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { fnv1a } from '../../src/lib/util/hash.ts';

/**
 * a WARNING report as the kernel prints it, at kernel time `t` seconds, blaming `fn`, raised at
 * `at` (the WARN()'s source location) and called from `caller`
 */
function warning(
	t: number,
	fn: string,
	at = 'drivers/gpu/drm/radeon/radeon_gart.c:256',
	caller = 'radeon_ttm_backend_unbind'
): string {
	const ts = (k: number) => `[${(t + k / 1e6).toFixed(6).padStart(12)}]`;
	return [
		`${ts(0)} ------------[ cut here ]------------`,
		`${ts(1)} WARNING: CPU: 1 PID: 123 at ${at} ${fn}+0x1a/0x90 [radeon]`,
		`${ts(2)} Modules linked in: radeon`,
		`${ts(3)} CPU: 1 PID: 123 Comm: Xorg Not tainted 6.1.0 #1`,
		`${ts(4)} Call Trace:`,
		`${ts(5)}  <TASK>`,
		`${ts(6)}  ${fn}+0x1a/0x90 [radeon]`,
		`${ts(7)}  ${caller}+0x20/0x40 [radeon]`,
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

describe('reports of one syzbot title', () => {
	const id = (rule: string, title: string, variant?: string) =>
		`crash-${fnv1a(variant === undefined ? `${rule}\n${title}` : `${rule}\n${title}\n${variant}`)}`;

	it('raised at another source location are findings of their own, the title unchanged', async () => {
		const found = await crashes(
			[
				warning(100, 'radeon_gart_unbind'),
				warning(200, 'radeon_gart_unbind', 'drivers/gpu/drm/radeon/radeon_gart.c:260'),
				warning(300, 'radeon_gart_unbind')
			].join('\n')
		);
		expect(found.map((f) => [f.title, f.count, f.details.source_location])).toEqual([
			['WARNING in radeon_gart_unbind', 2, 'drivers/gpu/drm/radeon/radeon_gart.c:256'],
			['WARNING in radeon_gart_unbind', 1, 'drivers/gpu/drm/radeon/radeon_gart.c:260']
		]);
		// their ids name the file and line (not the build directory) besides rule and title
		expect(found.map((f) => f.id)).toEqual([
			id('crash.warning', 'WARNING in radeon_gart_unbind', 'radeon_gart.c:256'),
			id('crash.warning', 'WARNING in radeon_gart_unbind', 'radeon_gart.c:260')
		]);
	});

	it('raised at one location from several callers are one finding that names them all', async () => {
		const found = await crashes(
			[
				warning(100, 'radeon_gart_unbind'),
				warning(200, 'radeon_gart_unbind', undefined, 'radeon_gart_fini'),
				warning(300, 'radeon_gart_unbind')
			].join('\n')
		);
		expect(found).toHaveLength(1);
		expect(found[0].count).toBe(3);
		expect(found[0].details.called_from).toEqual(['radeon_ttm_backend_unbind', 'radeon_gart_fini']);
		// alone with its title, a finding keeps the id of its rule and title
		expect(found[0].id).toBe(id('crash.warning', 'WARNING in radeon_gart_unbind'));
	});

	it('are two findings in fishlogs-dmesg-log.log: two drivers, two checks of device_create_file', async () => {
		const log = readFileSync(
			join(import.meta.dirname, '..', '..', 'fixtures', 'output', 'fishlogs-dmesg-log.log'),
			'utf8'
		);
		const found = await crashes(log);
		expect(
			found.map((f) => [
				f.title,
				f.count,
				f.first_line,
				f.details.source_location,
				f.details.called_from
			])
		).toEqual([
			[
				'WARNING in device_create_file',
				1,
				587,
				'/home/dpi/qb5_8814/workspace/HEROQLTE_USA_TMO/android/kernel/drivers/base/core.c:551',
				['sensors_init']
			],
			[
				'WARNING in device_create_file',
				1,
				1854,
				'/home/dpi/qb5_8814/workspace/HEROQLTE_USA_TMO/android/kernel/drivers/base/core.c:548',
				['android_probe']
			]
		]);
		expect(new Set(found.map((f) => f.id)).size).toBe(2);
	});
});
