import type { LogRecord } from '../../models/log-record.ts';
import { looksBinary } from './common.ts';
import {
	type FormatContext,
	type LineFormat,
	SKIP_BLANK,
	SKIP_OTHER_JOURNAL,
	SKIP_OTHER_SYSLOG,
	UNPARSED_AFTER_DUMP,
	UNPARSED_BOOTLOADER
} from './types.ts';
import { codeAt } from '../../util/text.ts';
import { isShellLine } from './shell.ts';

export { isShellLine };

/** `rec.reason` of unprefixed text in a log whose other lines have a prefix */
export const NO_PREFIX = 'no kernel prefix in a log whose other lines have one';
/** `rec.reason` of a shell's prompt, with or without the command typed after it (isShellLine) */
export const SKIP_SHELL = 'shell prompt or command (not a kernel message)';

/**
 * Can a shell's prompt start with the character `c`: `$`, `#`, `%` (a bare prompt), `[`
 * (`[alice@host1 ~]$`), `/` or `~` (`/ # `)? Prompts that start with a user or host name
 * (`alice@host1:~$`, `sh-4.2#`) start with a letter, as most kernel messages do, and are not
 * looked for in a log without prefixes (a test per line).
 */
function promptSign(c: number): boolean {
	return c === 36 || c === 35 || c === 37 || c === 91 || c === 47 || c === 126;
}

/**
 * An unprefixed line that is a prompt and the command typed after it (pasted with the command's
 * output) is skipped as a shell line; any other is unparsed for `reason`.
 */
function shellOr(line: string, rec: LogRecord, reason: string): void {
	if (isShellLine(line)) {
		rec.kind = 'skipped';
		rec.reason = SKIP_SHELL;
	} else {
		rec.kind = 'unparsed';
		rec.reason = reason;
	}
}

/**
 * trinity's own output (the system call fuzzer that kernel test robots run on the console):
 * `[main] Random reseed: 2530751814`, `[watchdog] Watchdog is alive. (pid:432)`, `[init] `,
 * `[child1:446] finit_module (313) returned ENOSYS, marking as inactive.`
 */
const TRINITY = /^\[(?:main|watchdog|init|child\d+:\d+)\] /;

/** Is `line` trinity's output (TRINITY)? */
export function isTrinityLine(line: string): boolean {
	return TRINITY.test(line);
}

/**
 * A line of a Qualcomm bootloader's log (XBL, ABL), as Samsung phones keep it in last_kmsg after
 * the kernel's: `{348676} ** XBL(720, warm reset, valid magic) **`, `{ 4017002 }[ ABL ] ...`
 */
const QCOM_BOOTLOADER = /^\{ ?\d{1,10} ?\}(?: \*\* XBL\(| ?\[ [A-Z]{3} \] )/;

/** `GPR00: c00000000806b258 c000000010ff3a30 ...`, `Krnl GPRS: 0000000000010000 0700...` */
const REGISTER_DUMP = /^[A-Za-z][\w ]{0,12}: ?[\da-f]{8,}(?: [\da-f]{8,})+/;
/** a record that opens a stack trace: `Call Trace:`, `Call trace:`, `Backtrace:`, `Stack:` */
const TRACE_HEADER = /(?:[Tt]race|Stack):\s*$/;
/** the rest of a wrapped `Modules linked in:` list: module names, maybe `[last unloaded: x]` */
const MODULE_NAMES =
	/^[\w-]+(?:\([A-Z]+\))?(?: [\w-]+(?:\([A-Z]+\))?)*(?: \[last unloaded: [\w-]+(?:\([A-Z]+\))?\])? *$/;

/**
 * Is an unindented, unprefixed line the rest of the util-linux dmesg record before it? Older
 * util-linux prints the later lines of a multi-line record without a prefix and without
 * indentation. In a console capture the same place holds other programs' output, prompts and
 * bootloader text, so the line must look like message text and show a sign that the record
 * goes on: the record ends with `:` (`FIQ FSM acceleration enabled for :` and its list), the
 * line is a register dump (`GPR00: ...` after an empty record, s390 `Krnl GPRS: ...`), the rest
 * of `Modules linked in:`, or it starts with the record's own first words (`Last level iTLB
 * entries` then `Last level dTLB entries`). Once one is taken, the lines right after it are too
 * (`tlb_flushall_shift: -1`, `GPR04: ...`). Cheap character tests come first.
 */
function continuesRecord(line: string, record: string, run: boolean): boolean {
	const c = codeAt(line, 0);
	// message text starts with a letter or digit (not `[main] ...`, `### ...`, `/ # `, `...`)
	if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57))) return false;
	if (shellPrompt(line)) return false;
	// a program's dated output (`2019/11/06 12:00:01 executed programs: 5`) is never kernel text
	if (c <= 57 && (codeAt(line, 4) === 47 || codeAt(line, 4) === 45)) return false;
	if (run) return true;
	const n = record.length;
	let e = n - 1;
	while (e >= 0 && codeAt(record, e) === 32) e--;
	// a trace header (`Call Trace:`) is followed by frames, not by words: a console's other output
	if (e >= 0 && codeAt(record, e) === 58 /* : */) return !TRACE_HEADER.test(record);
	const colon = line.indexOf(': ');
	if (colon > 0 && colon < 15 && REGISTER_DUMP.test(line)) return true;
	if (record.startsWith('Modules linked in:')) return MODULE_NAMES.test(line);
	return sameFirstWords(line, record);
}

