import type { BlockLine, ErrorBlock } from '../../models/error-block.ts';
import {
	continuesWith,
	endsOpenReport,
	isEndMarker,
	isSanitizerEnd,
	isSanitizerReport,
	isExecSummary,
	isCrashHeader,
	isFaultPcLine,
	isLostOopsPanic,
	isRcuStallHeader,
	isRegisterDumpLine,
	joinsEnded,
	matchHeader,
	mayEndBoot,
	separateRcuStall,
	separateStalls,
	shapedReport,
	type OopsHeader
} from './headers.ts';
import { OomTaskReader } from './oom-tasks.ts';
import { objectList } from '../../util/arrays.ts';
import { codeAt } from '../../util/text.ts';

const MAX_LINES = 1500;
/**
 * The character after the `[` of an OOM report's task line (`[ 1804]`, `[12345]`: dump_tasks()
 * prints `[%5d]`) or of its header (`[  pid  ]`): only those lines starting with `[` are given to
 * oom-tasks.ts, not `[drm] …` nor what a phone's kernel prefixes (the reader runs two regular
 * expressions on a line it is given).
 */
const taskListStart = (c: number) => c === 32 || (c >= 48 && c <= 57);
/** mm/oom_kill.c check_panic_on_oom(): `Out of memory: system-wide panic_on_oom is enabled` */
const PANIC_ON_OOM = 'panic_on_oom is enabled';
/**
 * add_taint() turns lockdep off after a report that taints the kernel: between a sanitizer's
 * closing line (or an oops's end marker) and the panic_on_warn panic that still joins it
 */
const LOCK_DEBUGGING_OFF = 'Disabling lock debugging due to kernel taint';
/**
 * kernel/trace/ftrace.c ftrace_bug() of 3.x prints its WARN, then the call site it failed to
 * patch: `ftrace faulted on writing [<c01003a0>] asm_do_IRQ+0x10/0x1c` (ubtouch's 3.4),
 * `ftrace failed to modify …`, `ftrace faulted on unknown error …`
 */
const FTRACE_BUG_SITE =
	/^ftrace (?:faulted on (?:writing|modifying|unknown error)|failed to modify) /;
/** a report is printed in one burst: a later line of the same context after this gap is not part of it */
const MAX_GAP_S = 5;
const MAX_GAP_MS = MAX_GAP_S * 1000;

/**
 * Is a line at kernel time `ts` and wall time `wall` (ms) more than MAX_GAP_S after the last line
 * of an open report? By kernel time when both have one; else by wall time, which is all that
 * `dmesg -T`/`--time-format iso`, syslog and journal lines without the kernel's time carry.
 */
function apart(ts: number, wall: number, lastTs: number, lastWall: number): boolean {
	if (!Number.isNaN(ts) && !Number.isNaN(lastTs)) return ts - lastTs > MAX_GAP_S;
	return Number.isNaN(ts) && !Number.isNaN(wall) && wall - lastWall > MAX_GAP_MS;
}
/** register and `Code:` lines before a lost oops's panic taken at most (registerLead) */
const MAX_REGISTER_LEAD = 24;
/** without timestamps, this many lines in a row that do not look like report lines end it */
const MAX_IDLE = 40;
const RING = 64;
/**
 * the lead lines of a line that opens no report, or of a header without any (BlockAssembler.push):
 * none, in an array of objects' elements kind, as a header's lead lines are (objectList)
 */
const NO_LEAD: readonly BlockLine[] = objectList();
/** unprefixed lines in a row held as the rest of a report's record at most (restOf) */
const MAX_REST = 3;
/**
 * The line that ends a stack dump of i386 kernels before 2.6.25 (show_trace_log_lvl()). A WARN_ON()
 * of then printed its header and dump_stack(), nothing after it, so for a `WARNING:` report it is
 * the end (kerneloops-i386-bug-on.log: a WARNING of one insmod, then a `kernel BUG` of another,
 * had been read as a report started inside the WARNING); an oops goes on with `Code:` and `EIP:`.
 */
const I386_TRACE_END = '=======================';
/** what KASAN's die notifier prints before a general protection fault (see kasanLead) */
const KASAN_GPF_LINES = [
	'kasan: CONFIG_KASAN_INLINE enabled',
	'kasan: GPF could be caused by NULL-ptr deref or user memory access'
];
/**
 * A per-task/per-CPU report interrupted by another report of the same context keeps this
 * many following lines: syzkaller titles such reports from the uncut text.
 */
