/**
 * Defects found on real logs (corpus/real), each pinned with a short excerpt of the log that
 * showed it: boots from out-of-order times, HiSilicon/Huawei dated prefixes, records glued after
 * a KERN_CONT line, the year of yearless dates bounded by the kernel build date, unprefixed
 * lines of multi-line dmesg records, and indented lines that continue something else.
 */
import { describe, expect, it } from 'vitest';
import { gluedRecordAt } from '../../src/lib/ingestion/classifier.ts';
import { ingestText, type Run } from './helpers.ts';

function bootStarts(run: Run): string[] {
	return run.summary.metadata.boots.map((b) => `${b.reason}@${b.first_line}`);
}

function accounted(run: Run): number {
	const i = run.summary.input;
	return Object.values(i.formats).reduce((a, b) => a + b, 0) + i.lines_skipped + i.lines_unparsed;
}

describe('timestamp resets', () => {
	it('a record printed out of order inside an oops is not a new boot (ubuntu-20-04-fips)', () => {
		const run = ingestText(
			[
				'[   29.608372] RIP: 0033:0x7f3c1826673d',
				'[   29.608372] Code: 00 c3 66 2e 0f 1f 84 00 00 00 00 00 90 f3 0f 1e fa 48 89 f8',
				'[   31.244487] usb 1-2.4: new high-speed USB device number 5 using ehci-pci',
				'[   29.608372] RSP: 002b:00007fffdeaf2ec8 EFLAGS: 00000246 ORIG_RAX: 000000000000013e',
				'[   29.608372] RAX: ffffffffffffffda RBX: 00007fffdeaf3000 RCX: 00007f3c1826673d'
			].join('\n')
		);
		expect(bootStarts(run)).toEqual(['start@1']);
	});

	it('an empty `[    0.000000] ` record is not a new boot (apimnewyear vmcore-dmesg)', () => {
		const msg =
			'device-mapper: core: periodic/1: sending ioctl 5401 to DM device without required privilege.';
		const run = ingestText(
			`[6052842.699821] ${msg}\n[    0.000000] \n[6052842.700436] ${msg}\n[6052842.701007] ${msg}\n`
		);
		expect(bootStarts(run)).toEqual(['start@1']);
		expect(run.records.map((r) => r.boot)).toEqual([0, 0, 0, 0]);
	});

	it('one record with a wrong time does not split the boot (cykeek console-ramoops)', () => {
		const avc = (n: number) =>
			`(2)[544:logd.auditd]type=1400 audit(1688459101.529:${n}): avc: denied { getattr } for comm="getprop"`;
		const run = ingestText(
			[
				`[   13.006465]  ${avc(313)}`,
				`[   13.006574]  ${avc(314)}`,
				`[   93.006693]  ${avc(315)}`,
				`[   13.006813]  ${avc(316)}`
			].join('\n')
		);
		expect(bootStarts(run)).toEqual(['start@1']);
	});

	it('a record whose seconds lost a digit does not split the boot (cykeek console-ramoops)', () => {
		// the parsed records of lines 941-949 and 1163-1171 (the lines between are garbled past
		// parsing; U+FFFD stands for the bytes that are not UTF-8): 28 s printed as 08 s, 41 s as 01 s
		const run = ingestText(
			[
				'[   28.291777]  (1)[544:logd.audItd]type=1\uFFFD0p audyt*1688459116.819:565): evc: denied { read } for comm="busybox" n\uFFFDme="com/a\uFFFDdroid.adbd.img" dev="tmpf',
				'[   08.292019]  *1)[544:logd.auditd]type=1400 audit(1688459116.819:467): avc: deni\uFFFDd { open } for co\uFFFDm="busybox" path="/dev/loop-control" dev="tmpfs" ',
				'[   28.422649]  (0)[544:logd.aud)t\uFFFD]type=1t00 \uFFFDudit(1688459116.949:473): avc: denied { mounton } f\uFFFDr comm\uFFFD"busyb\uFFFDx" pat\uFFFD="/apex/com.android.ad\uFFFDd" dev=',
				'[   41.292259]  (1)[544:logd.auditd]type=1400 audit(1688459129.819:662): avc: denied { write } for comm="recovery" name="/" dev="mmcblk0p\uFFFD" ino=2 sson',
				'[   01.293001]  (2)[544:logd.auditd]type=1400 audit(1688459129.819:667): avc: denied { getattr } for comm="recovery" path="/persist/.foxs" dev="mocblk',
				'[   41.293842]  (1)[544:logd.auditd]type=1400 audit(1688459129.819:669): avc: denied { write } for comm="recovery" name=".fsec" dev="mmcblk0p5" ino=54'
			].join('\n')
		);
		expect(bootStarts(run)).toEqual(['start@1']);
	});

	it('still splits real reboots: to 0 s, and to a time far below the previous one', () => {
		// iamslightlywin last_kmsg: the previous boot's tail, the bootloader, then the new kernel
		const lastKmsg = ingestText(
			[
				'<6>[22928.919874]  [4:           init:    1] sec_log_buf:sec_log_store',
				'{ 4049790 }[ XBL ] App Log Flush : 0 ms',
				'<6>[    0.000000]  [0:        swapper:    0] Booting Linux on physical CPU 0x0000000000 [0x51df805e]'
			].join('\n')
		);
		expect(bootStarts(lastKmsg)).toEqual(['start@1', 'timestamp-reset@3']);
		// lkp-calltrace-dmesg-010: the second boot's log starts after its first seconds
		const lkp = ingestText(
			"[   91.050657] warning: process `trinity-c0' used the deprecated sysctl system call\n" +
				'[    8.458154] 01-cpu-hotplug invoked oom-killer: gfp_mask=0x27080c0\n'
		);
		expect(bootStarts(lkp)).toEqual(['start@1', 'timestamp-reset@2']);
		// a new boot whose first record lands near the old time with a digit lowered, but not
		// just after it (a boot loop: 31.7 s, then 1.5 s), or at 0 s
		const loop = ingestText('[   31.700000] a\n[    1.500000] b\n[    1.600000] c\n');
		expect(bootStarts(loop)).toEqual(['start@1', 'timestamp-reset@2']);
		const zero = ingestText('[   20.000412] a\n[    0.000000] Booting Linux\n');
		expect(bootStarts(zero)).toEqual(['start@1', 'timestamp-reset@2']);
	});
});

