/**
 * Line-rule findings as the person who pasted the log reads them (rules23). Excerpts name their
 * corpus file (shared/corpus/real) and lines; lines not in the corpus are built from the real
 * lines of the same message (named with each) in the shape of the log they come from.
 */
import { describe, expect, it } from 'vitest';
import { analyzeLines, findingsOf } from '../support/analyze.ts';

type F = Awaited<ReturnType<typeof findingsOf>>[number];

const summary = (f: F[]) => f.map((x) => [x.rule, x.title, x.severity, x.count]);

describe('one firmware request Debian prints two or three times counts once', () => {
	it('b43: each file it asked for is one request (dfir-sample-files-syslog-1)', async () => {
		// dfir-sample-files-syslog-1.log lines 1056-1070 (Debian 6.6, BCM43228): each file twice in
		// Debian's form, then upstream's line; one request per file, then b43's summary line
		const f = await findingsOf([
			'2024-12-18T00:43:18.755087+01:00 kpepe kernel: b43 bcma0:1: firmware: failed to load b43/ucode30_mimo.fw (-2)',
			'2024-12-18T00:43:18.755089+01:00 kpepe kernel: firmware_class: See https://wiki.debian.org/Firmware for information about missing firmware',
			'2024-12-18T00:43:18.755091+01:00 kpepe kernel: b43 bcma0:1: firmware: failed to load b43/ucode30_mimo.fw (-2)',
			'2024-12-18T00:43:18.755103+01:00 kpepe kernel: b43 bcma0:1: Direct firmware load for b43/ucode30_mimo.fw failed with error -2',
			'2024-12-18T00:43:18.755109+01:00 kpepe kernel: b43 bcma0:1: firmware: failed to load b43/ucode30_mimo.fw (-2)',
			'2024-12-18T00:43:18.755111+01:00 kpepe kernel: b43 bcma0:1: firmware: failed to load b43/ucode30_mimo.fw (-2)',
			'2024-12-18T00:43:18.755113+01:00 kpepe kernel: b43 bcma0:1: Direct firmware load for b43/ucode30_mimo.fw failed with error -2'
		]);
		// the driver asked twice (b43 tries the file again): two requests, not six lines
		expect(summary(f)).toEqual([
			['firmware.load-failed', 'Firmware b43/ucode30_mimo.fw could not be loaded', 'low', 2]
		]);
	});

	it("brcmfmac's board file, asked for once, is one occurrence", async () => {
		// built from dfir-sample-files-syslog-1.log lines 1056-1059 (Debian's three lines of one
		// request, with firmware_class's hint between) and archlinux-for-z83's brcmfmac line
		// (BCM43340 on SDIO): the only real log with Debian's copies has no brcmfmac
		const f = await findingsOf([
			'2024-12-18T00:43:18.755087+01:00 kpepe kernel: brcmfmac mmc1:0001:1: firmware: failed to load brcm/brcmfmac43340-sdio.txt (-2)',
			'2024-12-18T00:43:18.755089+01:00 kpepe kernel: firmware_class: See https://wiki.debian.org/Firmware for information about missing firmware',
			'2024-12-18T00:43:18.755091+01:00 kpepe kernel: brcmfmac mmc1:0001:1: firmware: failed to load brcm/brcmfmac43340-sdio.txt (-2)',
			'2024-12-18T00:43:18.755103+01:00 kpepe kernel: brcmfmac mmc1:0001:1: Direct firmware load for brcm/brcmfmac43340-sdio.txt failed with error -2'
		]);
		expect(summary(f)).toEqual([
			[
				'firmware.brcmfmac-nvram-missing',
				'Wi-Fi board file (NVRAM) brcm/brcmfmac43340-sdio.txt missing: brcmfmac probably cannot start the chip',
				'medium',
				1
			]
		]);
	});

	it("Tegra's USB firmware loaded at a second try is one request in Debian's three lines", async () => {
		// built from jetsontx2-samsung-dmesg-samsung-log.log lines 703 and 832 (Jetson TX2, 4.4)
		// with Debian's two lines of the request before upstream's (dfir-sample-files-syslog-1's
		// shape)
		const f = await findingsOf([
			'[    6.216901] xhci-tegra 3530000.xhci: firmware: failed to load tegra18x_xusb_firmware (-2)',
			'[    6.216920] firmware_class: See https://wiki.debian.org/Firmware for information about missing firmware',
			'[    6.216930] xhci-tegra 3530000.xhci: firmware: failed to load tegra18x_xusb_firmware (-2)',
			'[    6.216944] xhci-tegra 3530000.xhci: Direct firmware load for tegra18x_xusb_firmware failed with error -2',
			'[    8.430555] xhci-tegra 3530000.xhci: Firmware timestamp: 2017-03-31 06:21:56 UTC, Version: 55.07 release'
		]);
		expect(summary(f)).toEqual([
			['firmware.load-failed', 'Firmware tegra18x_xusb_firmware loaded at a second try', 'info', 1]
		]);
	});

	it('upstream lines alone are each a request: a driver that asks again counts again', async () => {
		// i915's DMC file as upstream prints it (RULES.md's example), asked for twice
		const f = await findingsOf([
			'[    2.901112] i915 0000:00:02.0: Direct firmware load for i915/kbl_dmc_ver1_04.bin failed with error -2',
			'[    2.901190] i915 0000:00:02.0: Direct firmware load for i915/kbl_dmc_ver1_04.bin failed with error -2'
		]);
		expect(f.map((x) => [x.rule, x.count])).toEqual([['firmware.load-failed', 2]]);
	});
});