const SHADOW_LINES = 60;
/**
 * Modern kernels print a WARN()'s own message between `------------[ cut here ]------------`
 * and the `WARNING:` line; up to this many lines of the context before a header are searched
 * for that marker.
 */
const MAX_LEAD = 8;

interface OpenBlock {
	block: ErrorBlock;
	lastTs: number;
	/** wall time (ms) of its last line, NaN when the log gives none */
	lastWall: number;
	idle: number;
	lastReportish: number;
	/** the end marker was printed; only a panic continuation may still join */
	ended: boolean;
	/** unprefixed lines held as the rest of its last record until its next line (restOf) */
	rest?: BlockLine[];
	/** lines a report interrupted by the next one still takes (0 until it is interrupted) */
	shadowLeft: number;
	/** its header's report is one line and its trace (OopsHeader.oneLine) */
	oneLine: boolean;
	/** the lines after the header that a report of a known shape takes (shapedReport), or null */
	shape: ((text: string) => boolean) | null;
	/** a sanitizer's report, which ends with a line of `=` (isSanitizerEnd) */
	sanitizer: boolean;
	/**
	 * an RCU stall that `block.follows` a stall report printed just before it: that report's lines,
	 * to tell once this one's are in whether the two name the same CPU or task (separateRcuStall)
	 */
	afterStall?: readonly BlockLine[];
	/**
	 * the kernel's `Alignment trap: not handling instruction` report this `Unhandled fault:` ended
	 * (ALIGNMENT_TRAP), set aside until this report closes (joinTrap)
	 */
	trap?: ErrorBlock;
}

/**
 * A user-space program's line in the kernel's log, `ident[pid]: message` as syslog(3) and
 * sd_journal write it to /dev/kmsg (`systemd[1]: Created slice system-systemd\x2dfsck.slice.`,
 * systemd's while journald is not up yet): in a dmesg without caller ids nothing but its shape
 * tells it from the kernel's. The kernel's own lines of that shape (`bash[123]: segfault at …`,
 * arm64's `sh[18569]: syscall 278`) are no line of another report either.
 */
const PROGRAM_LINE = /^[a-z][\w.@-]*\[\d+\]: /i;

function isProgramLine(text: string): boolean {
	return text.indexOf('[') > 0 && PROGRAM_LINE.test(text);
}

/**
 * arch/arm/mm/alignment.c: do_alignment() prints `Alignment trap: not handling instruction
 * e1923f9f at [<00010594>]` for an instruction it cannot fix up (exclusive loads and stores,
 * `swp`) and returns 1, so do_DataAbort() prints `Unhandled fault: alignment exception (0x001)
 * at …` right after it, in user and kernel mode alike; arm_notify_die() then signals a user-mode
 * task (SIGBUS) or oopses (`Internal error:`, syzkaller report 242). The trap is the first line of
 * that fault, not a report of its own, when the fault was a user program's.
 */
const ALIGNMENT_TRAP = 'Alignment trap:';
const UNHANDLED_FAULT = 'Unhandled fault:';
const ARM_OOPS = 'Internal error:';

/**
 * The `Unhandled fault:` report `b` with the alignment trap that began it (OpenBlock.trap): one
 * report when no oops (`Internal error:`) followed, a user program's fault (BlockAssembler
 * emits the trap as its own report otherwise). Its lines start with the trap's; its header line
 * stays the fault's (a WARN()'s message lines come first in the same way).
 */
function joinTrap(b: ErrorBlock, trap: ErrorBlock): boolean {
	if (b.lines.some((l) => l.text.startsWith(ARM_OOPS))) return false;
	b.lines = [...trap.lines, ...b.lines];
	b.before = trap.before;
	if (trap.follows !== undefined) b.follows = trap.follows;
	else delete b.follows;
	if (trap.wall !== undefined) b.wall = trap.wall;
	return true;
}

/** a line of a one-line report's own trace (see OopsHeader.oneLine) */
function oneLineContinues(text: string): boolean {
	const c = codeAt(text, 0);
	return c === 32 || c === 9 || text.startsWith('ref_tracker') || text.indexOf('+0x') !== -1;
}