describe('HiSilicon/Huawei dated prefix', () => {
	it('strips `[YYYY:MM:DD HH:MM:SS][pid:N,cpuN,comm]` and keeps the date as wall time (logcat-reports)', () => {
		const run = ingestText(
			'[  137.968353] [2019:06:11 08:36:35][pid:0,cpu0,swapper/0][E/chr_netlink] chr_notify_event: cannot notify event, pid = 0\n' +
				'[  139.761352] [pid:251,cpu1,kworker/u16:3][hisi_coul_core]stably temp!,old_temp =340,cnt =1, temp = 340\n'
		);
		const [a, b] = run.records;
		expect(a.text).toBe('[E/chr_netlink] chr_notify_event: cannot notify event, pid = 0');
		expect(a.caller).toBe('T0');
		expect(new Date(a.wall).toISOString()).toBe('2019-06-11T08:36:35.000Z');
		expect(b.text).toBe('[hisi_coul_core]stably temp!,old_temp =340,cnt =1, temp = 340');
		expect(Number.isNaN(b.wall)).toBe(true);
	});

	it('leaves a bracketed date that is not followed by [pid:...] in the message', () => {
		const run = ingestText('[    1.000000] [2019:06:11 08:36:35] not a pid prefix\n');
		expect(run.records[0].text).toBe('[2019:06:11 08:36:35] not a pid prefix');
		expect(Number.isNaN(run.records[0].wall)).toBe(true);
	});
});

