/**
 * Findings users missed in the real-log corpus (shared/corpus/real), with short verbatim
 * excerpts.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

describe('VirtualBox Guest Additions that do not match the vboxguest driver', () => {
	// logging-syslog.log lines 1150, 1576, 1586, 1591, 1597-1598 (Ubuntu 18.04 guest, host name replaced, kernel
	// 4.15; the same lines at 3 boots of logging-kern-log-1.log)
	const lines = [
		'Jan 16 11:42:44 ubuntu-VirtualBox kernel: [   13.065552] vboxguest: Successfully loaded version 5.2.8_KernelUbuntu (interface 0x00010004)',
		'Jan 16 11:43:13 ubuntu-VirtualBox kernel: [   49.925752] vboxsf: Successfully loaded version 5.2.8_KernelUbuntu (interface 0x00010004)',
		'Jan 16 11:43:15 ubuntu-VirtualBox kernel: [   51.764392] 06:13:15.475834 main     VBoxService 6.0.0 r127566 (verbosity: 0) linux.amd64 (Dec 18 2018 12:44:47) release log',
		'Jan 16 11:43:15 ubuntu-VirtualBox kernel: [   51.764504] 06:13:15.475971 main     Executable: /opt/VBoxGuestAdditions-6.0.0/sbin/VBoxService',
		'Jan 16 11:43:15 ubuntu-VirtualBox kernel: [   51.815673] 06:13:15.527104 main     Error: Failed to become guest control master: VERR_VERSION_MISMATCH',
		"Jan 16 11:43:15 ubuntu-VirtualBox kernel: [   51.815943] 06:13:15.527407 main     Error: Service 'control' failed to initialize: VERR_VERSION_MISMATCH"
	];

	it('is one low finding naming the service and the kernel driver’s version', async () => {
		const f = await findingsOf(lines);
		expect(f.map((x) => [x.rule, x.title, x.severity, x.count])).toEqual([
			[
				'other.vbox-guest-version-mismatch',
				'VirtualBox Guest Additions do not match the vboxguest driver or the host',
				'low',
				2
			]
		]);
		expect(f[0].details).toMatchObject({
			service: 'control',
			services: ['control'],
			vboxguest_version: '5.2.8_KernelUbuntu'
		});
		expect(f[0].explanation.meaning).toMatch(/guest control does not work/);
		expect(f[0].explanation.next_steps.join(' ')).toMatch(/Guest Additions for the running kernel/);
	});

	it('says nothing when the Guest Additions and their driver match', async () => {
		// dioxis33-errors-dmesg-txt.log (Guest Additions 7.0.12 with their own vboxguest)
		const f = await findingsOf([
			'[    4.935998] vboxguest: Successfully loaded version 7.0.12 r159484 (interface 0x00010004)',
			'[    5.697539] 21:52:48.780512 main     VBoxService 7.0.12 r159484 (verbosity: 0) linux.amd64 (Oct 12 2023 18:54:58) release log'
		]);
		expect(f).toEqual([]);
	});
});

describe('AMD crypto co-processor (CCP) not made available by the BIOS', () => {
	it('is one info finding that says the PSP part started', async () => {
		// proxmox-amd-5700u-gpu-pa-dmesg-txt.log lines 856-861 (Ryzen 7 5700U, kernel 6.5)
		const f = await findingsOf([
			'[    7.645493] ccp 0000:05:00.2: enabling device (0000 -> 0002)',
			'[    7.645736] ccp 0000:05:00.2: ccp: unable to access the device: you might be running a broken BIOS.',
			'[    7.650954] snd_rn_pci_acp3x 0000:05:00.5: enabling device (0000 -> 0002)',
			'[    7.653155] input: PC Speaker as /devices/platform/pcspkr/input/input5',
			'[    7.655920] ccp 0000:05:00.2: tee enabled',
			'[    7.655928] ccp 0000:05:00.2: psp enabled'
		]);
		expect(f.map((x) => [x.rule, x.title, x.severity, x.count])).toEqual([
			[
				'firmware.amd-ccp-unavailable',
				'AMD crypto co-processor (CCP) not made available by the BIOS: harmless',
				'info',
				1
			]
		]);
		expect(f[0].details).toMatchObject({ device: '0000:05:00.2', enabled: ['tee', 'psp'] });
		expect(f[0].explanation.meaning).toMatch(/Nothing usual depends on the CCP/);
		expect(f[0].explanation.next_steps[0]).toMatch(/Nothing to do/);
	});

	it('takes a journal line without a following PSP line', async () => {
		// zictes-log-dmesg.log lines 1229-1231 (ASUS PRIME B550-PLUS, kernel 5.11)
		const f = await findingsOf([
			'[   24.386182] kernel: ccp 0000:09:00.1: enabling device (0000 -> 0002)',
			'[   24.386469] kernel: ccp 0000:09:00.1: ccp: unable to access the device: you might be running a broken BIOS.',
			'[   24.386908] kernel: pstore: Using crash dump compression: deflate'
		]);
		expect(f.map((x) => [x.rule, x.severity, x.details.device, x.details.enabled])).toEqual([
			['firmware.amd-ccp-unavailable', 'info', '0000:09:00.1', undefined]
		]);
	});
});

describe('Sound DSP topology that could not be set up', () => {
	// intel-audio-sof-dyndbg-conf-log.log lines 1268 and 1272
	it('is a medium finding naming the device and the DAI the DSP refused', async () => {
		const f = await findingsOf([
			'[    5.519507] sof-audio-pci-intel-tgl 0000:00:1f.3: Failed to set dai config for dmic16k',
			'[    5.519761] sof-audio-pci-intel-tgl 0000:00:1f.3: error: failed to load DSP topology -22'
		]);
		expect(f.map((x) => [x.rule, x.title, x.severity])).toEqual([
			[
				'hardware.sound-topology-failed',
				'Sound DSP topology could not be set up on 0000:00:1f.3 (sof-audio-pci-intel-tgl)',
				'medium'
			]
		]);
		expect(f[0].details).toMatchObject({
			driver: 'sof-audio-pci-intel-tgl',
			device: '0000:00:1f.3',
			dai: 'dmic16k'
		});
		expect(f[0].details.error).toMatch(/^EINVAL/);
		expect(f[0].explanation.meaning).toMatch(/refusing a setting/);
		// the DAI's line is evidence too, before the topology's; the range stays the topology line's
		expect(f[0].evidence.map((e) => e.line)).toEqual([1, 2]);
		expect([f[0].first_line, f[0].last_line]).toEqual([2, 2]);
	});
});

describe('atmel_mxt_ts without its optional maxtouch.cfg', () => {
	// intended change: it had been no finding (benign.ts); now a routine notice that says so
	it('is a routine notice: the touch controller keeps the configuration stored in it', async () => {
		// clamor-s-files-grate-19062020-dmesg-txt.log lines 375-378 (Tegra tablet): the driver
		// goes on 3 ms later, no wait for the firmware loader
		const f = await findingsOf([
			'[    1.197998] atmel_mxt_ts 1-004d: Family: 161 Variant: 2 Firmware V2.0.AA Objects: 23',
			'[    1.199461] atmel_mxt_ts 1-004d: Enabling RETRIGEN workaround',
			'[    1.216316] atmel_mxt_ts 1-004d: Direct firmware load for maxtouch.cfg failed with error -2',
			'[    1.219819] atmel_mxt_ts 1-004d: Touchscreen size X1599Y999'
		]);
		expect(f.map((x) => [x.rule, x.severity, x.first_line])).toEqual([
			['hardware.maxtouch-config-absent', 'info', 3]
		]);
	});
});

describe('Wi-Fi connection attempt that failed with the Qualcomm qcacld driver', () => {
	it('is a low finding naming the access point and the step that failed', async () => {
		// androiddmesg-dmesg-txt.log lines 3, 4, 16, 23-25, 32, 33 (Qualcomm phone, kernel 5.4):
		// the 5 GHz access point never acknowledged authentication
		const f = await findingsOf([
			'[Sat Jun  8 01:41:04 2024] [schedu][0x28a4c75205fe][20:16:31.842931] wlan: [30402:I:PE] Auth TX: seq 1 seq num 3096 status 0 WEP 0 to 78:d2:94:0d:52:77',
			'[Sat Jun  8 01:41:04 2024] [schedu][0x28a4c75379c6][20:16:31.847888] wlan: [30402:I:PE] Auth TX: fail (3)',
			'[Sat Jun  8 01:41:04 2024] [schedu][0x28a4c7f2039e][20:16:32.389033] wlan: [30402:I:PE] Auth TX: fail (3)',
			'[Sat Jun  8 01:41:05 2024] [schedu][0x28a4c86db098][20:16:32.811179] wlan: [30402:I:PE] Auth TX: seq 1 seq num 3112 status 0 WEP 0 to 78:d2:94:0d:52:77',
			'[Sat Jun  8 01:41:05 2024] [schedu][0x28a4c8770ece][20:16:32.843155] wlan: [30402:W:PE] lim_process_auth_failure_timeout: received AUTH failure timeout in sessionid 0 limMlmstate 5 limSmeState 4',
			'[Sat Jun  8 01:41:05 2024] [schedu][0x28a4c87716b6][20:16:32.843261] wlan: [30402:E:PE] lim_process_mlm_auth_cnf: Auth Failure occurred',
			'[Sat Jun  8 01:41:05 2024] [schedu][0x28a4c879d060][20:16:32.852563] wlan: [30402:E:HDD] hdd_association_completion_handler: wlan0(vdevid-0): connection failed with 78:d2:94:0d:52:77 result: 1 and Status: 9',
			'[Sat Jun  8 01:41:05 2024] [schedu][0x28a4c879da55][20:16:32.852696] wlan: [30402:E:HDD] hdd_association_completion_handler: send connect failure to nl80211: for bssid 78:d2:94:0d:52:77 result: 1 and Status: 9 reasoncode: 65530'
		]);
		expect(f.map((x) => [x.rule, x.title, x.severity, x.count])).toEqual([
			[
				'network.wifi-connect-failed',
				'Wi-Fi connection attempt failed (Qualcomm qcacld driver)',
				'low',
				1
			]
		]);
		expect(f[0].details).toMatchObject({
			access_point: '78:d2:94:0d:52:77',
			step: 'authentication',
			access_points: ['78:d2:94:0d:52:77']
		});
		expect(f[0].explanation.meaning).toMatch(/did not even acknowledge/);
	});
});