/** a report's lines from its header line on (a WARN()'s message lines come before it) */
function fromHeader(b: ErrorBlock): readonly BlockLine[] {
	const at = b.lines.findIndex((l) => l.line === b.startLine);
	return at <= 0 ? b.lines : b.lines.slice(at);
}

function reportish(text: string): boolean {
	const c = codeAt(text, 0);
	return (
		c === 32 ||
		c === 9 ||
		c === 60 /* < */ ||
		text.indexOf('+0x') !== -1 ||
		text.indexOf('[<') !== -1 ||
		// ARM's show_pte() after a fault: `pgd = 522df9df`, `[000008ad] *pgd=8c7d2835, *pte=…`
		/^(?:pgd = [\da-f]+$|\[[\da-f]+\] \*?pgd=)/.test(text) ||
		/^(?:[A-Z]\w{0,15}|Call [Tt]race|Modules linked in|Hardware name|Mem abort info|Data abort info|pc|lr|sp|x\d+|\w+ by task \d+):/.test(
			text
		)
	);
}

/**
 * Assembles multi-line kernel reports from the line stream, following printk contexts so that
 * interleaved output of different tasks/CPUs does not mix (see docs/INGESTION.md).
 * Lines before the header are kept from a small ring buffer (no per-line allocation).
 */
export class BlockAssembler {
	private open = new Map<string, OpenBlock>();
	private ringLine = new Int32Array(RING);
	private ringText: string[] = new Array(RING).fill('');
	private ringTs = new Float64Array(RING);
	private ringCtx: string[] = new Array(RING).fill('');
	private ringPos = 0;
	private ringLen = 0;
	/** after `Sending NMI from CPU`, lines of every CPU context belong to the open report */
	private nmiCtx = '';
	/** interrupted per-task/per-CPU reports that still take some lines of their context */
	private shadows: OpenBlock[] = [];
	/**
	 * start line of the report the header on the current line interrupts, -1 when none (a number
	 * always: a field that held null and then a number changes its representation in V8, which
	 * throws away the optimised code of every function that stores to it, `push` first)
	 */
	private follows = -1;
	/** the lines of the report `follows` names, when the header on the current line is an RCU stall's */
	private followsLines: readonly BlockLine[] | null = null;
	/** a report that ends or may end a boot was opened since the owner last cleared crashPrinted */
	private crashSeen = false;
	/** the last ARM fault report (mayEndBoot), while nothing but its own lines followed it */
	private maybeEnded: OpenBlock | null = null;
	/** an alignment trap the header on the current line ended, for the report it opens (OpenBlock.trap) */
	private trap: ErrorBlock | null = null;
	/** the OOM reports' task lists, for a panic_on_oom panic after one (ErrorBlock.oomTasks) */
	private oomTasks = new OomTaskReader();

	/**
	 * A report that ends or may end a boot (isCrashHeader: not a soft lockup the machine runs on
	 * after) was opened since the owner last cleared this: the tracker clears it as each boot
	 * starts (boot-end.ts). An ARM `Unhandled fault:` or kernel alignment trap counts only while
	 * the log has nothing after it but its own report lines: one the machine went on after was a
	 * user-space fault (the task got a signal), and a kernel one's `Internal error:` counts itself.
	 */
	get crashPrinted(): boolean {
		return this.crashSeen || (this.maybeEnded !== null && this.maybeEnded.idle === 0);
	}

	set crashPrinted(v: boolean) {
		this.crashSeen = v;
		this.maybeEnded = null;
	}

	constructor(private readonly emit: (b: ErrorBlock) => void) {}