describe('records glued after a KERN_CONT line', () => {
	it('splits `Modules linked in:<6>[    2.678117] usb 1-1: ...` into two records (pikernel)', () => {
		const text = [
			'[    2.659045] WARNING: at kernel/sched/fair.c:5129 alloc_fair_sched_group+0x98/0x144()',
			'[    2.669942] See the call stack!',
			'[    2.673159] Modules linked in:<6>[    2.678117] usb 1-1: New USB device found, idVendor=0424, idProduct=9512',
			'[    2.687936] ',
			'[    2.690983] [<c0013c60>] (unwind_backtrace+0x0/0xf0) from [<c001e6f0>] (warn_slowpath_common+0x4c/0x64)'
		].join('\n');
		const run = ingestText(text);
		const glued = run.records.filter((r) => r.line === 3);
		expect(glued.map((r) => [r.text, r.ts, r.level, r.format])).toEqual([
			['Modules linked in:', 2.673159, -1, 'dmesg'],
			['usb 1-1: New USB device found, idVendor=0424, idProduct=9512', 2.678117, 6, 'dmesg-raw']
		]);
		expect(run.summary.metadata.modules).toEqual([]);
		expect(run.summary.input.formats).toEqual({ dmesg: 5 });
		expect(accounted(run)).toBe(5);
	});

	it('splits Samsung `[cpu:comm:pid]` records glued together, with their own callers (fishlogs)', () => {
		const run = ingestText(
			'[   21.298415]  [0:CAM_startsensor: 1742] msm_companion_cal_data_write:444 spi_trans_size = 13339<7>[   21.300331]  [3:supolicy_wrappe: 1626] SELinux: 2048 avtab hash slots, 26971 rules.\n'
		);
		expect(run.records.map((r) => [r.line, r.text, r.caller, r.level])).toEqual([
			[1, 'msm_companion_cal_data_write:444 spi_trans_size = 13339', 'T1742', -1],
			[1, 'SELinux: 2048 avtab hash slots, 26971 rules.', 'T1626', 7]
		]);
	});

	it('finds only `<N>` right before a dmesg time', () => {
		expect(gluedRecordAt('a<6>[    2.678117] b')).toBe(1);
		expect(gluedRecordAt('[<c0013c60>] (unwind_backtrace+0x0/0xf0)')).toBe(-1);
		expect(gluedRecordAt('x <6>[not a time] y')).toBe(-1);
		expect(gluedRecordAt('x 6>[    1.000000] y')).toBe(-1);
		expect(gluedRecordAt('x <1234>[    1.000000] y')).toBe(-1);
		expect(gluedRecordAt('x <a>[    1.000000] <30>[    2.000000] y')).toBe(20);
	});
});

