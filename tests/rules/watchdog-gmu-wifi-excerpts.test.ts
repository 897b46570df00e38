/**
 * Messages that a QA reading of the real-log corpus (shared/corpus/real) found mishandled: each
 * test keeps the few real lines it needs, naming the corpus file they come from.
 */
import { describe, expect, it } from 'vitest';
import { NMI_PANIC } from '../support/excerpts.ts';
import { analyzeText } from '../../src/lib/pipeline.ts';

const analyze = (lines: string[]) => analyzeText(lines.join('\n') + '\n');

describe('a watchdog left running at shutdown that then fires', () => {
	// apimnewyear-vmcore-dmesg-txt.log (RHEL 8, HPE ProLiant DL380 Gen10): wdmd (sanlock) killed at
	// shutdown leaves the watchdog running; 51 s later hpwdt's pretimeout NMI panics the machine
	const shutdown = [
		'[6060181.105131] systemd-shutdown[1]: Sending SIGKILL to remaining processes...',
		'[6060181.119849] systemd-shutdown[1]: Sending SIGKILL to PID 35074 (sanlock).',
		'[6060181.119953] systemd-shutdown[1]: Sending SIGKILL to PID 35095 (wdmd).',
		'[6060181.120538] watchdog: watchdog0: watchdog did not stop!',
		'[6060181.158459] systemd-shutdown[1]: Unmounting file systems.',
		'[6060186.885582] systemd-shutdown[1]: All filesystems unmounted.',
		'[6060186.886185] systemd-shutdown[1]: Deactivating swaps.',
		'[6060186.886846] systemd-shutdown[1]: Deactivating swap /dev/dm-4.'
	];
	const panic = NMI_PANIC;

	it('is the cause of the NMI panic: one cascade, the watchdog its root', async () => {
		const r = await analyze([...shutdown, ...panic]);
		const wd = r.findings.find((f) => f.rule === 'power.watchdog-reset')!;
		const p = r.findings.find((f) => f.rule === 'crash.panic')!;
		expect(wd.title).toBe('Watchdog left running at shutdown fired and panicked the machine');
		expect(wd.severity).toBe('medium');
		expect(wd.evidence.map((e) => e.line)).toEqual([4, 9]);
		expect(wd.related).toEqual([p.id]);
		expect(r.cascades.map((c) => c.chain)).toEqual([[wd.id, p.id]]);
		expect(r.summary.root_cause).toBe(wd.id);
	});

	// lines 9601 and 9642 of the same log: the NFS server (an oVirt ISO domain) stopped answering
	// long before the shutdown and still did not answer between `did not stop!` and the panic
	const nfsBefore = '[6060157.277526] nfs: server 10.143.140.121 not responding, timed out';
	const nfsDuring = '[6060204.893402] nfs: server 10.143.140.121 not responding, timed out';

	it('has an NFS server still unreachable while it ran down as a possible cause', async () => {
		const r = await analyze([nfsBefore, ...shutdown, nfsDuring, ...panic]);
		const nfs = r.findings.find((f) => f.rule === 'network.nfs-not-responding')!;
		const wd = r.findings.find((f) => f.rule === 'power.watchdog-reset')!;
		const p = r.findings.find((f) => f.rule === 'crash.panic')!;
		expect(r.cascades.map((c) => c.chain)).toEqual([[nfs.id, wd.id, p.id]]);
		expect(r.cascades[0].links.map((l) => [l.cause, l.effect, l.certainty, l.reason])).toEqual([
			[
				nfs.id,
				wd.id,
				'possible',
				'the NFS server was still not answering 24 s after the watchdog was left running, before it fired'
			],
			[wd.id, p.id, 'probable', null]
		]);
		expect(r.cascades[0].description).toMatch(
			/^NFS server 10\.143\.140\.121 not responding → possibly → Watchdog left running at shutdown fired and panicked the machine \(the NFS server was still not answering 24 s after the watchdog was left running, before it fired\) → kernel panic: /
		);
		expect(nfs.related).toEqual([wd.id]);
		expect(wd.related).toEqual([nfs.id, p.id].sort());
		// a possible cause is shown in the cascade, never named the root cause
		expect(r.summary.root_cause).toBe(wd.id);
	});

	it('does not have an NFS server as a possible cause when it was not heard from meanwhile', async () => {
		const r = await analyze([nfsBefore, ...shutdown, ...panic]);
		const wd = r.findings.find((f) => f.rule === 'power.watchdog-reset')!;
		const p = r.findings.find((f) => f.rule === 'crash.panic')!;
		expect(r.cascades.map((c) => c.chain)).toEqual([[wd.id, p.id]]);
	});

	it('alone stays a routine notice, linked to nothing', async () => {
		const r = await analyze(shutdown);
		const [wd] = r.findings;
		expect([wd.title, wd.severity]).toEqual(['Watchdog left running at shutdown', 'info']);
		expect(r.cascades).toEqual([]);
	});

	it('is not the cause of an NMI panic long after (hpwdt panics on any NMI it cannot place)', async () => {
		const late = panic.map((l) => l.replace('[6060232.', '[6067232.'));
		// nor is an unreachable NFS server the cause of a watchdog that did not fire
		const r = await analyze([...shutdown, nfsDuring, ...late]);
		const wd = r.findings.find((f) => f.rule === 'power.watchdog-reset')!;
		expect([wd.title, wd.severity]).toEqual(['Watchdog left running at shutdown', 'info']);
		expect(r.cascades).toEqual([]);
		expect(r.findings.every((f) => f.related.length === 0)).toBe(true);
	});

	it('a flood of them is all counted, the last ones still resolved by the panic', async () => {
		// each held message is tested against every later line: only the latest 32 are held
		const flood = Array.from({ length: 100 }, () => shutdown[3]);
		const r = await analyze([...flood, ...panic]);
		const wd = r.findings.filter((f) => f.rule === 'power.watchdog-reset');
		expect(wd.map((f) => [f.title, f.count])).toEqual([
			['Watchdog left running at shutdown', 68],
			['Watchdog left running at shutdown fired and panicked the machine', 32]
		]);
	});

	it('does not make a reset reason at boot the cause of a later NMI panic', async () => {
		const r = await analyze([
			'[    2.100000] imx2-wdt 20bc000.wdog: Last reset was caused by watchdog',
			...panic
		]);
		const wd = r.findings.find((f) => f.rule === 'power.watchdog-reset')!;
		expect([wd.title, wd.severity]).toEqual(['Previous reset was caused by a watchdog', 'high']);
		expect(r.cascades).toEqual([]);
	});
});