	/**
	 * One line of a printk context. `maybeHeader` false says the text holds none of
	 * HEADER_PREFILTER's literals (the pipeline's combined scan found none), so it opens nothing.
	 */
	push(
		line: number,
		text: string,
		ts: number,
		ctx: string,
		boot: number,
		maybeHeader = true,
		wall = NaN
	): void {
		this.follows = -1;
		this.followsLines = null;
		this.trap = null;
		if (codeAt(text, 0) === 91 /* [ */ && taskListStart(codeAt(text, 1)))
			this.oomTasks.line(line, text, boot);
		const header = maybeHeader ? matchHeader(text) : null;
		if (
			header === null &&
			(this.open.size !== 0 || this.shadows.length !== 0) &&
			isProgramLine(text)
		) {
			// another program's line amid a report (systemd's, before journald is up): not the
			// report's, which stays open
			this.remember(line, text, ts, ctx);
			return;
		}
		if (this.shadows.length > 0) this.feedShadows(line, text, ts, ctx, wall);
		// the ARM fault's report was closed by a line after it, or took one not its own
		const m = this.maybeEnded;
		if (m !== null && (m.idle > 0 || this.open.get(m.block.context) !== m)) this.maybeEnded = null;
		// a panic that joins the open WARN() it ends (panic_on_warn) counts too
		if (header !== null && isCrashHeader(header, text)) this.crashSeen = true;
		if (header === null && this.open.size === 0) {
			// the common case: no report open, none starting
			this.remember(line, text, ts, ctx);
			return;
		}
		let ob = this.open.get(ctx);
		if (!ob && this.nmiCtx !== '' && ctx.startsWith('C')) ob = this.open.get(this.nmiCtx);
		// before continues(): a report this header ends must give these lines up first (a line of
		// an open report, with no header, has none: the one empty list, no list made per line)
		const lead =
			header === null ? NO_LEAD : this.headerLead(ctx, text, ts, header, ob === undefined);
		if (ob && lead.length > 0 && ob.block.lines.every((l) => lead.some((m) => m.line === l.line))) {
			// the open "report" was this WARN()'s own message, which happened to start like a
			// header (`BUG: the value to copy was not set!` before `WARNING: … drm_copy_field`)
			this.open.delete(ob.block.context);
			if (ob.trap !== undefined) this.trap = ob.trap;
			ob = undefined;
		}
		if (ob && header === null && endsOpenReport(text)) {
			this.close(ob, 'next-report');
			ob = undefined;
		}
		if (ob && this.continues(ob, header, text, ts, wall, lead)) {
			this.extend(ob, line, text, ts, ctx, wall);
			return;
		}
		if (header && !(header.key === 'Booting the kernel.' && this.requestedReboot()))
			this.openReport(header, lead, line, text, ts, ctx, boot, wall);
		// a trap whose fault opened no report after all is a report of its own
		if (this.trap !== null) this.emit(this.trap);
		this.remember(line, text, ts, ctx);
	}

	/**
	 * A line the open report `ob` takes (push). A method of its own, as openReport: its branches
	 * (an end marker, a sanitizer's end, the limit of lines) are met for the first time long
	 * after `push` is optimised, and each had sent it back to slower code.
	 */
	private extend(
		ob: OpenBlock,
		line: number,
		text: string,
		ts: number,
		ctx: string,
		wall: number
	): void {
		this.remember(line, text, ts, ctx);
		const b = ob.block;
		if (ob.rest !== undefined) {
			// the rest of its last record, held (restOf)
			for (const l of ob.rest) b.lines.push(l);
			ob.rest = undefined;
		}
		const endLine = this.append(ob, line, text, ts, ctx, wall);
		if (text.startsWith('Sending NMI from CPU')) this.nmiCtx = b.context;
		if (
			endLine ||
			(b.header === 'WARNING:' && text.endsWith(I386_TRACE_END) && text.trim() === I386_TRACE_END)
		)
			ob.ended = true;
		else if (b.lines.length >= MAX_LINES) this.close(ob, 'limit');
		else if (ctx === '' && ob.idle >= MAX_IDLE) {
			this.trimIdle(ob);
			this.close(ob, 'idle');
		}
	}