describe('a network link that goes down', () => {
	// crash-dmesg-vmcore-dmesg-txt.log lines 538-541 and 5998-6001 (RHEL 6, bnxt_en): bond1 drops
	// and comes back at once, twice in a row, twice in the log; nothing else about the card
	const FLAPS = [
		'<3>bnxt_en 0000:82:00.1: bond1: NIC Link is Down',
		'<3>bnxt_en 0000:82:00.0: p4p1: unhandled ASYNC event (id 0x6)',
		'<6>bnxt_en 0000:82:00.1: bond1: NIC Link is Up, 10000 Mbps full duplex, Flow control: ON - receive & transmit',
		'<3>bnxt_en 0000:82:00.0: p4p1: unhandled ASYNC event (id 0x6)'
	];

	it('4 drops with no cause in the log are low, not a medium problem (crash-dmesg bond1)', async () => {
		const f = await findingsOf([
			...FLAPS,
			...FLAPS,
			'<6>br0: port 5(vnet6) entering forwarding state',
			...FLAPS,
			...FLAPS
		]);
		expect(summary(f)).toEqual([['network.link-down', 'Network link down on bond1', 'low', 4]]);
	});

	it('10 drops are medium: the link keeps flapping', async () => {
		// the same lines five times over (built: the log has 4 drops)
		const f = await findingsOf(Array.from({ length: 10 }, () => FLAPS).flat());
		expect(summary(f)).toEqual([['network.link-down', 'Network link down on bond1', 'medium', 10]]);
	});

	it('the drops of a card that also hangs are part of that hang, low and linked to it (i225nic)', async () => {
		// i225nic-pstore-panic-log-txt.log (igc, I225): its first five `Detected Tx Unit Hang`
		// lines (lines 3, 14, 25, 73, 84; the ring dumps after them left out), then each of its 9
		// drops with the `Reset adapter` and `NIC Link is Up` after it (lines 259-260, 315-316,
		// 389-390 … 623), in time order as the kernel printed them (the pstore records repeat
		// them out of order); a tenth drop built from the same lines, so that the drops alone
		// would be a medium storm
		const hangs = ['885.943938', '887.927912', '889.943954', '891.927957', '893.943938'].map(
			(t) => `<3>[  ${t}] igc 0000:02:00.0 enp2s0: Detected Tx Unit Hang`
		);
		const drops = [
			['913.489892', '913.490303', '921.154626'],
			['963.734002', '963.734557', '972.442112'],
			['1030.681963', '1030.682379', '1040.817909'],
			['1080.601186', '1080.601856', '1085.941219'],
			['1132.008540', '1132.008963', '1140.668513'],
			['1156.088250', '1156.088660', '1161.032308'],
			['1177.840028', '1177.840420', '1188.876026'],
			['1247.407380', '1247.407781', '1257.331441'],
			['1314.626863', '1314.627267', '1322.286925'],
			['1350.100000', '1350.100400', '1358.200000']
		].flatMap(([down, reset, up]) => [
			`<6>[${down.padStart(12)}] igc 0000:02:00.0 enp2s0: NIC Link is Down`,
			`<3>[${reset.padStart(12)}] igc 0000:02:00.0 enp2s0: Reset adapter`,
			`<6>[${up.padStart(12)}] igc 0000:02:00.0 enp2s0: NIC Link is Up 2500 Mbps Full Duplex, Flow Control: RX`
		]);
		const r = await analyzeLines([...hangs, ...drops]);
		const hang = r.findings.find((x) => x.rule === 'network.nic-hang')!;
		const link = r.findings.find((x) => x.rule === 'network.link-down')!;
		expect([link.title, link.severity, link.count]).toEqual([
			'Network link down on enp2s0',
			'low',
			10
		]);
		expect(hang.severity).toBe('critical');
		expect(link.related).toContain(hang.id);
		expect(r.cascades.map((c) => c.chain)).toEqual([[hang.id, link.id]]);
		expect(link.explanation.meaning).toContain(
			'Here the same card also reported transmit hangs (`Network card enp2s0 transmit hang (igc)`): the drops are part of that card'
		);
		expect(link.explanation.next_steps[0]).toContain(
			"Deal with the card's transmit hangs first (`Network card enp2s0 transmit hang (igc)`"
		);
	});
});