describe('Adreno GMU that cannot be stopped', () => {
	// iamslightlywin-dump-last-kmsg.log (Android, Adreno 650): 587 times in 6 minutes, each followed
	// by the forced stop's `Suspended GMU`
	it('is one GPU finding with its count', async () => {
		const r = await analyze([
			'<3>[22556.688033]  [3:  kworker/u17:5: 9481] platform 3d6a000.qcom,gmu: Failed to stop GMU',
			'<3>[22556.688499]  [3:  kworker/u17:5: 9481] platform 3d6a000.qcom,gmu: Suspended GMU',
			'<7>[22556.723630]  [3:  kworker/u17:5: 9481] set_freq_limit: id(1) freq(1075200)',
			'<3>[22558.677949]  [2:  kworker/u17:3: 1673] platform 3d6a000.qcom,gmu: Failed to stop GMU',
			'<3>[22558.678403]  [2:  kworker/u17:3: 1673] platform 3d6a000.qcom,gmu: Suspended GMU',
			'<3>[22560.204666]  [0:  kworker/u17:5: 9481] platform 3d6a000.qcom,gmu: Failed to stop GMU',
			'<3>[22560.205290]  [0:  kworker/u17:5: 9481] platform 3d6a000.qcom,gmu: Suspended GMU'
		]);
		expect(r.findings.map((f) => [f.rule, f.title, f.severity, f.count])).toEqual([
			[
				'gpu.adreno-gmu-stop-failed',
				'Adreno GPU management unit 3d6a000.qcom,gmu could not be stopped',
				'medium',
				3
			]
		]);
		expect(r.findings[0].category).toBe('gpu');
	});
});