	/**
	 * Open the report whose header line this is, its lead lines first (push). A method of its own:
	 * about 1 line in 550 has a header, and a branch of it met for the first time (the first
	 * `BUG:` header, shapedReport) had sent the per-line `push` back to slower code.
	 */
	private openReport(
		header: OopsHeader,
		lead: readonly BlockLine[],
		line: number,
		text: string,
		ts: number,
		ctx: string,
		boot: number,
		wall: number
	): void {
		const before = this.collectBefore(ctx);
		const block: ErrorBlock = {
			header: header.key,
			boot,
			context: ctx,
			startLine: line,
			endLine: line,
			before,
			// the message lines come first; startLine stays the header line (crash/index.ts)
			lines: [...lead, { line, text, ts: Number.isNaN(ts) ? null : ts, context: ctx }],
			omitted: 0,
			endReason: 'eof'
		};
		if (this.follows !== -1) block.follows = this.follows;
		if (!Number.isNaN(wall)) block.wall = wall;
		if (header.key === 'Kernel panic' && text.includes(PANIC_ON_OOM)) {
			const tasks = this.oomTasks.before(line, boot);
			if (tasks !== undefined) block.oomTasks = tasks;
		}
		this.open.set(ctx, {
			block,
			lastTs: ts,
			lastWall: wall,
			idle: 0,
			lastReportish: 0,
			ended: false,
			oneLine: header.oneLine === true,
			shape: header.key === 'BUG:' ? shapedReport(text) : null,
			sanitizer: isSanitizerReport(text),
			// every field in one order, set or undefined: one hidden class for every open report
			rest: undefined,
			shadowLeft: 0,
			afterStall: this.followsLines ?? undefined,
			trap: this.trap ?? undefined
		});
		this.trap = null;
		if (mayEndBoot(header)) this.maybeEnded = this.open.get(ctx) ?? null;
	}

	/**
	 * Whether a line belongs to the open report; if not, the report is closed. A report that
	 * printed its end marker only takes the panic that follows it (`Kernel panic - not syncing:
	 * Fatal exception`), so the oops and its panic stay one finding.
	 */
	private continues(
		ob: OpenBlock,
		header: OopsHeader | null,
		text: string,
		ts: number,
		wall: number,
		lead: readonly BlockLine[]
	): boolean {
		if ((ob.oneLine && !oneLineContinues(text)) || (ob.shape !== null && !ob.shape(text))) {
			// a one-line report ends at the first line that is not its own trace, a report of a known
			// shape at the first line of another
			this.close(ob, 'end-marker');
			return false;
		}
		const gap = apart(ts, wall, ob.lastTs, ob.lastWall);
		if (ob.ended) {
			if (header && joinsEnded(header) && !gap) {
				ob.ended = false;
				return true;
			}
			// x86's register summary after the marker: the report's, still ended
			if (!header && !gap && isExecSummary(ob.block.header, text)) return true;
			// add_taint() after the report (KASAN's end_report(), oops_end()), before the panic
			if (!header && !gap && text.startsWith(LOCK_DEBUGGING_OFF)) return true;
			// ftrace_bug()'s line after its WARN (3.x): the call site it failed to patch
			if (!header && !gap && FTRACE_BUG_SITE.test(text)) return true;
			this.close(ob, 'end-marker');
			return false;
		}
		if (header && header.splits && !continuesWith(ob.block.header, header)) {
			const b = ob.block;
			// back-to-back watchdog reports of other CPUs and tasks are separate events
			if (!gap && !separateStalls(fromHeader(b), text)) {
				this.follows = b.startLine;
				if (isRcuStallHeader(text)) this.followsLines = fromHeader(b);
			}
			const last = b.lines[b.lines.length - 1];
			if (last.line === b.startLine && text.startsWith(last.text)) {
				// a truncated header printed again in full (printk replay): keep only the full one
				this.open.delete(b.context);
				if (ob.trap !== undefined) this.trap = ob.trap;
				return false;
			}
			if (b.header === ALIGNMENT_TRAP && header.key === UNHANDLED_FAULT && !gap) {
				// the trap's own fault: whether it is a report of its own shows when the fault's ends
				this.open.delete(b.context);
				if (this.nmiCtx === b.context) this.nmiCtx = '';
				b.endReason = 'next-report';
				this.trap = b;
				return false;
			}
			if (b.context.startsWith('T') || b.context.startsWith('C')) {
				this.open.delete(b.context);
				ob.shadowLeft = SHADOW_LINES;
				this.shadows.push(ob);
				return false;
			}
			if (lead.length > 0) release(b, lead[0].line);
			this.close(ob, 'next-report');
			return false;
		}
		if (gap) {
			this.close(ob, 'gap');
			return false;
		}
		return true;
	}

