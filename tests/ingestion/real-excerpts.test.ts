/**
 * Defects found on real logs (corpus/real), each pinned with a short excerpt of the log that
 * showed it: boots from out-of-order times, HiSilicon/Huawei dated prefixes, records glued after
 * a KERN_CONT line, and the year of yearless dates bounded by the kernel build date.
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