describe('a firmware request that waits for the fallback timeout', () => {
	it('is a firmware finding when the device stays silent for a minute (linux-bug, iwlwifi)', async () => {
		// linux-bug-dmesg-out.log (kernel 5.9.12, Intel AX200)
		const r = await analyze([
			'[   11.928870] systemd-xdg-autostart-generator[462]: Not generating service for XDG autostart app-pulseaudio-autostart.service, startup phases are not supported.',
			'[   62.561725] iwlwifi 0000:52:00.0: api flags index 2 larger than supported by driver',
			'[   62.562776] iwlwifi 0000:52:00.0: TLV_FW_FSEQ_VERSION: FSEQ Version: 89.3.35.22',
			'[   62.563766] iwlwifi 0000:52:00.0: Found debug destination: EXTERNAL_DRAM',
			'[   62.564740] iwlwifi 0000:52:00.0: Found debug configuration: 0',
			'[   62.566220] iwlwifi 0000:52:00.0: loaded firmware version 55.d9698065.0 cc-a0-55.ucode op_mode iwlmvm',
			'[  124.072284] iwlwifi 0000:52:00.0: Detected Intel(R) Wi-Fi 6 AX200 160MHz, REV=0x340',
			'[  124.277306] iwlwifi 0000:52:00.0: base HW address: 60:f2:62:15:59:87'
		]);
		const [f] = r.findings;
		expect([f.rule, f.category, f.severity]).toEqual([
			'firmware.request-stalled',
			'firmware',
			'medium'
		]);
		expect(f.title).toBe('Firmware request stalled iwlwifi 0000:52:00.0 for about a minute');
		expect(f.details).toMatchObject({ driver: 'iwlwifi', device: '0000:52:00.0', waited_s: 62 });
		expect([f.first_line, f.last_line]).toEqual([6, 7]);
		expect(f.explanation.meaning).toMatch(/boot/);
	});

	it('is nothing when user space answers at once (iamslightlywin, Android ueventd)', async () => {
		// iamslightlywin-dump-last-kmsg.log: the fallback is routine there and takes milliseconds
		const r = await analyze([
			'<4>[   24.355462]  [6:  kworker/u17:1:  675] cnss_pci 0000:01:00.0: Falling back to syfs fallback for: qca6390/amss20.bin',
			"<14>[   24.356622]  [4:        ueventd:  856] ueventd: firmware: loading 'qca6390/amss20.bin' for '/devices/platform/soc/1c00000.qcom,pcie/pci0000:00/0000:00:00.0/0000:01:00.0/firmware/qca6390!amss20.bin'",
			'<14>[   24.366419]  [3:        ueventd:  856] ueventd: firmware: /vendor/firmware/qca6390/amss20.bin loaded done',
			'<6>[   95.000000]  [3:  kworker/u17:1:  675] cnss_pci 0000:01:00.0: later message'
		]);
		expect(r.findings).toEqual([]);
	});
});

describe('Realtek Wi-Fi transmit queue flush timeouts', () => {
	// askubuntu-dmesg-journalctl-lastdayorso.log (journalctl, rtw_8821ce): 9 over four hours
	it('are one low Wi-Fi finding with their count', async () => {
		const r = await analyze([
			'Feb 09 12:38:51 hpPav kernel: rtw_8821ce 0000:02:00.0: timed out to flush queue 2',
			'Feb 09 12:38:51 hpPav kernel: rtw_8821ce 0000:02:00.0: timed out to flush queue 2',
			'Feb 09 12:40:08 hpPav rtkit-daemon[1271]: Supervising 11 threads of 5 processes of 2 users.',
			'Feb 09 13:04:29 hpPav kernel: rtw_8821ce 0000:02:00.0: timed out to flush queue 2'
		]);
		expect(r.findings.map((f) => [f.rule, f.title, f.severity, f.count])).toEqual([
			[
				'network.wifi-tx-flush-timeout',
				'Wi-Fi chip rtw_8821ce 0000:02:00.0 timed out flushing its transmit queues',
				'low',
				3
			]
		]);
		expect(r.findings[0].details).toMatchObject({ driver: 'rtw_8821ce', queues: ['queue 2'] });
	});
});

