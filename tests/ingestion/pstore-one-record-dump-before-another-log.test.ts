/**
 * A pstore dump of one record pasted before another log of its own shape whose time goes on (an
 * Android last_kmsg from 22555 s after an oops dumped at 1330.84 s, both `<N>[ts]`): with one
 * record there is no later record's time to bound its parts by, and the part open at the dump's
 * end had been held with up to 4,000 lines of the next log (classifier.ts holdPstore). What ends
 * the wait now is what real dumps say: the newest part (`Part1`) of an oops ends where the kernel
 * printed `---[ end trace … ]---` and dumped, of a panic within seconds of `Kernel panic - not
 * syncing` (a line more than 10 s later is not the record's), and parts listed oldest part last
 * (`Part1`, `Part2`…, as `/sys/fs/pstore/dmesg-efi-*` sorts them) end where the part before began.
 * Lines are real: the oops's and the panic's parts of the efi-pstore dump
 * i225nic-pstore-panic-log-txt.log (each with its file name), and iamslightlywin-dump-last-kmsg.log
 * from its first whole line, both in fixtures/formats/real.
 */
import { describe, expect, it } from 'vitest';
import { fixtureLines, i225Dump, ingestText } from './helpers.ts';

const DUMP = i225Dump();
/** another phone's last_kmsg, `<7>[22555.365633] …`: the dump's shape, its time going on */
const NEXT = fixtureLines('real/iamslightlywin-dump-last-kmsg.log', 2, 61);

/** the parts of one record (`Oops#` or `Panic#`), each its file name, header and lines, in the dump's order (Part21 first) */
function parts(reason: string): string[][] {
	const out: string[][] = [];
	let cur: string[] | null = null;
	DUMP.forEach((l, k) => {
		if (l.startsWith('dmesg-efi-')) {
			cur = DUMP[k + 1].startsWith(reason) ? [] : null;
			if (cur !== null) out.push(cur);
		}
		cur?.push(l);
	});
	return out;
}

function order(dump: string[], after: string[]) {
	const run = ingestText([...dump, ...after].join('\n') + '\n');
	const seq = run.records.map((r) => r.line);
	return { run, seq, at: seq.indexOf(dump.length + 1) };
}

describe('a pstore dump of one record, then a log of its shape whose time goes on', () => {
	for (const [reason, last] of [
		['Oops#', 1330.842928],
		['Panic#', 1331.453698]
	] as const) {
		it(`ends the ${reason} record’s newest part at its dump, not at the next log’s last line`, () => {
			const dump = parts(reason).flat();
			const { run, at } = order(dump, NEXT);
			expect(at).toBeGreaterThan(0);
			// every line counted, the next log's read after the dump
			expect(run.summary.input.lines_total).toBe(dump.length + NEXT.length);
			expect(run.records.slice(at).every((r) => r.line > dump.length)).toBe(true);
			// the efi file name of the newest part dates the dump (1676462791 s or 1676462792 s): it
			// pairs with the record's last message, not with the last_kmsg's (it had been 6 h off)
			const named = dump.filter((l) => l.startsWith('dmesg-efi-')).at(-1) as string;
			const dumped = Math.floor(Number(named.slice(10, -1)) / 100000) * 1000;
			const wall = run.summary.wallClock(0, last);
			expect(wall).not.toBeNull();
			expect(Math.abs((wall as number) - dumped)).toBeLessThanOrEqual(1000);
		});

		it(`ends the ${reason} record’s oldest part, listed last, where the part before it began`, () => {
			// `Part1` first, as `cat /sys/fs/pstore/dmesg-efi-*` lists them: the next log had been
			// held in the oldest part, and replayed before the record's newer parts
			const dump = parts(reason).reverse().flat();
			const { seq, at } = order(dump, NEXT);
			for (let line = 1; line <= dump.length; line++)
				if (seq.includes(line)) expect(seq.indexOf(line)).toBeLessThan(at);
		});
	}

	it('does not cut the record’s own parts, in either order (the dump alone is read the same)', () => {
		for (const dump of [
			DUMP,
			parts('Oops#').flat(),
			parts('Panic#').flat(),
			parts('Oops#').reverse().flat(),
			parts('Panic#').reverse().flat()
		]) {
			const alone = ingestText(dump.join('\n') + '\n');
			const { seq, at } = order(dump, NEXT);
			expect(seq.slice(0, at)).toEqual(alone.records.map((r) => r.line));
			expect(alone.summary.metadata.boots).toHaveLength(1);
		}
	});
});
