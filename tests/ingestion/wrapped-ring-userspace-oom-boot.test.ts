/**
 * A wrapped ring buffer's oldest part (ring.ts) is a boot of its own while streaming and is
 * counted in the boot before it at the end. The rules with one finding per boot (the user-space
 * OOM killers', LineRule.byBoot) had kept the streaming boot: Android's low-memory killer killing
 * in both parts of one boot gave two findings of that boot, one with an id made of a boot the
 * report does not have (`boot 1`). The lines are real: the console-ramoops
 * cykeek-stuff-console-ramoops-0.log (fixtures/formats/real; its newest part first, from 4.5 s,
 * then its oldest, 3.8 s to 4.5 s, lines 1275-1349), with one kill of the old kernel driver
 * (drivers/staging/android/lowmemorykiller.c's words) in each part, in its own CPU and task prefix.
 */
import { describe, expect, it } from 'vitest';
import { analyzeStream, analyzeText } from '../../src/lib/pipeline.ts';
import type { AnalysisResult } from '../../src/lib/models/report.ts';
import { fixtureLines } from './helpers.ts';

const CONSOLE = fixtureLines('real/cykeek-stuff-console-ramoops-0.log', 1, 1349);
const RULE = 'memory.android-lmk-kill';

/** a kill at the time of line `at` (1-based), put before it */
function kill(at: number, app: string, pid: number): string {
	const ts = /^\[ *[\d.]+\]/.exec(CONSOLE[at - 1])?.[0];
	if (ts === undefined) throw new Error(`line ${at} has no time stamp`);
	return `${ts}  (6)[80:kswapd0]lowmemorykiller: Killing '${app}' (${pid}), adj 1000,`;
}

/** the console with a kill before line 603 (newest part, 11.06 s) and line 1301 (oldest, 3.83 s) */
const lines = [
	...CONSOLE.slice(0, 602),
	kill(603, 'com.android.browser', 4321),
	...CONSOLE.slice(602, 1300),
	kill(1301, 'com.android.music', 1234),
	...CONSOLE.slice(1300)
];
const text = lines.join('\n') + '\n';

async function* chunks(t: string, size: number): AsyncGenerator<Uint8Array> {
	const bytes = new TextEncoder().encode(t);
	for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

const kills = (r: AnalysisResult) => r.findings.filter((f) => f.rule === RULE);

describe('a user-space OOM rule in a wrapped ring buffer', () => {
	it('gives one finding for the boot the report counts, with both kills', async () => {
		const r = await analyzeText(text);
		expect(r.metadata.boots).toHaveLength(1);
		expect(r.input.warnings.some((w) => w.includes('ring buffer read from the wrong place'))).toBe(
			true
		);
		const f = kills(r);
		expect(f).toHaveLength(1);
		expect(f[0].count).toBe(2);
		expect(f[0].boots).toEqual([0]);
		expect(f[0].occurrences.map((o) => [o.first_line, o.boot])).toEqual([
			[603, 0],
			[1302, 0]
		]);
		expect(f[0].details.processes).toEqual(['com.android.browser', 'com.android.music']);
		// the id of a finding that no other finding of its rule and title shares: the newest part
		// alone (one boot, no wrap) gives the same
		const alone = await analyzeText(lines.slice(0, 1274).join('\n') + '\n');
		expect(alone.metadata.boots).toHaveLength(1);
		expect(kills(alone).map((x) => x.id)).toEqual([f[0].id]);
	});

	it('the same with CRLF line ends and through small chunks', async () => {
		const whole = JSON.stringify(kills(await analyzeText(text)));
		for (const t of [text, text.replace(/\n/g, '\r\n')])
			for (const size of [61, 4096])
				expect(JSON.stringify(kills(await analyzeStream(chunks(t, size))))).toBe(whole);
	});
});
