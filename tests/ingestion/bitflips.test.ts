/**
 * A log damaged by flipped bits (see src/lib/ingestion/bitflips.ts): the bit-flipped ramoops
 * console of one recovery session (fixtures/formats/real/cykeek-stuff-console-ramoops-0.log)
 * says so, and no other real log does.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flippedStamp } from '../../src/lib/ingestion/bitflips.ts';
import { ingestBytes, ingestText, readFixture } from './helpers.ts';

const ingestFile = (name: string) => ingestBytes(readFixture(name), 1 << 16);

const FLIPPED = 'flipped bit';

describe('damaged time stamps', () => {
	it('are stamps with characters off by one bit (cykeek console-ramoops, lines 2-6, 8, 16, 34)', () => {
		// as printed: `.` -> `/`, `0` -> `p`, `1` -> `q`, `5` -> `=`, ` ` -> `$`, `[` -> ESC,
		// `]` -> `_`, a digit with its top bit set (not UTF-8, U+FFFD)
		const stamps = [
			'[    4/500400]  +6)[422:kworker/6:3][OPLUS_CHG][op\uFFFDus_\uFFFDhg_parse_charger_\uFFFDt] temp_normal_phas\uFFFD1_fas\uFFFDchg_current_ma fa\uFFFDl',
			'[    4.5004p7]  (6)[422:\uFFFDworoer/6:;][OPLUS_CHG]',
			'[    4.50041q]\uFFFD (6)[422:kw\uFFFDr\uFFFDer/6:3][OPLUS_CHG]',
			'[    4.=00416]  (7)[422:kwosk\uFFFDr/6:3][OPLUS_CHG]',
			'[ $  4.508421]  *7-_422:kworker/6:3][OPLUS_CHG]',
			'\u001b    \uFFFD.\uFFFD00431]  (6)\uFFFD422:kwoz\uFFFDer/6:3]',
			'[    4.500478_  (6)\uFFFD422\uFFFDkworker/6:3_[OPLUS\uFFFDCHG]',
			'<6>[    4/500400] the same after a level'
		];
		expect(stamps.map((s) => flippedStamp(s)?.text)).toEqual([
			'[    4/500400]',
			'[    4.5004p7]',
			'[    4.50041q]',
			'[    4.=00416]',
			'[ $  4.508421]',
			'\u001b    \uFFFD.\uFFFD00431]',
			'[    4.500478_',
			'[    4/500400]'
		]);
		// past 99999 s the whole seconds are wider
		expect(flippedStamp('[123456.7890q2] x')?.text).toBe('[123456.7890q2]');
	});

	it('are not stamps as printed, nor text that only looks a little like one', () => {
		for (const s of [
			'[    4.500426]  (6)[422:kworker/6:3][OPLUS_CHG]',
			'[123456.789012] wide',
			'<6>[    0.000000] Booting Linux',
			'[  OK  ] Started Journal Service.',
			'[FAILED] Failed to start Load Kernel Modules.',
			'[    4.5004] short',
			'[ 1234.567890 ]',
			'[Fri Feb 13 23:31:31 2009] example[1]',
			'[    4.500426',
			'kev/6:3][OPLUS_CHG][oplus_czg_parwe_charger_dt_ temp_normql_phase1_vflo\uFFFDt_mv fail',
			'Stra\uFFFDe [    4/500400]'
		])
			expect(flippedStamp(s), s).toBeNull();
	});
});

describe('the warning', () => {
	it('says the ramoops console is corrupted, with figures (cykeek console-ramoops)', async () => {
		const run = await ingestFile('real/cykeek-stuff-console-ramoops-0.log');
		expect(run.summary.bitFlipped).toBe(true);
		const w = run.summary.input.warnings.filter((x) => x.includes(FLIPPED));
		expect(w).toHaveLength(1);
		expect(w[0]).toContain('480 lines have a kernel time stamp damaged this way');
		expect(w[0]).toContain('(line 2: "[    4/500400]")');
		expect(w[0]).toContain('and from that line on 982 of 1348 lines hold bytes that are not text');
	});

	it('needs damaged stamps in several places: one way of printing them on every line is no damage', () => {
		// a comma for the dot is one flipped bit, but the same on every line
		const comma = ingestText(
			Array.from({ length: 20 }, (_, i) => `[    4,5004${10 + i}] line ${i}`).join('\n')
		);
		expect(comma.summary.bitFlipped).toBe(false);
		// two damaged stamps are not enough
		const two = ingestText(
			'[    4.500426]  (6)[422:kworker/6:3] a\n[    4/500400]  +6)[422:kworker/6:3] b\n[    4.5004p7]  (6)[422:kworker/6:3] c\n'
		);
		expect(two.summary.bitFlipped).toBe(false);
	});

	it('bytes that are not UTF-8 alone are no bit flips (a driver printing a raw byte, text in another encoding)', () => {
		const run = ingestText(
			Array.from(
				{ length: 50 },
				(_, i) =>
					`[    3.${String(540745 + i).padStart(6, '0')}] tlv320aic3262 spi1.0: revision \uFFFD`
			).join('\n')
		);
		expect(run.summary.bitFlipped).toBe(false);
		expect(run.summary.input.warnings.some((x) => x.includes(FLIPPED))).toBe(false);
	});

	it('is given for no other real log of the fixtures', async () => {
		const dir = new URL('../../fixtures/formats/real/', import.meta.url);
		const logs = readdirSync(dir).filter(
			(f) => f.endsWith('.log') && !f.startsWith('cykeek-stuff-console-ramoops')
		);
		expect(logs.length).toBeGreaterThan(5);
		for (const f of logs) expect((await ingestFile(`real/${f}`)).summary.bitFlipped, f).toBe(false);
	});
});
