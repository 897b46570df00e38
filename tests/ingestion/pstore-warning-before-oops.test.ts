/**
 * An oops record's newest part that holds a WARNING before the oops: a WARNING prints the same
 * `---[ end trace … ]---` as the oops it may precede, and a quiet spell of more than 10 s after
 * it had read as the end of the dump (classifier.ts endsPstorePart): the part was cut there, its
 * dump time paired with the WARNING's last line, and the oops that caused the dump read after
 * the part as another log's lines. The end trace that ends the dump is now the oops's: the one
 * after a report header `[#1]` (or without a header held), not after a `WARNING:` header, nor
 * after an earlier oops's `[#k]` with k below the record's counter (that oops had a dump of its
 * own). Lines are real: the oops record of the efi-pstore dump i225nic-pstore-panic-log-txt.log
 * (a refcount WARNING, then `kernel BUG at lib/dynamic_queue_limits.c:27!` in the same
 * millisecond) as one part, as ramoops keeps a record, with the oops's lines moved 20 s later
 * (the real dump has no quiet spell between them); then a phone's last_kmsg (fixtures/formats/real).
 */
import { describe, expect, it } from 'vitest';
import {
	fixtureLines,
	i225Dump,
	i225OopsLines,
	i225OopsName,
	ingestText,
	later
} from './helpers.ts';

const DUMP = i225Dump();
const OOPS_LINES = i225OopsLines();
/** the oops record's newest file name: it dates the dump */
const NAME = i225OopsName();
const QUIET_S = 20;
/** the oops's first line, `------------[ cut here ]` right after the WARNING's end trace */
const OOPS_AT = OOPS_LINES.findIndex((l) => l.includes('[ 1330.842508]'));

/** the record as one part: the WARNING, a quiet spell, the oops; with its header `head` */
function dump(head = 'Oops#1 Part1'): string[] {
	return [
		NAME,
		head,
		...OOPS_LINES.slice(0, OOPS_AT),
		...OOPS_LINES.slice(OOPS_AT).map((l) => later(l, QUIET_S))
	];
}

/** another phone's last_kmsg from 22555 s: the dump's shape, its time going on */
const NEXT = fixtureLines('real/iamslightlywin-dump-last-kmsg.log', 2, 61);

describe('an oops record whose newest part holds a WARNING, quiet, then the oops', () => {
	it('is the fixture it claims', () => {
		expect(OOPS_LINES[OOPS_AT - 1]).toMatch(
			/\[ 1330\.842494\] ---\[ end trace 68ff55698a5d522f \]---$/
		);
		expect(OOPS_LINES.some((l) => l.includes('WARNING: CPU: 11 PID: 0 at lib/refcount.c:28'))).toBe(
			true
		);
		expect(OOPS_LINES.at(-1)).toMatch(/\[ 1330\.842928\] ---\[ end trace 68ff55698a5d5230 \]---$/);
		expect(later(OOPS_LINES.at(-1) as string, QUIET_S)).toMatch(/^<4>\[ 1350\.842928\] ---\[ end/);
	});

	it('is held whole: the dump time pairs with the oops’s end trace, not the WARNING’s', () => {
		const d = dump();
		const run = ingestText([...d, ...NEXT].join('\n') + '\n');
		expect(run.summary.input.lines_total).toBe(d.length + NEXT.length);
		// every line in input order, the dump's before the next log's
		const seq = run.records.map((r) => r.line);
		expect(seq).toEqual([...seq].sort((a, b) => a - b));
		// the file name's second (1676462791) is the dump's: it dates the oops's last line, and
		// the WARNING 20 s before it (the WARNING's end had taken the dump's time, 20 s off)
		const dumped = Math.floor(Number(NAME.slice(10, -1)) / 100000) * 1000;
		const atEnd = run.summary.wallClock(0, 1350.842928) as number;
		expect(Math.abs(atEnd - dumped)).toBeLessThanOrEqual(1000);
		expect(run.summary.metadata.calibration[0].source).toContain('pstore');
	});

	/** `NIC Link is Up`, of the dump's boot (the panic record's, 1322.29 s) */
	const LINK_UP = DUMP.find((l) => l.includes('[ 1322.286925]')) as string;
	/** the dump, then LINK_UP `s` seconds after the oops's end trace (1350.842928 s) */
	function thenQuiet(d: string[], s: number): string[] {
		return [...d, later(LINK_UP, 1350.842928 + s - 1322.286925)];
	}
	const dumped = Math.floor(Number(NAME.slice(10, -1)) / 100000) * 1000;

	it('is cut, as before, at a line more than 10 s after the oops’s own end trace', () => {
		const d = thenQuiet(dump(), 15);
		expect(d.at(-1)).toMatch(/^<6>\[ 1365\.842928\] igc 0000:02:00\.0 enp2s0: NIC Link is Up/);
		const run = ingestText(d.join('\n') + '\n');
		expect(
			Math.abs((run.summary.wallClock(0, 1350.842928) as number) - dumped)
		).toBeLessThanOrEqual(1000);
	});

	it('an earlier oops’s end trace (`[#1]` in the record `Oops#2`) is not the dump', () => {
		// `[#1]` < 2: that oops had a dump of its own (Oops#1); this record's ends later, here at
		// its last line, 15 s after that end trace, which the dump time now dates
		const d = thenQuiet(dump('Oops#2 Part1'), 15);
		d[0] = NAME.replace(/01001:$/, '01002:');
		const run = ingestText(d.join('\n') + '\n');
		expect(
			Math.abs((run.summary.wallClock(0, 1365.842928) as number) - dumped)
		).toBeLessThanOrEqual(1000);
	});
});
