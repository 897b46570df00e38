/**
 * Three lines of ARM boards and tablets that no finding explained: a primary GPT read from its
 * backup (by design on Tegra tablets booted with `gpt gpt_sector=`, damage elsewhere), Qualcomm's
 * temperature sensor calibration printed at a deferred probe, and an eMMC controller whose I/O
 * supply refuses 3.3 V (docs/RULES.md).
 */
import { describe, expect, it } from 'vitest';
import { analyzeLines } from '../support/analyze.ts';

describe('a primary GPT read from its backup copy', () => {
	it('is the intended layout on a Tegra tablet booted with gpt_sector=', async () => {
		// clamor-s-files-grate-19062020-dmesg-txt.log lines 5, 22, 270 and 305-306 (Asus TF201)
		const r = await analyzeLines([
			'[    0.000000] OF: fdt: Machine model: Asus Transformer Prime TF201',
			'[    0.000000] Kernel command line:  tegraid=30.1.3.0.0 mem=1022M@2048M vmalloc=768M video=tegrafb tegraboot=sdmmc gpt gpt_sector=62078975 console=ttyS0,115200n8',
			'[    0.702362] mmcblk0: mmc0:0001 HYNIX  29.6 GiB ',
			'[    0.713837] Primary GPT is invalid, using alternate GPT.',
			'[    0.713990]  mmcblk0: p1 p2 p3 p4 p5 p6 p7 p8'
		]);
		const f = r.findings.filter((x) => x.rule === 'storage.gpt-primary-invalid');
		expect(f.map((x) => [x.severity, x.count, x.details.gpt_sector])).toEqual([
			['info', 1, '62078975']
		]);
		expect(f[0].title).toContain('end of the eMMC');
		expect(f[0].explanation.next_steps.join(' ')).toContain('Do not let a partitioning tool');
		expect(r.summary.verdict).toBe('healthy');
	});

	it('is a damaged table to rebuild from its backup without gpt_sector=', async () => {
		// the same line on a machine booted with `gpt` alone (tf201log-dmesg-txt.log line 575's line)
		const r = await analyzeLines([
			'[    0.000000] Kernel command line: BOOT_IMAGE=/vmlinuz root=/dev/sda2 ro gpt',
			'[    2.100000] sd 0:0:0:0: [sda] Attached SCSI disk',
			'[    2.110000] Primary GPT is invalid, using alternate GPT.',
			'[    2.110100]  sda: sda1 sda2'
		]);
		const f = r.findings.filter((x) => x.rule === 'storage.gpt-primary-invalid');
		expect(f.map((x) => [x.severity, x.title])).toEqual([
			['low', 'Primary GPT partition table invalid: its backup copy at the end of the disk is used']
		]);
		expect(f[0].explanation.next_steps.join(' ')).toContain('gdisk');
		expect(r.summary.verdict).toBe('minor-issues');
	});
});

describe('qcom-tsens calibration and the eMMC signalling voltage', () => {
	it('a tsens calibration failure at a deferred probe is an info finding naming the sensor', async () => {
		// bacon-pmos-mainline-dev-dmesg-log.log lines 892-894 (OnePlus One, 4.17, initcall_debug)
		const r = await analyzeLines([
			'[    0.380750] qcom-tsens fc4a8000.thermal-sensor: tsens calibration failed',
			'[    0.380871] platform fc4a8000.thermal-sensor: Driver qcom-tsens requests probe deferral',
			'[    0.380881] platform fc4a8000.thermal-sensor: Added to deferred list'
		]);
		expect(r.findings.map((x) => [x.rule, x.severity, x.details.device])).toEqual([
			['hardware.tsens-calibration-failed', 'info', 'fc4a8000.thermal-sensor']
		]);
		expect(r.findings[0].explanation.next_steps[0]).toContain('/sys/class/thermal/');
		expect(r.summary.verdict).toBe('healthy');
	});

	it('an eMMC whose I/O supply refuses 3.3 V is a routine notice', async () => {
		// bacon-pmos-mainline-dev-logs-dmesg.log lines 412-415 (OnePlus One)
		const r = await analyzeLines([
			'[    2.082313] mmc0: Switching to 3.3V signalling voltage failed',
			'[    2.134899] mmc0: SDHCI controller on f9824900.sdhci [f9824900.sdhci] using ADMA 64-bit',
			'[    2.224455] mmc0: new HS200 MMC card at address 0001',
			'[    2.224966] mmcblk0: mmc0:0001 064GE2 58.2 GiB'
		]);
		expect(r.findings.map((x) => [x.rule, x.severity, x.routine, x.details.devices])).toEqual([
			['storage.mmc-3v3-signalling-failed', 'info', true, ['mmc0']]
		]);
		expect(r.summary.primary_finding).toBeNull();
	});
});
