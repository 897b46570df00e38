import type { BlockLine } from '../../models/error-block.ts';
import type { Severity } from '../../models/finding.ts';

/**
 * An ARM `Unhandled fault:` of a user-space process. do_DataAbort() (arch/arm/mm/fault.c; arm64's
 * do_mem_abort() before 4.16 printed the same line) prints `Unhandled fault: <name> (<FSR>) at
 * <address>` and the page-table walk (`pgd = …`, `[addr] *pgd=…`) for a data abort no handler
 * resolved, in user and kernel mode alike, then calls arm_notify_die(): in user mode that sends
 * the process the fault's signal (fsr-2level.c, fsr-3level.c: SIGBUS for alignment faults and
 * external aborts, SIGSEGV for domain, translation and permission faults) and the kernel goes on;
 * in kernel mode it calls die(), whose `Internal error: : <FSR> [#1]` oops follows at once
 * (syzkaller reports 548, 554). So a report that holds no `Internal error:` line was a user
 * process's fault: no kernel bug, nothing to decode.
 */
export interface UserFault {
	/** the fault's name as printed: `external abort on non-linefetch`, `page domain fault` */
	name: string;
	/** the signal the process got */
	signal: 'SIGBUS' | 'SIGSEGV' | 'SIGKILL';
	/** the bus answered the access with an error (an external abort, a parity error) */
	bus: boolean;
}

const UNHANDLED = /^Unhandled fault: (.+?) \(0x[\da-f]+\) at 0x[\da-f]+/;
const OOPS = /^Internal error:/;
/** fault names whose signal is SIGBUS because the bus, not the page tables, refused the access */
const BUS_ERROR = /external abort|parity|ECC|lock abort|TLB conflict|unknown \d+|size fault/i;
/** the page-table faults that do_DataAbort() signals with SIGSEGV */
const SEGV = /domain fault|translation fault|permission fault|access flag fault|vector exception/;

/** The user-space fault an `Unhandled fault:` report is, or null for a kernel one (or another report). */
export function armUserFault(lines: readonly BlockLine[]): UserFault | null {
	const at = lines.findIndex((l) => UNHANDLED.test(l.text));
	if (at === -1 || lines.some((l) => OOPS.test(l.text))) return null;
	const name = UNHANDLED.exec(lines[at].text)![1];
	const bus = BUS_ERROR.test(name);
	const signal = /terminal exception/.test(name)
		? 'SIGKILL'
		: !bus && SEGV.test(name)
			? 'SIGSEGV'
			: 'SIGBUS';
	return { name, signal, bus };
}

/** `Unhandled fault in user space: external abort on non-linefetch` */
export const userFaultTitle = (f: UserFault): string => `Unhandled fault in user space: ${f.name}`;

/**
 * A process killed for its own access is the program's bug (low, as a segfault is); a bus error
 * points at a device mapping or the hardware (medium).
 */
export const userFaultSeverity = (f: UserFault): Severity => (f.bus ? 'medium' : 'low');