describe('machine check events logged', () => {
	it('says they are mostly corrected, how to read them, and when they mean failing hardware', async () => {
		// abrt-oops-full-hostname.log line 1 (Fedora syslog)
		const f = await findingsOf([
			'Oct 12 23:25:16 coprbox.den kernel: mce: [Hardware Error]: Machine check events logged'
		]);
		expect(summary(f)).toEqual([
			['hardware.machine-check-logged', 'Machine check events logged', 'medium', 1]
		]);
		const { meaning, next_steps } = f[0].explanation;
		expect(meaning).toContain('most often corrected ones');
		expect(meaning).toContain(
			'uncorrected errors, or corrected ones that keep coming from the same memory module, CPU or bank, point at failing hardware'
		);
		const steps = next_steps.join('\n');
		for (const tool of [
			'`ras-mc-ctl --errors`',
			'`mcelog --client`',
			'BMC’s event log',
			'`ipmitool sel elist`'
		])
			expect(steps).toContain(tool);
	});
});

describe('Adreno GMU that fails to stop, counted by event', () => {
	it('counts each failed stop once, not the forced suspend after it (iamslightlywin)', async () => {
		// iamslightlywin-dump-last-kmsg.log lines 15-16 and 33-34 (Samsung tablet, 4.19): each
		// failed stop is followed by the forced suspend, 0.5 ms later; the log has 587 of each
		const f = await findingsOf([
			'<3>[22556.688033]  [3:  kworker/u17:5: 9481] platform 3d6a000.qcom,gmu: Failed to stop GMU',
			'<3>[22556.688499]  [3:  kworker/u17:5: 9481] platform 3d6a000.qcom,gmu: Suspended GMU',
			'<3>[22558.677949]  [2:  kworker/u17:3: 1673] platform 3d6a000.qcom,gmu: Failed to stop GMU',
			'<3>[22558.678403]  [2:  kworker/u17:3: 1673] platform 3d6a000.qcom,gmu: Suspended GMU'
		]);
		expect(summary(f)).toEqual([
			[
				'gpu.adreno-gmu-stop-failed',
				'Adreno GPU management unit 3d6a000.qcom,gmu could not be stopped',
				'medium',
				2
			]
		]);
	});
});