	private feedShadows(line: number, text: string, ts: number, ctx: string, wall: number): void {
		for (const ob of [...this.shadows]) {
			if (ob.block.context !== ctx) continue;
			const gap = apart(ts, wall, ob.lastTs, ob.lastWall);
			if (!gap) this.append(ob, line, text, ts, ctx, wall);
			ob.shadowLeft--;
			if (gap || ob.shadowLeft <= 0 || isEndMarker(text) || ob.block.lines.length >= MAX_LINES) {
				this.shadows.splice(this.shadows.indexOf(ob), 1);
				this.emitClosed(ob, gap ? 'gap' : 'next-report');
			}
		}
	}

	/**
	 * An unprefixed line at `line` that may be the rest of the last record of the report open in
	 * `ctx` (a record whose text went on past a line end, SLUB's `INFO: Allocated in … age=1688`
	 * then `cpu=1 pid=2004`): held by the report when it is not ended, its last line (or held line)
	 * is the line just before and is no indented trace or register line (those are printed whole),
	 * and the line goes on a sentence (a lower-case letter or a digit first) and opens no report of
	 * its own. The held lines join the report when its next timed line does (push), and are
	 * dropped when the report ends first or more than MAX_REST come in a row: a program's output
	 * on a console (syzkaller's `executing program 2:` and its program after a WARNING) runs
	 * longer. Such lines had been read in a context of their own and left out of the report.
	 * Returns whether the line was held. Called only for unprefixed lines of a prefixed log.
	 */
	restOf(ctx: string, line: number, text: string): boolean {
		const ob = this.open.get(ctx);
		if (ob === undefined || ob.ended) return false;
		const rest = ob.rest;
		const lastLine =
			rest !== undefined && rest.length > 0 ? rest[rest.length - 1] : ob.block.lines.at(-1);
		if (lastLine === undefined || lastLine.line !== line - 1) return false;
		const c = codeAt(text, 0);
		const last = codeAt(lastLine.text, 0);
		if (
			!((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) ||
			last === 32 ||
			last === 9 ||
			matchHeader(text) !== null
		)
			return false;
		if (rest !== undefined && rest.length >= MAX_REST) {
			// a longer run: not a record's rest, and none of it joins
			ob.rest = undefined;
			return false;
		}
		(ob.rest ??= []).push({ line, text, ts: null, context: ctx });
		return true;
	}

	/**
	 * Whether one of the lines last kept for look-back (at most RING, since the boot's start) has
	 * this text: a scan of the ring, for a rare caller (the tracker at a change of the lines'
	 * format, see SHAPE_CHANGE in tracker.ts), never per line.
	 */
	recentlyHad(text: string): boolean {
		for (let k = 1; k <= this.ringLen; k++)
			if (this.ringText[(this.ringPos - k + RING) % RING] === text) return true;
		return false;
	}

	/**
	 * The lines last kept for look-back (at most RING, since the boot's start), oldest first: for
	 * a rare caller (the tracker's join of a journal after a dmesg, releaseJoin), never per line.
	 */
	recentTexts(): string[] {
		const out: string[] = [];
		for (let k = this.ringLen; k >= 1; k--)
			out.push(this.ringText[(this.ringPos - k + RING) % RING]);
		return out;
	}

	/** Close every open report (end of input or of a boot). */
	closeAll(reason: string): void {
		for (const ob of this.shadows) this.emitClosed(ob, 'next-report');
		this.shadows = [];
		for (const ob of [...this.open.values()]) {
			if (ctxIdle(ob)) this.trimIdle(ob);
			this.close(ob, reason);
		}
		this.ringLen = 0;
	}

	/**
	 * Add a line to the open report `ob`; whether it is an end marker (`---[ end trace`, a
	 * sanitizer's closing line of `=`), which ends the report (extend).
	 */
	private append(
		ob: OpenBlock,
		line: number,
		text: string,
		ts: number,
		ctx: string,
		wall: number
	): boolean {
		const b = ob.block;
		b.lines.push({ line, text, ts: Number.isNaN(ts) ? null : ts, context: ctx });
		b.endLine = line;
		if (!Number.isNaN(ts)) ob.lastTs = ts;
		if (!Number.isNaN(wall)) ob.lastWall = wall;
		// the end marker is the report's last line: trimIdle must not cut it as an idle line
		const endLine = isEndMarker(text) || (ob.sanitizer && isSanitizerEnd(text));
		if (endLine || reportish(text)) {
			ob.idle = 0;
			ob.lastReportish = b.lines.length;
		} else ob.idle++;
		return endLine;
	}

	private trimIdle(ob: OpenBlock): void {
		const b = ob.block;
		if (ob.lastReportish > 0 && ob.lastReportish < b.lines.length) {
			b.lines.length = ob.lastReportish;
			b.endLine = b.lines[b.lines.length - 1].line;
		}
	}

	private close(ob: OpenBlock, reason: string): void {
		this.open.delete(ob.block.context);
		if (this.nmiCtx === ob.block.context) this.nmiCtx = '';
		this.emitClosed(ob, reason);
	}

	private emitClosed(ob: OpenBlock, reason: string): void {
		ob.block.endReason = reason;
		// back-to-back RCU stalls (or a watchdog's report and an RCU stall) of other CPUs and tasks
		// are separate events, as separateStalls tells of the watchdogs' own
		if (ob.afterStall && separateRcuStall(ob.afterStall, fromHeader(ob.block)))
			delete ob.block.follows;
		if (
			ob.trap !== undefined &&
			!(ob.block.header === UNHANDLED_FAULT && joinTrap(ob.block, ob.trap))
		)
			this.emit(ob.trap);
		this.emit(ob.block);
	}

	/** a reboot that the previous boot announced (`reboot: Restarting system`) is not a crash */
	private requestedReboot(): boolean {
		for (let k = 1; k <= Math.min(this.ringLen, 8); k++) {
			const t = this.ringText[(this.ringPos - k + RING) % RING];
			if (/^reboot: |^Restarting system|^kexec_core: Starting new kernel/.test(t)) return true;
		}
		return false;
	}

	private remember(line: number, text: string, ts: number, ctx: string): void {
		const p = this.ringPos;
		this.ringLine[p] = line;
		this.ringText[p] = text;
		this.ringTs[p] = ts;
		this.ringCtx[p] = ctx;
		this.ringPos = (p + 1) % RING;
		if (this.ringLen < RING) this.ringLen++;
	}

	/**
	 * The lines of context `ctx` before a header line that are its report's (leadLines, kasanLead,
	 * registerLead when no report of the context is open: `none`).
	 */
	private headerLead(
		ctx: string,
		text: string,
		ts: number,
		header: OopsHeader,
		none: boolean
	): readonly BlockLine[] {
		const lead = this.leadLines(ctx, text, ts, header.key === 'WARNING:');
		if (lead.length === 0 && header.key === 'general protection fault')
			lead.push(...this.kasanLead(ctx, ts));
		if (none && lead.length === 0 && isLostOopsPanic(header, text))
			lead.push(...this.registerLead(ctx, ts));
		return lead.length === 0 ? NO_LEAD : lead;
	}

	/**
	 * The lines from a `cut here` marker just before a header to the header (the WARN()
	 * message), or none: no marker, no line between it and the header, or another report's
	 * header among them (a truncated copy of this header, printk replay, does not count). For a
	 * `WARNING:` header (`warn`), a line right after the marker is its message even when it
	 * starts like a header: WARN(cond, "BUG: …") prints `BUG: …` there.
	 */
	private leadLines(ctx: string, headerText: string, ts: number, warn = false): BlockLine[] {
		// most headers have no marker before them (a flood of BUG lines): look for it cheaply first
		let seen = 0;
		let marked = false;
		for (let k = 1; k <= this.ringLen && seen <= MAX_LEAD; k++) {
			const p = (this.ringPos - k + RING) % RING;
			if (this.ringCtx[p] !== ctx) continue;
			seen++;
			const text = this.ringText[p];
			if (codeAt(text, 0) === 45 /* - */ && text.includes('[ cut here ]')) {
				marked = true;
				break;
			}
		}
		if (!marked) return [];
		const out: BlockLine[] = [];
		let replay = true;
		for (let k = 1; k <= this.ringLen && out.length < MAX_LEAD; k++) {
			const p = (this.ringPos - k + RING) % RING;
			if (this.ringCtx[p] !== ctx) continue;
			const text = this.ringText[p];
			// another program's line between the marker and the header is not the message
			if (isProgramLine(text)) continue;
			const at = this.ringTs[p];
			if (!Number.isNaN(ts) && !Number.isNaN(at) && ts - at > MAX_GAP_S) return [];
			const cut = text.includes('[ cut here ]');
			if (cut && out.length === 0) return [];
			if (!cut && matchHeader(text) && !(warn && this.afterCut(ctx, k))) {
				if (replay && headerText.startsWith(text)) {
					replay = false;
					continue;
				}
				return [];
			}
			replay = false;
			out.push(this.ringEntry(p));
			if (cut) return out.reverse();
		}
		return [];
	}

	/**
	 * The lines KASAN's die notifier prints for a general protection fault just before die()'s
	 * header (kasan_die_handler() in arch/x86/mm/kasan_init_64.c, until 5.4): `kasan:
	 * CONFIG_KASAN_INLINE enabled` and `kasan: GPF could be caused by NULL-ptr deref or user memory
	 * access`, the lines of the context right before the header, in order. They are the fault's:
	 * in `lkp-48.log` they had belonged to no report, between KASAN's report and the fault.
	 */
	private kasanLead(ctx: string, ts: number): BlockLine[] {
		const out: BlockLine[] = [];
		for (let k = 1; k <= this.ringLen && out.length < KASAN_GPF_LINES.length; k++) {
			const p = (this.ringPos - k + RING) % RING;
			if (this.ringCtx[p] !== ctx) continue;
			const at = this.ringTs[p];
			if (!KASAN_GPF_LINES.includes(this.ringText[p])) break;
			if (!Number.isNaN(ts) && !Number.isNaN(at) && ts - at > MAX_GAP_S) break;
			out.push(this.ringEntry(p));
		}
		return out.reverse();
	}

	/**
	 * The register dump right before a `Fatal exception` panic that no open report of its context
	 * takes (isLostOopsPanic): the end of an oops whose header and trace the log lost, from its
	 * faulting-PC line (`EIP: string_nocheck+0x59/0xb0`, `RIP: 0010:f+0x1/0x2`) on, or none when
	 * the lines before the panic hold no such line. In `lkp-74.log` they had belonged to no report,
	 * and the panic had no location.
	 */
	private registerLead(ctx: string, ts: number): BlockLine[] {
		const out: BlockLine[] = [];
		for (let k = 1; k <= this.ringLen && out.length < MAX_REGISTER_LEAD; k++) {
			const p = (this.ringPos - k + RING) % RING;
			if (this.ringCtx[p] !== ctx) continue;
			const at = this.ringTs[p];
			if (!isRegisterDumpLine(this.ringText[p])) break;
			if (!Number.isNaN(ts) && !Number.isNaN(at) && ts - at > MAX_GAP_S) break;
			out.push(this.ringEntry(p));
		}
		out.reverse();
		const pc = out.findIndex((l) => isFaultPcLine(l.text));
		return pc === -1 ? [] : out.slice(pc);
	}

	/** Whether the line of context `ctx` before the ring's k-th newest is a `cut here` marker. */
	private afterCut(ctx: string, k: number): boolean {
		for (let j = k + 1; j <= this.ringLen; j++) {
			const p = (this.ringPos - j + RING) % RING;
			if (this.ringCtx[p] === ctx) return this.ringText[p].includes('[ cut here ]');
		}
		return false;
	}

	private collectBefore(ctx: string): BlockLine[] {
		const max = ctx.startsWith('T') ? 50 : 5;
		const out: BlockLine[] = [];
		for (let k = 1; k <= this.ringLen && out.length < max; k++) {
			const p = (this.ringPos - k + RING) % RING;
			if (this.ringCtx[p] !== ctx) continue;
			out.push(this.ringEntry(p));
		}
		return out.reverse();
	}

	/** The ring's line at position `p` as a line of a report. */
	private ringEntry(p: number): BlockLine {
		const ts = this.ringTs[p];
		return {
			line: this.ringLine[p],
			text: this.ringText[p],
			ts: Number.isNaN(ts) ? null : ts,
			context: this.ringCtx[p]
		};
	}
}

/** Drop the lines from input line `from` on off the end of a report (they open the next one). */
function release(b: ErrorBlock, from: number): void {
	let n = b.lines.length;
	while (n > 1 && b.lines[n - 1].line >= from) n--;
	if (n === b.lines.length) return;
	b.lines.length = n;
	b.endLine = b.lines[n - 1].line;
}

function ctxIdle(ob: OpenBlock): boolean {
	return ob.block.context === '' && ob.idle > 0;
}