describe('Wi-Fi authentication abandoned by the client', () => {
	// syslogs-messages-3.log (ChromeOS, iwlwifi): three tries to one access point, then the client
	// gives up and joins another access point of the same network
	const attempt = [
		'2026-05-18T18:01:35.501665Z INFO kernel: [  108.435331] wlan0: disconnect from AP 06:e4:ce:e6:2e:b2 for new auth to 02:e4:ce:e6:2e:b1',
		'2026-05-18T18:01:35.527238Z INFO kernel: [  108.459911] wlan0: send auth to 02:e4:ce:e6:2e:b1 (try 1/3)',
		'2026-05-18T18:01:37.603669Z INFO kernel: [  110.537961] wlan0: send auth to 02:e4:ce:e6:2e:b1 (try 2/3)',
		'2026-05-18T18:01:39.651673Z INFO kernel: [  112.585959] wlan0: send auth to 02:e4:ce:e6:2e:b1 (try 3/3)',
		'2026-05-18T18:01:40.525676Z INFO kernel: [  113.460109] wlan0: aborting authentication with 02:e4:ce:e6:2e:b1 by local choice (Reason: 3=DEAUTH_LEAVING)',
		'2026-05-18T18:01:42.382704Z INFO kernel: [  115.316785] wlan0: authenticated'
	];
	const abandoned = (r: Awaited<ReturnType<typeof analyze>>) =>
		r.findings.filter((f) => f.rule === 'network.wifi-auth-abandoned');

	it('once is routine (info): the connection manager switched access points', async () => {
		const [f] = abandoned(await analyze(attempt));
		expect([f.title, f.severity, f.count]).toEqual([
			'Wi-Fi authentication abandoned on wlan0',
			'info',
			1
		]);
		expect(f.details).toMatchObject({
			access_point: '02:e4:ce:e6:2e:b1',
			reason: '3=DEAUTH_LEAVING'
		});
	});

	it('three times is a connection problem (low), as for lost connections', async () => {
		const [f] = abandoned(await analyze([...attempt, ...attempt, ...attempt]));
		expect([f.severity, f.count, f.details.storm]).toEqual(['low', 3, true]);
	});

	it('leaving an established connection is no finding (crash-logs log12-04)', async () => {
		// crash-logs-log12-04-txt.log: the user or a suspend disconnecting
		const r = await analyze([
			'Dec 04 23:13:13 laptop-x1c kernel: wlp2s0: deauthenticating from d4:35:1d:04:38:b5 by local choice (Reason: 3=DEAUTH_LEAVING)'
		]);
		expect(r.findings).toEqual([]);
	});
});

