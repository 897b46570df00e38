/**
 * The routine lines users ask about most (regulatory.db, iwlwifi's firmware versions,
 * `BIOS _OSI(Linux) query ignored`, nvidia's modeset ownership …) had been dropped silently by
 * the benign list; they are routine notices now (rules/notices-known.ts): info, one finding per
 * driver or kind, one occurrence per boot, and never the finding of the rule that used to match
 * them. Real failures of the same drivers keep their findings and severity.
 */
import { describe, expect, it } from 'vitest';
import { LINE_RULES } from '../../src/lib/analysis/rules/index.ts';
import { KNOWN_NOTICES } from '../../src/lib/analysis/rules/notices-known.ts';
import { analyzeLines, findingsOf } from '../support/analyze.ts';

type F = Awaited<ReturnType<typeof findingsOf>>[number];
const brief = (f: F[]) => f.map((x) => [x.rule, x.severity, x.count]);

describe('routine notices of lines another rule would report', () => {
	it('are routine info rules listed before every other rule', () => {
		KNOWN_NOTICES.forEach((r, i) => {
			expect(r.routine, r.id).toBe(true);
			expect(r.severity, r.id).toBe('info');
			expect(LINE_RULES[i], r.id).toBe(r);
		});
	});

	it('take each example line, and no other rule does', async () => {
		for (const r of KNOWN_NOTICES)
			for (const ex of r.examples) {
				const f = await findingsOf([`[    1.000000] ${ex}`]);
				expect(brief(f), ex).toEqual([[r.id, 'info', 1]]);
			}
	});

	it('count one occurrence per boot, with every line of the first boot as evidence', async () => {
		// intel-audio-sof-dyndbg-conf-log.log: eight versions tried before one loads, in each boot
		const boot = (n: number) => [
			'[    0.000000] Linux version 5.15.0 (builder@host1) #1 SMP',
			`[    3.10000${n}] iwlwifi 0000:00:14.3: Direct firmware load for iwlwifi-QuZ-a0-hr-b0-72.ucode failed with error -2`,
			`[    3.10001${n}] iwlwifi 0000:00:14.3: Direct firmware load for iwlwifi-QuZ-a0-hr-b0-71.ucode failed with error -2`,
			`[    3.10002${n}] iwlwifi 0000:00:14.3: Direct firmware load for iwlwifi-QuZ-a0-hr-b0-70.ucode failed with error -2`,
			'[    3.200000] iwlwifi 0000:00:14.3: loaded firmware version 59.601f3a66.0 QuZ-a0-hr-b0-59.ucode op_mode iwlmvm'
		];
		const r = await analyzeLines([...boot(1), ...boot(2)]);
		expect(brief(r.findings)).toEqual([['network.iwlwifi-firmware-probe', 'info', 2]]);
		const [f] = r.findings;
		expect(f.evidence.map((e) => e.line)).toEqual([2, 3, 4]);
		expect(f.details.files).toEqual([
			'iwlwifi-QuZ-a0-hr-b0-72.ucode',
			'iwlwifi-QuZ-a0-hr-b0-71.ucode',
			'iwlwifi-QuZ-a0-hr-b0-70.ucode'
		]);
		expect(r.summary.verdict).toBe('healthy');
		expect(r.summary.primary_finding).toBeNull();
	});

	it('take cfg80211’s own line after the loader’s as the same event', async () => {
		// bacon-pmos-mainline-dev-dmesg-log.log lines 1228-1229
		const f = await findingsOf([
			'[    0.464487] platform regulatory.0: Direct firmware load for regulatory.db failed with error -2',
			'[    0.464520] cfg80211: failed to load regulatory.db'
		]);
		expect(brief(f)).toEqual([['network.regulatory-db-missing', 'info', 1]]);
		expect(f[0].evidence.map((e) => e.line)).toEqual([1, 2]);
		expect(f[0].explanation.next_steps.join(' ')).toContain('wireless-regdb');
	});

	it('leave iwlwifi’s failure to find any firmware a medium finding, without a notice', async () => {
		// intel-audio-dmesg-log.log lines 518-555: 34 versions tried, none installed
		const lines = [];
		for (let v = 72; v >= 39; v--)
			lines.push(
				`[    3.2981${v}] iwlwifi 0000:00:14.3: Direct firmware load for iwlwifi-QuZ-a0-jf-b0-${v}.ucode failed with error -2`
			);
		lines.push(
			'[    3.298135] iwlwifi 0000:00:14.3: no suitable firmware found!',
			'[    3.298137] iwlwifi 0000:00:14.3: minimum version required: iwlwifi-QuZ-a0-jf-b0-39',
			'[    3.298140] iwlwifi 0000:00:14.3: maximum version supported: iwlwifi-QuZ-a0-jf-b0-72'
		);
		const f = await findingsOf(lines);
		expect(brief(f)).toEqual([['firmware.load-failed', 'medium', 1]]);
		expect(f[0].title).toBe('No usable firmware found for iwlwifi');
	});

	it('leave a missing generic brcmfmac NVRAM file a medium finding, without a notice', async () => {
		const f = await findingsOf([
			'[    4.000000] brcmfmac mmc1:0001:1: Direct firmware load for brcm/brcmfmac43455-sdio.raspberrypi,3-model-b-plus.txt failed with error -2',
			'[    4.000100] brcmfmac mmc1:0001:1: Direct firmware load for brcm/brcmfmac43455-sdio.txt failed with error -2'
		]);
		expect(brief(f)).toEqual([['firmware.brcmfmac-nvram-missing', 'medium', 1]]);
	});

	it('take only a missing file: another error is still firmware.load-failed', async () => {
		const f = await findingsOf([
			'[    4.0] platform regulatory.0: Direct firmware load for regulatory.db failed with error -22',
			'[    4.1] iwlwifi 0000:00:14.3: Direct firmware load for iwlwifi-QuZ-a0-hr-b0-72.ucode failed with error -110'
		]);
		expect(brief(f)).toEqual([
			['firmware.load-failed', 'medium', 1],
			['firmware.load-failed', 'medium', 1]
		]);
	});

	it('leave other [Firmware Bug] and *ERROR* lines to their rules', async () => {
		const f = await findingsOf([
			'[    0.1] [Firmware Bug]: TSC_DEADLINE disabled due to Errata; please update microcode to version: 0x52 (or later)',
			'[    2.0] [drm:vmw_cmdbuf_work_func [vmwgfx]] *ERROR* Command buffer error.'
		]);
		expect(f.map((x) => x.rule)).not.toContain('firmware.bios-osi-linux');
		expect(f.every((x) => x.severity !== 'info')).toBe(true);
	});

	it('keep `ACPI: Added _OSI(…)` silent: it does not even look alarming', async () => {
		const f = await findingsOf([
			'[    0.1] ACPI: Added _OSI(Module Device)',
			'[    0.1] ACPI: Added _OSI(Processor Device)'
		]);
		expect(f).toEqual([]);
	});
});