/** `root@OpenWrt:/# ls`, `sh-4.2# `, `user@host:~$`: the first word ends with `#` or `$` */
function shellPrompt(line: string): boolean {
	const sp = line.indexOf(' ');
	const end = (sp === -1 ? line.length : sp) - 1;
	const c = codeAt(line, end);
	return c === 35 /* # */ || c === 36; /* $ */
}

/** The line starts with the record's first two words (and is not the record again). */
function sameFirstWords(line: string, record: string): boolean {
	if (line === record) return false;
	const n = Math.min(line.length, record.length);
	let spaces = 0;
	for (let i = 0; i < n; i++) {
		const c = codeAt(line, i);
		if (c !== codeAt(record, i)) return false;
		if (c === 32 && ++spaces === 2) return i >= 6;
	}
	return false;
}

/**
 * Lines with no prefix at all: `dmesg -t`, reports copied without timestamps, `journalctl -o cat`.
 * In a log whose other lines carry a kernel prefix, an indented unprefixed line continues the
 * line before it (a kernel record's trace, another program's message, foreign text), an
 * unindented one continues a dmesg record only when `continuesRecord` says so, and any other
 * unprefixed line is foreign text (shell prompts, fuzzer output, notes): it is still scanned for
 * reports but counted as unparsed.
 * This format is tried last and claims every line that is text.
 */
export const bareFormat: LineFormat = {
	id: 'bare',
	label: 'no timestamp (dmesg -t, copied report)',
	examples: [
		{
			line: 'BUG: kernel NULL pointer dereference, address: 0000000000000008',
			text: 'BUG: kernel NULL pointer dereference, address: 0000000000000008'
		},
		{ line: ' dump_stack+0x1/0x2', text: ' dump_stack+0x1/0x2' }
	],
	negatives: ['\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f\u0010'],
	parse(line: string, rec: LogRecord, ctx: FormatContext): boolean {
		if (looksBinary(line)) {
			rec.kind = 'unparsed';
			rec.reason = 'binary or control characters';
			rec.text = line;
			return true;
		}
		rec.text = line;
		const c = codeAt(line, 0);
		if (
			ctx.seenPrefixed &&
			(ctx.foreign === UNPARSED_BOOTLOADER || (c === 123 /* { */ && QCOM_BOOTLOADER.test(line)))
		) {
			// a bootloader's log, up to the next kernel record (its lines have no common shape)
			ctx.foreign = UNPARSED_BOOTLOADER;
			rec.kind = 'unparsed';
			rec.reason = UNPARSED_BOOTLOADER;
			return true;
		}
		const indented = c === 32 || c === 9;
		if (
			indented &&
			ctx.prevKind === 'skipped' &&
			(ctx.prevReason === SKIP_OTHER_SYSLOG || ctx.prevReason === SKIP_OTHER_JOURNAL)
		) {
			// the rest of another program's message (journalctl indents it), kernel lines seen or not
			rec.kind = 'skipped';
			rec.reason = ctx.prevReason;
			return true;
		}
		if (ctx.seenPrefixed) {
			if (ctx.foreign === UNPARSED_AFTER_DUMP) {
				// text after a pstore dump (LineClassifier.holdPstore), up to the next kernel record:
				// no line of the dump's records, which all have a prefix, nor the rest of one
				shellOr(line, rec, UNPARSED_AFTER_DUMP);
				return true;
			}
			if (indented) {
				// an indented line continues the line before it: a kernel record, or a marker
				// (`** 3 printk messages dropped **`, a pstore header)
				const prev = ctx.prevKind;
				if (
					prev === 'kernel' ||
					prev === 'continuation' ||
					(prev === 'skipped' && ctx.prevReason !== SKIP_BLANK)
				) {
					rec.kind = 'continuation';
					rec.format = 'continuation';
				} else {
					// after a blank line or foreign text: a note typed into the paste, a bootloader's
					rec.kind = 'unparsed';
					rec.reason = NO_PREFIX;
				}
			} else if (
				ctx.openRecord !== null &&
				continuesRecord(line, ctx.openRecord, ctx.unprefixedRun)
			) {
				rec.kind = 'continuation';
				rec.format = 'continuation';
				ctx.unprefixedRun = true;
			} else shellOr(line, rec, NO_PREFIX);
			return true;
		}
		if (ctx.prevKind === 'kernel' && promptSign(c) && isShellLine(line)) {
			// a prompt among unprefixed kernel lines (`$ dmesg -t`, `[alice@host1 ~]$ …`, `/ # …`),
			// tested only on lines that start with a prompt's character; the input's first lines
			// are held and tested as they are released (LineClassifier.releaseHead)
			rec.kind = 'skipped';
			rec.reason = SKIP_SHELL;
			return true;
		}
		rec.kind = 'kernel';
		rec.format = 'bare';
		return true;
	}
};
