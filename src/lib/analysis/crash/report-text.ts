import type { BlockLine } from '../../models/error-block.ts';
import { continuesWith, matchHeader } from '../../ingestion/blocks/headers.ts';

/** longest line handed to title regexes (keeps every pattern cheap) */
const MAX_LINE = 1024;
/** after this many lines a panic or a lockdep splat is the crash's consequence, not part of it */
const TAIL_AFTER = 22;
const TAIL_AFTER_KMSAN = 16;

/** messages that carry their own stack and therefore end the report before them */
const FOREIGN =
	/vmalloc: allocation failure:|FAULT_INJECTION: forcing a failure|FAULT_FLAG_ALLOW_RETRY missing/;

function questionable(text: string): boolean {
	if (text.includes('<EOI>')) return false;
	return text.includes(' ? ') || text.startsWith('? ') || text.endsWith(' (unreliable)');
}

/**
 * The lines syzkaller titles a report from (its findReport): from the header line on, minus
 * questionable `?` frames when the log has a printk context (powerpc's `(unreliable)` frame
 * always), minus lockdep's taint notice,
 * cut at the next report and, past the first lines, at the panic or lockdep splat that follows.
 * The header line is always the first line returned.
 */
export function reportText(lines: readonly BlockLine[], context: string, header = ''): string[] {
	const out: string[] = [];
	if (lines.length === 0) return out;
	const first = lines[0].text;
	const tailAfter = first.includes('KMSAN') ? TAIL_AFTER_KMSAN : TAIL_AFTER;
	const perTask = context.startsWith('T') || context.startsWith('C');
	for (let i = 0; i < lines.length; i++) {
		let t = lines[i].text;
		if (t.length > MAX_LINE) t = t.slice(0, MAX_LINE);
		if (i > 0) {
			// powerpc's ` (unreliable)` frame is the stale return address of the first frame (its
			// LR save slot, not a caller): dropped also without a printk context, where `?` frames
			// are kept (kerneloops-power5-with-machinecheck.log: `.avc_has_perm+0x6c/0x9c
			// (unreliable)` had named an oops in `._spin_lock` called from unix_stream_recvmsg)
			if ((context !== '' && questionable(t)) || t.endsWith(' (unreliable)')) continue;
			if (t.startsWith('Disabling lock debugging due to kernel taint')) continue;
			if (FOREIGN.test(t)) break;
			if (
				out.length > tailAfter &&
				(t.includes('Kernel panic - not syncing') ||
					t.includes('WARNING: possible circular locking dependency detected'))
			)
				break;
			// per-task/per-CPU reports are not cut at the next report (syzkaller): its lines
			// were filtered by context already
			if (!perTask) {
				const h = matchHeader(t);
				if (h && h.splits && !continuesWith(header, h)) break;
			}
		}
		out.push(t);
	}
	return out;
}