describe('under-voltage in a boot that ended without a clean shutdown', () => {
	// izassafar-one-kern-log.log (Raspberry Pi, Ubuntu 5.3 raspi2): the last kernel messages of
	// boot 11 (lines 3950-3955) are under-voltage, the next boot (lines 3956-3957, 4262-4264)
	// replays the root filesystem's journal
	const ended = [
		'Jul 15 11:44:58 ubuntu kernel: [14757.267421] Under-voltage detected! (0x00050005)',
		'Jul 15 11:45:04 ubuntu kernel: [14763.315310] Voltage normalised (0x00000000)',
		'Jul 15 12:01:00 ubuntu kernel: [15718.900126] Under-voltage detected! (0x00050005)',
		'Jul 15 12:01:06 ubuntu kernel: [15724.948195] Voltage normalised (0x00000000)',
		'Jul 15 12:17:03 ubuntu kernel: [16682.550475] Under-voltage detected! (0x00050005)',
		'Jul 15 12:17:07 ubuntu kernel: [16686.582353] Voltage normalised (0x00000000)'
	];
	const next = [
		'Jul 15 12:13:43 ubuntu kernel: [    0.000000] Booting Linux on physical CPU 0x0',
		'Jul 15 12:13:43 ubuntu kernel: [    0.000000] Linux version 5.3.0-1028-raspi2 (buildd@bos02-arm64-054) (gcc version 7.5.0 (Ubuntu/Linaro 7.5.0-3ubuntu1~18.04)) #30~18.04.1-Ubuntu SMP Fri Jun 19 20:32:12 UTC 2020 (Ubuntu 5.3.0-1028.30~18.04.1-raspi2 5.3.18)',
		'Jul 15 12:13:43 ubuntu kernel: [    9.688933] EXT4-fs (mmcblk0p2): INFO: recovery required on readonly filesystem',
		'Jul 15 12:13:43 ubuntu kernel: [    9.697353] EXT4-fs (mmcblk0p2): write access will be enabled during recovery',
		'Jul 15 12:13:43 ubuntu kernel: [    9.912807] EXT4-fs (mmcblk0p2): recovery complete'
	];

	it('is a possible cause of the unclean shutdown, and the link says why', async () => {
		const r = await analyze([...ended, ...next]);
		const uv = r.findings.find((f) => f.rule === 'hardware.undervoltage')!;
		const unclean = r.findings.find((f) => f.rule === 'power.unclean-shutdown')!;
		expect([uv.boots, unclean.boots]).toEqual([[0], [1]]);
		expect(r.cascades).toHaveLength(1);
		const [c] = r.cascades;
		expect(c.chain).toEqual([uv.id, unclean.id]);
		expect(c.links).toEqual([
			{
				cause: uv.id,
				effect: unclean.id,
				certainty: 'possible',
				reason: 'under-voltage in boot 0, which ended without a clean shutdown'
			}
		]);
		expect(c.description).toBe(
			'Under-voltage: the power supply is too weak → possibly → Previous shutdown was not clean (under-voltage in boot 0, which ended without a clean shutdown)'
		);
		expect(unclean.related).toEqual([uv.id]);
		// a cascade of possible links names no root cause: the primary finding is named, as before
		expect(r.summary.root_cause).toBe(r.summary.primary_finding);
		expect(r.summary.primary_finding).toBe(uv.id);
	});

	it('is not linked when it came after the unclean shutdown was found, in the next boot', async () => {
		// izassafar-one-kern-log.log lines 3159, 3208, 3515, 3544: boot 9 replays its journal, boot
		// 10 too and then has under-voltage; boot 9 had none
		const r = await analyze([
			'Jul  7 08:43:14 ubuntu kernel: [   10.194698] EXT4-fs (mmcblk0p2): recovery complete',
			'Jul  7 08:55:07 ubuntu kernel: [    0.000000] Booting Linux on physical CPU 0x0',
			'Jul  7 08:55:07 ubuntu kernel: [   10.653248] EXT4-fs (mmcblk0p2): recovery complete',
			'Jul  7 08:55:07 ubuntu kernel: [   16.062444] Under-voltage detected! (0x00050000)'
		]);
		expect(r.findings.map((f) => [f.rule, f.boots])).toEqual([
			['power.unclean-shutdown', [0, 1]],
			['hardware.undervoltage', [1]]
		]);
		expect(r.cascades).toEqual([]);
	});

	it('counts the boots that ended uncleanly with under-voltage', async () => {
		// the same boot twice more: under-voltage ended two of the three boots that ended uncleanly
		const clean = ended.map((l) => l.replace('Under-voltage detected!', 'Voltage fine'));
		const r = await analyze([...ended, ...next, ...clean, ...next, ...ended, ...next]);
		expect(r.cascades[0].links[0].reason).toBe(
			'under-voltage in 2 of the 3 boots that ended without a clean shutdown: boots 0 and 2'
		);
	});
});

