/**
 * A pstore dump pasted before another log (a paste of several logs one after the other): its parts
 * are held to be put in order (classifier.ts holdPstore), and the part open at the dump's end had
 * been held while up to 4,000 lines of the next log were read; the parts of later records (the
 * panic's, after the oops's last part in the input) were replayed only then, after those lines
 * and in the next log's boot. A line of another shape, or a reset of the kernel time (a banner
 * at 0 s), ends the wait: the parts are replayed where they belong; so does a time later than the
 * newest part of a record dumped after the open part's (an Android last_kmsg whose time goes on).
 * Lines are real: the efi-pstore dump of an oops and a panic i225nic-pstore-panic-log-txt.log,
 * then a plain dmesg (linux-bug-dmesg-out.log), an Android last_kmsg from its boot
 * (dns-airtab-m973w-enginee-kernel-log-last-kmsg.log) or another phone's from 22928 s
 * (iamslightlywin-dump-last-kmsg.log), all in fixtures/formats/real.
 */
import { describe, expect, it } from 'vitest';
import { fixtureLines, i225Dump, ingestText } from './helpers.ts';

const PSTORE = i225Dump();
/** another shape: `[ts] msg` after the dump's `<N>[ts] msg` */
const DMESG = fixtureLines('real/linux-bug-dmesg-out.log', 1, 40);
/** the dump's shape, its time reset: `<6>[    0.000000] …`, then the banner */
const LAST_KMSG = fixtureLines('real/dns-airtab-m973w-enginee-kernel-log-last-kmsg.log', 1, 40);
/** the dump's shape, its time going on: another phone's last_kmsg from 22928 s */
const LAST_KMSG_ON = fixtureLines('real/iamslightlywin-dump-last-kmsg.log', 1, 60);
/** the oops's last line (`Oops#1 Part1`, the input's last part) */
const OOPS_END = 1062;
/** a line of the panic's newest part (`Panic#2 Part1`, lines 944-959), replayed after the oops */
const PANIC_LINE = 946;
const FIRST_NEXT = PSTORE.length + 1;

function order(lines: string[]) {
	const run = ingestText(lines.join('\n') + '\n');
	const seq = run.records.map((r) => r.line);
	const dump = run.records.filter((r) => r.line <= PSTORE.length && r.kind === 'kernel');
	const next = run.records.find((r) => r.line === FIRST_NEXT);
	return { run, seq, dump, next };
}

describe('a pstore dump followed by another log', () => {
	for (const [name, after] of [
		['of another shape', DMESG],
		['of the same shape whose time resets', LAST_KMSG]
	] as const) {
		it(`replays the dump before the next log’s first line (${name})`, () => {
			const { seq, dump, next } = order([...PSTORE, ...after]);
			const at = seq.indexOf(FIRST_NEXT);
			expect(at).toBeGreaterThan(0);
			// every line of the dump comes before the next log's first line, in the dump's boot
			expect(dump.length).toBeGreaterThan(400);
			for (const r of dump) expect(seq.indexOf(r.line)).toBeLessThan(at);
			expect(new Set(dump.map((r) => r.boot))).toEqual(new Set([0]));
			expect(next?.boot).toBe(1);
			// records by counter, oldest first: the panic's newest part after the oops's
			expect(seq.indexOf(OOPS_END)).toBeLessThan(seq.indexOf(PANIC_LINE));
		});
	}

	it('replays the dump before a log of its own shape whose time goes on (a later record’s time)', () => {
		// an Android last_kmsg from 22928 s after the dump (its records end at 1331.45 s): the open
		// part, the oops's newest, cannot hold a line later than the panic's dumped after it
		const { seq, dump, next } = order([...PSTORE, ...LAST_KMSG_ON]);
		const at = seq.indexOf(FIRST_NEXT);
		for (const r of dump) expect(seq.indexOf(r.line)).toBeLessThan(at);
		expect(seq.indexOf(OOPS_END)).toBeLessThan(seq.indexOf(PANIC_LINE));
		expect(next?.kind).toBe('kernel');
	});

	it('puts the dump’s own parts in order as before', () => {
		const { seq } = order(PSTORE);
		expect(seq.indexOf(3)).toBeLessThan(seq.indexOf(OOPS_END));
		expect(seq.indexOf(OOPS_END)).toBeLessThan(seq.indexOf(PANIC_LINE));
		expect(seq.at(-1)).toBeLessThan(960);
	});
});