describe('year of yearless dates', () => {
	it('is never before the build year of a kernel in the log (izassafar syslog)', () => {
		const run = ingestText(
			[
				'Feb  3 18:33:30 ubuntu kernel: [    0.000000] Booting Linux on physical CPU 0x0',
				'Feb  3 18:33:30 ubuntu kernel: [    0.000000] Linux version 5.3.0-1017-raspi2 (buildd@bos02-arm64-053) (gcc version 7.4.0 (Ubuntu/Linaro 7.4.0-1ubuntu1~18.04.1)) #19~18.04.1-Ubuntu SMP Fri Jan 17 11:16:28 UTC 2020 (Ubuntu 5.3.0-1017.19~18.04.1-raspi2 5.3.13)',
				'Feb  3 18:33:30 ubuntu kernel: [    0.140976] raspberrypi-firmware soc:firmware: Attached to firmware from 2019-08-15 12:06, variant start'
			].join('\n')
		);
		expect(new Date(run.records[0].wall).getUTCFullYear()).toBe(2020);
		expect(run.summary.input.warnings.join(' ')).toMatch(
			/read as 2020 \(year the kernel was built/
		);
	});

	it('keeps a log date later than the build year', () => {
		const run = ingestText(
			[
				'Feb  3 18:33:30 ubuntu kernel: [    0.000000] Linux version 5.3.0 (a@b) #19 SMP Fri Jan 17 11:16:28 UTC 2020',
				'Feb  3 18:33:31 ubuntu cloud-init[1174]: 2021-02-03 18:33:19,171 - network_state.py[WARNING]: x'
			].join('\n')
		);
		expect(new Date(run.records[0].wall).getUTCFullYear()).toBe(2021);
	});
});

describe('steps of the wall clock', () => {
	// izassafar-one-syslog-1.log, boot 3: a Raspberry Pi without RTC restores its saved clock
	// (Jun 29) and NTP sets it about 3 days forward a minute later
	const lines = [
		'Jun 29 12:53:11 ubuntu kernel: [    0.000000] Booting Linux on physical CPU 0x0',
		'Jun 29 12:53:11 ubuntu kernel: [    0.000000] Linux version 5.3.0-1017-raspi2 (buildd@bos02-arm64-053) (gcc version 7.4.0 (Ubuntu/Linaro 7.4.0-1ubuntu1~18.04.1)) #19~18.04.1-Ubuntu SMP Fri Jan 17 11:16:28 UTC 2020 (Ubuntu 5.3.0-1017.19~18.04.1-raspi2 5.3.13)',
		'Jun 29 12:53:11 ubuntu kernel: [   18.468086] Voltage normalised (0x00000000)',
		'Jun 29 12:53:11 ubuntu kernel: [   23.270498] IPv6: ADDRCONF(NETDEV_CHANGE): wlan0: link becomes ready',
		'Jun 29 12:53:11 ubuntu kernel: [   25.573370] new mount options do not match the existing superblock, will be ignored',
		'Jun 29 12:53:50 ubuntu systemd-timesyncd[1165]: Timed out waiting for reply from 91.189.91.157:123 (ntp.ubuntu.com).',
		'Jul  2 06:09:29 ubuntu systemd-timesyncd[1165]: Synchronized to time server 91.189.94.4:123 (ntp.ubuntu.com).',
		'Jul  2 06:38:40 ubuntu kernel: [ 1815.761160] printk: systemd: 44 output lines suppressed due to ratelimiting',
		'Jul  2 06:38:40 ubuntu kernel: [ 1815.776622] systemd[1]: Detected architecture arm.'
	];

	it('start a new calibration segment, and the clock NTP set gives the boot start (izassafar syslog)', () => {
		const run = ingestText(lines.join('\n'));
		const { boots, calibration } = run.summary.metadata;
		expect(boots.length).toBe(1);
		expect(calibration.map((c) => c.source)).toEqual([
			'anchors from syslog; segment 0 from boot to 1815.761 s (clock step)',
			'anchors from syslog; segment 1 from 1815.761 s (after a clock step)'
		]);
		expect(calibration[0].offset_ms).toBe(Date.UTC(2020, 5, 29, 12, 52, 45, 927));
		expect(calibration[1].offset_ms).toBe(Date.UTC(2020, 6, 2, 6, 8, 24, 723));
		expect(boots[0].started_at).toBe('2020-07-02T06:08:24.723Z');
		// occurrences keep the time the log shows on either side of the step
		expect(run.summary.wallClock(0, 20)).toBe(Date.UTC(2020, 5, 29, 12, 53, 5, 927));
		expect(run.summary.wallClock(0, 1816)).toBe(Date.UTC(2020, 6, 2, 6, 38, 40, 723));
	});

	it('a step by whole hours is the prefix turning to local time, not a clock step (logcat-reports)', () => {
		const run = ingestText(
			[
				'[   24.516601] [2019:06:11 05:34:42][pid:722,cpu4,HwBinder:570_1]hi64xx-dsp[I]hi64xx_hifi_download: img dl--',
				'[   25.526947] [2019:06:11 08:34:43][pid:929,cpu5,MTMemoryPool]ddr_info va = 0xffffff801e1e0000'
			].join('\n')
		);
		const { boots, calibration } = run.summary.metadata;
		expect(calibration.length).toBe(1);
		expect(boots[0].started_at).toBe('2019-06-11T05:34:17.983Z');
	});

	it('a step after a resume does not give the boot start, and reading delays are not steps', () => {
		const run = ingestText(
			[
				'Nov 23 10:00:10 h kernel: [   10.000000] a',
				'Nov 23 10:01:40 h kernel: [   10.500000] b read 90 s late',
				'Nov 23 10:00:30 h kernel: [   30.000000] PM: suspend entry (deep)',
				'Nov 23 12:00:31 h kernel: [   31.000000] PM: suspend exit',
				'Nov 23 12:00:40 h kernel: [   40.000000] c',
				'Nov 25 12:00:50 h kernel: [   50.000000] d'
			].join('\n'),
			{ year: 2024 }
		);
		const { boots, calibration } = run.summary.metadata;
		expect(calibration.map((c) => c.source.replace(/^.*; /, ''))).toEqual([
			'segment 0 from boot to 30.000 s (suspend)',
			'segment 1 from 31.000 s (after a resume) to 50.000 s (clock step)',
			'segment 2 from 50.000 s (after a clock step)'
		]);
		expect(boots[0].started_at).toBe('2024-11-23T10:00:00.500Z');
	});
});

/** kind of each input line's record (`skipped` lines are not in run.records) */
function kinds(run: Run): string[] {
	return run.records.map((r) => `${r.line}:${r.kind}`);
}

describe('unprefixed lines of a multi-line dmesg record', () => {
	it('does not take a console’s other output after a trace header (syzkaller console)', () => {
		// syzkaller corpus 470.log: the fuzzer's `executing program` between a report's lines
		const run = ingestText(
			[
				'[ 1018.930005][ T7994] Call Trace:',
				'executing program',
				'[ 1018.930010][ T7994]  dump_stack+0x197/0x210'
			].join('\n')
		);
		expect(kinds(run)).toEqual(['1:kernel', '2:unparsed', '3:kernel']);
		// nor after a plain dmesg `Call Trace:`, and never a program's dated output
		const plain = ingestText(
			[
				'[   10.000000] Call Trace:',
				'2019/11/06 12:00:01 executed programs: 5',
				'[   10.000010]  dump_stack+0x197/0x210'
			].join('\n')
		);
		expect(kinds(plain)).toEqual(['1:kernel', '2:unparsed', '3:kernel']);
	});

	it('joins the rest of `Last level iTLB entries` to its record (m11x-hwinfo, kernel 3.16)', () => {
		const run = ingestText(
			[
				'[    0.026775] process: using mwait in idle threads',
				'[    0.026783] Last level iTLB entries: 4KB 128, 2MB 4, 4MB 4',
				'Last level dTLB entries: 4KB 256, 2MB 0, 4MB 32, 1GB 0',
				'tlb_flushall_shift: -1',
				'[    0.026928] Freeing SMP alternatives memory: 20K (ffffffff81a1b000 - ffffffff81a20000)'
			].join('\n')
		);
		expect(kinds(run)).toEqual([
			'1:kernel',
			'2:kernel',
			'3:continuation',
			'4:continuation',
			'5:kernel'
		]);
		expect(run.records[2]).toMatchObject({ format: 'continuation', ts: 0.026783 });
		expect(run.summary.input.lines_unparsed).toBe(0);
	});

	it('joins a list announced by a record ending with `:` (raspberrypi3router dwc_otg)', () => {
		const run = ingestText(
			[
				'[    2.902862] WARN::dwc_otg_hcd_init:1047: FIQ DMA bounce buffers: virt = 0xbac14000 dma = 0xfac14000 len=9024',
				'[    2.918980] FIQ FSM acceleration enabled for :',
				'Non-periodic Split Transactions',
				'Periodic Split Transactions',
				'High-Speed Isochronous Endpoints',
				'Interrupt/Control Split Transaction hack enabled',
				'[    2.976416] dwc_otg: Microframe scheduler enabled'
			].join('\n')
		);
		expect(run.summary.input.formats).toEqual({ continuation: 4, dmesg: 3 });
		expect(run.records.slice(2, 6).every((r) => r.ts === 2.91898)).toBe(true);
	});

	it('joins register dumps to the oops (abrt oops9-ppc64, satyr rhbz-1040900 s390x)', () => {
		const ppc = ingestText(
			[
				'[ 104.670079] DAR: 00000000000012e0, DSISR: 40000000',
				'[ 104.670084]',
				'GPR00: c00000000806b258 c000000010ff3a30 d0000000008e3bb8 0000000000000000',
				'GPR04: 0000000000000002 0000000000000000 8000010019990500 0000000000000000',
				'[ 104.670190] NIP [d0000000008cb4dc] .ipr_pci_error_detected+0x18c/0x220 [ipr]'
			].join('\n')
		);
		expect(ppc.summary.input.formats).toEqual({ continuation: 2, dmesg: 3 });
		const s390 = ingestText(
			[
				'[16164.389614] Krnl PSW : 0704f00180000000 000003ff8086d03a (will_oops_init+0x3a/0x1000 [will_oops])',
				'[16164.389625]            R:0 T:1 IO:1 EX:1 Key:0 M:1 W:0 P:0 AS:3 CC:3 PM:0 EA:',
				'Krnl GPRS: 0000000000010000 070000000020db8e 0000000000000030 00000000000000d7',
				'[16164.389635]            000003ff8086d036 0400000000000000 0000000000000000 000003ff00000000'
			].join('\n')
		);
		expect(kinds(s390)).toEqual(['1:kernel', '2:kernel', '3:continuation', '4:kernel']);
	});

	it('joins the unindented rest of `Modules linked in:` (abrt oops-with-jiffies)', () => {
		const run = ingestText(
			[
				'[178856.137438] Modules linked in: usb_storage tcp_lp ppdev parport_pc lp parport fuse ipt_MASQUERADE iptable_nat nf_nat xt_CHECKSUM be2iscsi iscsi_boot_sysfs bnx2i cnic uio cxgb3i libcxgbi cxgb3 mdio ib_iser rdma_cm ib_cm iw_cm ib_sa ib_mad ib_core ib_addr iscsi_tcp libiscsi_tcp libiscsi scsi_transport_iscsi nfs fscache auth_rpcgss nfs_acl lockd bnep bluetooth rfcomm ip6t_REJECT nf_conntrack_ipv6 nf_defrag_ipv6 ip6table_filter ip6_tables nf_conntrack_ipv4 nf_defrag_ipv4 xt_state nf_conntrack arc4 iwlwifi snd_hda_codec_hdmi snd_hda_codec_conexant mac80211 uvcvideo snd_hda_intel snd_hda_codec videobuf2_core btusb snd_hwdep snd_seq snd_seq_device snd_pcm cfg80211 snd_timer snd e1000e soundcore thinkpad_acpi snd_page_alloc microcode i2c_i801 iTCO_wdt iTCO_vendor_support rfkill joydev videodev media v4l2_compat_ioctl32 videobuf2_vmalloc videobuf2_memops sunrpc uinput i915 drm_kms_helper drm i2c_algo_bit i2c_cor',
				'c_core video [last unloaded: scsi_wait_scan]',
				'[178856.137482] Pid: 22695, comm: ksoftirqd/2 Not tainted 3.2.5-3.fc16.x86_64 #1'
			].join('\n')
		);
		expect(kinds(run)).toEqual(['1:kernel', '2:continuation', '3:kernel']);
	});

	it('leaves other programs’ console output unparsed (lkp calltrace-dmesg-006, n100dc, lkp, bacon-pmos, orangepi)', () => {
		const openwrt = ingestText(
			[
				'[    6.380341] Write protecting the kernel read-only data: 2476k',
				'procd: Console is alive',
				'procd: - watchdog -',
				'[    7.417797] sleep (121) used greatest stack depth: 6036 bytes left',
				'mounting /dev/root',
				'mount: mounting 1 on /mnt failed: No such device'
			].join('\n')
		);
		// procd's lines are skipped as init system lines (openwrt-init-lines.test.ts), the others stay
		expect(openwrt.summary.input.unparsed_reasons).toEqual({
			'no kernel prefix in a log whose other lines have one': 2
		});
		expect(openwrt.summary.input.skipped_reasons).toEqual({
			'init system status line (procd, BusyBox init)': 2
		});
		const others = [
			'[    7.197660] EXT4-fs (nvme0n1p6): mounted filesystem with ordered data mode. Opts: nodelalloc\nLoading configuration\nExamining Config partition.....',
			// lkp: the job script's own echo of what it wrote to /dev/kmsg, then its next words
			'[  452.733269][  T447] WARNING: lkp next download broken!\nWARNING: lkp next download broken!\n[  452.733289][  T447]\nLKP: kexec loading',
			'[    1.725493] s1: Bringing 0uV into 1300000-1300000uV\n### postmarketOS initramfs ###',
			'[   3.007] Register 2000140 NbrPorts 2\nStarting the controller\n[   5.682]\nDevice 0: unknown device',
			'[  111.683752] Mem-Info:\n[child1:446] delete_module (176) returned ENOSYS, marking as inactive.'
		];
		for (const text of others) {
			const run = ingestText(text);
			expect(run.summary.input.formats.continuation, text).toBeUndefined();
		}
	});

	it('leaves shell prompts, garbage and syslog files alone', () => {
		const prompt = ingestText(
			'[    2.918980] FIQ FSM acceleration enabled for :\nroot@OpenWrt:/# dmesg'
		);
		// a prompt is no record's rest: skipped as a shell's line (it had been unparsed text)
		expect(kinds(prompt)).toEqual(['1:kernel']);
		expect(prompt.summary.input.skipped_reasons).toEqual({
			'shell prompt or command (not a kernel message)': 1
		});
		// gopro-hero7 kmsg: a line cut in two
		const cut = ingestText(
			'[    1.466687] exFAT: FS Version 1.2.4\n[    1.4700\n85] exFAT: Core Version 1.2.4'
		);
		expect(cut.summary.input.formats.continuation).toBeUndefined();
		// kern.log: every kernel line has its own prefix; text without one is not the kernel's
		const kern = ingestText(
			'Apr 24 22:03:41 host kernel: [  233.386309] Call Trace:\nLast level dTLB entries: 4KB 256'
		);
		expect(kinds(kern)).toEqual(['1:kernel', '2:unparsed']);
	});
});

describe('indented lines that do not continue a kernel record', () => {
	it('the rest of another program’s message in a journal is skipped with it (askubuntu journalctl)', () => {
		const run = ingestText(
			[
				`Feb 09 11:34:15 hpPav audit[924]: USER_AVC pid=924 uid=103 auid=4294967295 ses=4294967295 subj=unconfined msg='apparmor="DENIED" operation="dbus_method_call"  bus="system" path="/org/freedesktop/PolicyKit1/Authority"`,
				`                                   exe="/usr/bin/dbus-daemon" sauid=103 hostname=? addr=? terminal=?'`,
				`Feb 09 11:34:15 hpPav kernel: audit: type=1107 audit(1644402855.389:64): pid=924 uid=103 auid=4294967295 ses=4294967295 subj=unconfined msg='apparmor="DENIED" operation="dbus_method_call"  bus="system"`,
				`                               exe="/usr/bin/dbus-daemon" sauid=103 hostname=? addr=? terminal=?'`
			].join('\n'),
			{ year: 2022 }
		);
		expect(kinds(run)).toEqual(['3:kernel', '4:continuation']);
		expect(run.summary.input.skipped_reasons).toEqual({
			'not a kernel message (other program in a syslog file)': 2
		});
	});

	it('a note typed into the paste after a blank line is not kernel output (archlinux-for-z83)', () => {
		const run = ingestText(
			[
				'[17285.080525] usbcore: registered new interface driver brcmfmac',
				'',
				'Then removing and re-loading the',
				'kernel module with:',
				'',
				' modprobe -v -r brcmfmac',
				' modprobe -v brcmfmac'
			].join('\n')
		);
		expect(kinds(run)).toEqual([
			'1:kernel',
			'3:unparsed',
			'4:unparsed',
			'6:unparsed',
			'7:unparsed'
		]);
	});

	it('trace lines of an oops still continue it, also right after a dropped-messages marker', () => {
		const run = ingestText(
			[
				'[  584.319520] Call Trace:',
				' dump_stack+0x1/0x2',
				'** 3 printk messages dropped **',
				' panic+0x10/0x20'
			].join('\n')
		);
		expect(kinds(run)).toEqual(['1:kernel', '2:continuation', '4:continuation']);
	});
});
