import type { LogRecord } from '../../models/log-record.ts';
import { scanBracketTime, scanCaller, scanPriority, skipOneSpace, type Scan } from './common.ts';
import type { LineFormat } from './types.ts';

const scan: Scan = { end: 0, value: 0 };

/**
 * Plain `dmesg` / console output: `[    1.234567] msg`, optionally preceded by a raw `<6>`
 * priority (dmesg -r, pstore, last_kmsg) and followed by a printk caller id in either spacing
 * (`[  584.319520][   T31] msg`, `[    0.862842] [    T1] msg`).
 * See kernel/printk/printk.c (print_time, print_caller) and util-linux sys-utils/dmesg.c.
 */
export const dmesgFormat: LineFormat = {
	id: 'dmesg',
	label: 'dmesg',
	examples: [
		{ line: '[    0.000000] Linux version 6.6.4-arch1-1', text: 'Linux version 6.6.4-arch1-1', ts: 0 },
		{ line: '[110592.000000] example[48]', text: 'example[48]', ts: 110592 },
		{
			line: '[  584.319520][   T31] INFO: task udevd:5612 blocked',
			text: 'INFO: task udevd:5612 blocked',
			ts: 584.31952,
			caller: 'T31'
		},
		{
			line: '[    0.862842] [    T1] hv_vmbus: Vmbus version:5.3',
			text: 'hv_vmbus: Vmbus version:5.3',
			caller: 'T1'
		},
		{ line: '[  175.967267][T13309] UBSAN: x', text: 'UBSAN: x', caller: 'T13309' },
		{ line: '<6>[    0.000000] Command line: ro', text: 'Command line: ro', level: 6 },
		{ line: '<30>[   10.441520] systemd[1]: x', text: 'systemd[1]: x', level: 6 },
		{ line: '<0>[    0.000000] [    T0] example[0]', text: 'example[0]', level: 0, caller: 'T0' },
		{ line: '[ 1418.060540][ C1] vhci_hcd: x', text: 'vhci_hcd: x', caller: 'C1' },
		{ line: '[    2.000000]', text: '', ts: 2 }
	],
	negatives: ['Nov 23 10:00:00 host kernel: x', '[Fri Feb 13 23:31:31 2009] example[1]', 'plain text'],
	parse(line: string, rec: LogRecord): boolean {
		let i = 0;
		const c0 = line.charCodeAt(0);
		if (c0 === 60 /* < */) {
			const level = scanPriority(line, 0, scan);
			if (level < 0) return false;
			rec.level = level;
			i = scan.end;
		} else if (c0 !== 91 /* [ */) return false;
		if (!scanBracketTime(line, i, scan)) {
			if (i === 0) return false;
			// `<6>msg`: a raw priority with no time (vmcore-dmesg of old kernels, dmesg -r -t)
			rec.text = line.slice(i);
			rec.format = 'dmesg-raw';
			rec.kind = 'kernel';
			return true;
		}
		rec.ts = scan.value;
		i = scan.end;
		const caller = scanCaller(line, i, scan);
		if (caller !== '') {
			rec.caller = caller;
			i = scan.end;
		}
		rec.text = line.slice(skipOneSpace(line, i));
		rec.format = i > 0 && c0 === 60 ? 'dmesg-raw' : 'dmesg';
		rec.kind = 'kernel';
		return true;
	}
};