describe('Wi-Fi without its calibration file whose driver module then fails to load', () => {
	// log-files-dmesg-log.log (a Tegra tablet on Android, kernel 3.1, TI WiLink compat-wireless
	// driver), lines 619-622 and 727-734: the nvs file is missing, then the SDIO module of another
	// wl12xx build misses six of its symbols
	const nvs = [
		'<4>[    9.122019] Powering off wifi',
		'<3>[    9.138261] wl12xx: ERROR could not get nvs file wl1271-nvs.bin: -2',
		'<4>[    9.151158] cfg80211: wext will not work because kernel was compiled with CONFIG_WIRELESS_EXT=n. Tools using wext interface, like iwconfig will not work.',
		'<6>[    9.167047] wl12xx: loaded'
	];
	const module = [
		'<4>[   22.971019] wl12xx_sdio: Unknown symbol wl1271_register_hw (err 0)',
		'<4>[   22.977485] wl12xx_sdio: Unknown symbol wl1271_alloc_hw (err 0)',
		'<4>[   22.983955] wl12xx_sdio: Unknown symbol wl1271_unregister_hw (err 0)',
		'<4>[   22.992405] wl12xx_sdio: Unknown symbol wl1271_irq (err 0)',
		'<4>[   22.998150] wl12xx_sdio: Unknown symbol wl1271_init_ieee80211 (err 0)',
		'<6>[   22.999464] nvavp nvavp: using SMMU at ff00000 to load AVP kernel',
		'<6>[   22.999882] nvavp nvavp: AVP os at vaddr=f0e00000 paddr=ff00000 reset_addr=0ff00094',
		'<4>[   23.020340] wl12xx_sdio: Unknown symbol wl1271_free_hw (err 0)'
	];

	it('is one Wi-Fi finding that names both, linked to the module’s own finding', async () => {
		const r = await analyze([...nvs, ...module]);
		const wifi = r.findings.find((f) => f.rule === 'firmware.load-failed')!;
		const mod = r.findings.find((f) => f.rule === 'other.module-load-failed')!;
		expect([wifi.title, wifi.severity]).toEqual([
			'Wi-Fi wl12xx probably does not work: calibration file wl1271-nvs.bin missing and a driver module could not be loaded',
			'medium'
		]);
		expect(wifi.evidence.map((e) => e.line)).toEqual([2, 5]);
		expect(wifi.details).toMatchObject({
			driver: 'wl12xx',
			file: 'wl1271-nvs.bin',
			module: 'wl12xx_sdio',
			symbol: 'wl1271_register_hw'
		});
		// the module keeps its finding with every missing symbol
		expect([mod.severity, mod.count, (mod.details.symbols as string[]).length]).toEqual([
			'low',
			6,
			6
		]);
		expect(wifi.related).toEqual([mod.id]);
		expect(mod.related).toEqual([wifi.id]);
		expect(r.summary.primary_finding).toBe(wifi.id);
		expect(r.cascades).toEqual([]);
	});

	it('stays a missing file when no module of the driver fails, or another does', async () => {
		const other = '<4>[   22.971019] acpi_i2c: Unknown symbol i2c_new_device (err 0)';
		for (const lines of [nvs, [...nvs, other]]) {
			const r = await analyze(lines);
			const fw = r.findings.find((f) => f.rule === 'firmware.load-failed')!;
			expect([fw.title, fw.severity, fw.related]).toEqual([
				'Firmware wl1271-nvs.bin could not be loaded',
				'low',
				[]
			]);
		}
	});

	it('stays a missing file when the module fails minutes later', async () => {
		const late = module.map((l) => l.replace('[   22.', '[  922.').replace('[   23.', '[  923.'));
		const r = await analyze([...nvs, ...late]);
		const fw = r.findings.find((f) => f.rule === 'firmware.load-failed')!;
		expect([fw.title, fw.severity]).toEqual(['Firmware wl1271-nvs.bin could not be loaded', 'low']);
	});
});
