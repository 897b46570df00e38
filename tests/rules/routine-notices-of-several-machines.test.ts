/**
 * Lines with an alarming word (invalid, can't, warning) that the real corpus shows on several
 * machines and that no finding explained: each is now a routine notice that says why it is
 * harmless and when it would matter (docs/RULES.md, "Alarming lines of several machines").
 */
import { describe, expect, it } from 'vitest';
import { analyzeLines } from '../support/analyze.ts';

async function only(lines: string[]) {
	const r = await analyzeLines(lines);
	expect(r.summary.verdict).toBe('healthy');
	expect(r.summary.primary_finding).toBeNull();
	return r.findings.map((f) => [f.rule, f.severity, f.routine, f.count, f.details.devices]);
}

describe('routine notices of lines several machines print', () => {
	it('an NVMe drive without a subsystem name is one notice a boot', async () => {
		// orion-o6-dmesg-out.log lines 599-601, then the same line after a controller reset
		expect(
			await only([
				'[    1.659091] ACPI: bus type drm_connector registered',
				'[    1.659397] nvme nvme0: missing or invalid SUBNQN field.',
				'[    1.659592] nvme nvme0: D3 entry latency set to 8 seconds',
				'[  300.000000] nvme nvme0: missing or invalid SUBNQN field.'
			])
		).toEqual([['storage.nvme-subnqn-missing', 'info', true, 1, ['nvme0']]]);
	});

	it('a GPT backup copy that is invalid on a phone’s eMMC', async () => {
		// bacon-pmos-mainline-dev-dmesg-log.log lines 1839-1842 (OnePlus One)
		expect(
			await only([
				'[    0.714572] mmcblk0boot1: mmc0:0001 064GE2 partition 2 4.00 MiB',
				'[    0.716766] Alternate GPT is invalid, using primary GPT.',
				'[    0.716856]  mmcblk0: p1 p2 p3 p4 p5 p6 p7 p8 p9 p10'
			])
		).toEqual([['storage.gpt-backup-invalid', 'info', true, 1, undefined]]);
	});

	it('the primary GPT copy invalid is not this notice (on a PC the start of the disk was overwritten)', async () => {
		// tf201log-dmesg-txt.log (a Tegra tablet)
		const r = await analyzeLines(['[    9.100000] Primary GPT is invalid, using alternate GPT.']);
		expect(r.findings.map((f) => f.rule)).not.toContain('storage.gpt-backup-invalid');
	});

	it('Intel’s SPI flash controller outside the bridge windows, in both kernels’ words', async () => {
		// intel-audio-sof-dyndbg-conf-log.log lines 439 and 504 (reassigned later); ms912x-dmesg-log.log
		expect(
			await only([
				"[    0.792438] pci 0000:00:1f.5: can't claim BAR 0 [mem 0xfe010000-0xfe010fff]: no compatible bridge window",
				'[    0.805309] pci 0000:00:1f.5: BAR 0: assigned [mem 0x7f510000-0x7f510fff]'
			])
		).toEqual([['hardware.pci-bar-unclaimed', 'info', true, 1, ['0000:00:1f.5']]]);
		expect(
			await only([
				"[    0.454363] pci 0000:00:1f.5: BAR 0 [mem 0xfe010000-0xfe010fff]: can't claim; no compatible bridge window"
			])
		).toEqual([['hardware.pci-bar-unclaimed', 'info', true, 1, ['0000:00:1f.5']]]);
	});

	it('bridges renumbered by the kernel, in a VM: one notice naming each bridge', async () => {
		// ubuntu-20-04-fips-logs-dmesg-txt.log lines 357-373 (VMware's hot-plug bridges)
		expect(
			await only([
				'[   14.691427] pci 0000:0a:00.0: bridge configuration invalid ([bus 05-08]), reconfiguring',
				'[   14.751433] pci 0000:0b:00.0: bridge configuration invalid ([bus 06-06]), reconfiguring',
				'[   14.755433] pci 0000:0b:01.0: bridge configuration invalid ([bus 07-07]), reconfiguring'
			])
		).toEqual([
			[
				'hardware.pci-bridge-renumbered',
				'info',
				true,
				1,
				['0000:0a:00.0', '0000:0b:00.0', '0000:0b:01.0']
			]
		]);
	});

	it('a Tegra SD controller’s block size', async () => {
		// tf201log-dmesg-txt.log lines 510-518 (Asus Transformer Prime)
		expect(
			await only([
				'<4>[    8.575833] mmc0: Invalid maximum block size, assuming 512 bytes',
				'<6>[    8.575994] mmc0: no vmmc regulator found',
				'<4>[    8.579848] mmc1: Invalid maximum block size, assuming 512 bytes'
			])
		).toEqual([['storage.sdhci-block-size-assumed', 'info', true, 1, ['mmc0', 'mmc1']]]);
	});

	it('ext4 mounted with data=journal on a phone', async () => {
		// ubtouch-dmesg-dmesg.log lines 943-946 (Ubuntu Touch)
		const r = await analyzeLines([
			'[    9.485667] initrd: mounting /dev/mmcblk0p29',
			'[    9.647449] EXT4-fs: Warning: mounting with data=journal disables delayed allocation and O_DIRECT support!',
			'[    9.658969] EXT4-fs (mmcblk0p29): mounted filesystem with journalled data mode. Opts: discard,data=journal'
		]);
		const f = r.findings.find((x) => x.rule === 'filesystem.ext4-data-journal');
		expect([f?.severity, f?.routine, f?.count]).toEqual(['info', true, 1]);
		expect(r.summary.primary_finding).toBeNull();
	});
});
