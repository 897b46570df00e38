import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	Analyzer,
	contextOutcome,
	contextTriggers,
	expectationFor,
	expectationsOf,
	resolutionFor,
	resolutionsOf,
	scanTriggers
} from '../../src/lib/analysis/engine.ts';
import {
	BENIGN_RULES,
	DEVICE_LINKS,
	LINE_RULES,
	type LineRule
} from '../../src/lib/analysis/rules/index.ts';
import { CATEGORIES, SEVERITIES, type Finding } from '../../src/lib/models/finding.ts';
import { emptyMetadata } from '../../src/lib/models/metadata.ts';
import { newRecord } from '../../src/lib/models/log-record.ts';

const CAUSE_KINDS = [
	'hardware',
	'firmware',
	'driver',
	'kernel',
	'userspace',
	'configuration',
	'environment'
];

/**
 * Run messages (prefix already removed) through the real engine, as ingestion would: one second
 * apart, or at the kernel times given.
 */
/** The lines through the analyzer as the pipeline gives them: with their prefilter scan. */
function findingsFor(lines: string[], times?: number[]): Finding[] {
	const a = new Analyzer();
	const r = newRecord();
	lines.forEach((text, i) => {
		r.line = i + 1;
		r.text = text;
		r.ts = times?.[i] ?? i;
		a.record(r, scanTriggers(text));
	});
	return a.finish(emptyMetadata());
}

/** A stall rule's example, then the device's next message once the silence counts (LineRule.stall). */
function stalled(r: LineRule, ex: string): Finding[] {
	const device = r.details!(r.pattern.exec(ex)!).device as string;
	return findingsFor([ex, `${device}: next message`], [0, r.stall!.min + 1]);
}

const modules = import.meta.glob('../../src/lib/analysis/rules/*.ts', { eager: true }) as Record<
	string,
	Record<string, unknown>
>;

function isLineRule(v: unknown): v is LineRule {
	return (
		typeof v === 'object' &&
		v !== null &&
		'id' in v &&
		'pattern' in v &&
		'triggers' in v &&
		'explanation' in v
	);
}

describe('line rule registry', () => {
	it('lists every rule exported by a file in rules/', () => {
		const exported = Object.values(modules).flatMap((m) => Object.values(m).filter(isLineRule));
		expect(exported.length).toBeGreaterThan(40);
		for (const r of exported) expect(LINE_RULES, r.id).toContain(r);
	});

	it('has unique ids shaped category.name and a valid category (never crash)', () => {
		const ids = LINE_RULES.map((r) => r.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const r of LINE_RULES) {
			expect(r.id).toMatch(/^[a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)*$/);
			expect(r.id.split('.')[0]).toBe(r.category);
			expect(CATEGORIES).toContain(r.category);
			expect(r.category).not.toBe('crash');
			expect(SEVERITIES).toContain(r.severity);
			if (r.storm) {
				expect(r.storm.count).toBeGreaterThan(1);
				expect(SEVERITIES).toContain(r.storm.severity);
				if (r.storm.then) {
					// a second level comes later and is more severe
					expect(r.storm.then.count).toBeGreaterThan(r.storm.count);
					expect(SEVERITIES.indexOf(r.storm.then.severity)).toBeLessThan(
						SEVERITIES.indexOf(r.storm.severity)
					);
				}
			}
		}
	});

	it('is documented: docs/RULES.md names every rule and benign entry', () => {
		const doc = readFileSync(join(import.meta.dirname, '../../docs/RULES.md'), 'utf8');
		for (const r of LINE_RULES) expect(doc, r.id).toContain(`\`${r.id}\``);
		for (const b of BENIGN_RULES) expect(doc, b.id).toContain(`\`${b.id}\``);
	});

	it('has specific triggers', () => {
		for (const r of LINE_RULES) {
			expect(r.triggers.length, r.id).toBeGreaterThan(0);
			for (const t of r.triggers) {
				expect(t.length, `${r.id}: ${t}`).toBeGreaterThanOrEqual(5);
				expect(['error', 'Error', 'ERROR', 'failed', 'fail']).not.toContain(t.trim());
			}
		}
	});

	for (const r of LINE_RULES) {
		describe(r.id, () => {
			it('matches its examples with a trigger, a title and valid details', () => {
				expect(r.examples.length).toBeGreaterThan(0);
				for (const ex of r.examples) {
					expect(
						r.triggers.some((t) => ex.includes(t)),
						`no trigger in: ${ex}`
					).toBe(true);
					const m = r.pattern.exec(ex);
					expect(m, `no match: ${ex}`).not.toBeNull();
					const title = r.title(m!);
					expect(title.trim().length).toBeGreaterThan(0);
					expect(title).not.toMatch(/undefined|null|NaN/);
					if (r.details) expect(typeof r.details(m!)).toBe('object');
					if (r.severityOf) expect(SEVERITIES).toContain(r.severityOf(m!));
				}
			});

			it('gives one severity per title (a finding keeps its first occurrence’s severity)', () => {
				const byTitle = new Map<string, Set<string>>();
				for (const ex of r.examples) {
					const m = r.pattern.exec(ex)!;
					const t = r.title(m);
					byTitle.set(t, (byTitle.get(t) ?? new Set()).add(r.severityOf?.(m) ?? r.severity));
				}
				for (const [t, sev] of byTitle) expect([...sev], t).toHaveLength(1);
			});

			it('turns each example into a finding of this rule through the engine', () => {
				for (const ex of r.examples) {
					const f = r.stall ? stalled(r, ex) : findingsFor([ex]);
					expect(
						f.map((x) => x.rule),
						ex
					).toEqual([r.id]);
					expect(f[0].category).toBe(r.category);
				}
			});

			if (r.evidenceEach !== undefined) {
				const each = r.evidenceEach;
				it(`lists the detail ${each} it gives evidence for (collect)`, () => {
					expect(r.collect?.[each]).toBeDefined();
					// the rule's message names it
					expect(
						r.examples.some((e) => typeof r.details?.(r.pattern.exec(e)!)[each] === 'string')
					).toBe(true);
				});
			}

			if (r.context) {
				const c = r.context;
				it('reads the facts of its context message, and adds them only to a message that follows it closely', () => {
					// the first example the context applies to (its `when`)
					const first =
						r.examples.find((e) => {
							const m = r.pattern.exec(e);
							return m !== null && (c.when?.(m) ?? true);
						}) ?? r.examples[0];
					// the finding of the rule's message on line `line` (a context message may be one of
					// the rule's own messages: b43's firmware requests before its summary line)
					const at = (f: ReturnType<typeof findingsFor>, line: number) =>
						f.find((x) => x.rule === r.id && x.first_line === line);
					for (const ex of c.examples) {
						expect(
							contextTriggers(c).some((t) => ex.includes(t)),
							ex
						).toBe(true);
						const m = c.pattern.exec(ex);
						expect(m, `no match: ${ex}`).not.toBeNull();
						const facts = c.details(m!);
						expect(Object.values(facts).some((v) => v !== null)).toBe(true);
						// the context message is not a finding of its own, unless it is a message of the rule
						if (!r.pattern.test(ex))
							expect(findingsFor([ex]).map((x) => x.rule)).not.toContain(r.id);
						// the context message may be another rule's finding ([Firmware Bug] before EFI off)
						const near = at(findingsFor([ex, first]), 2);
						expect(near, ex).toBeDefined();
						if (!near) continue;
						for (const [k, v] of Object.entries(facts)) expect(near.details[k]).toEqual(v);
						const own = r.pattern.exec(first)!;
						const outcome = contextOutcome(r, facts);
						if (outcome) {
							expect(near.title).toBe(outcome.title(own));
							expect(near.title).not.toBe(r.title(own));
							expect(near.severity).toBe(outcome.severity);
						} else expect(near.title).toBe(r.title(own));
						const filler = Array.from({ length: c.within }, (_, k) => `filler line ${k}`);
						const far = at(findingsFor([ex, ...filler, first]), c.within + 2);
						// facts the rule's own message gives too (the device of `sameDevice`) stay
						const ownFacts: Record<string, unknown> = r.details?.(own) ?? {};
						for (const [k, v] of Object.entries(facts))
							if (ownFacts[k] !== v) expect(far?.details[k]).not.toEqual(v);
						expect(far?.title).toBe(r.title(own));
					}
				});
			}

			for (const f of r.follow ?? []) {
				it(`folds its follow-up "${f.trigger}" into the finding just before it, and only then`, () => {
					for (const ex of f.examples) {
						expect(ex.includes(f.trigger), ex).toBe(true);
						const m = f.pattern.exec(ex);
						expect(m, `no match: ${ex}`).not.toBeNull();
						const facts = f.details(m!);
						expect(Object.keys(facts).length).toBeGreaterThan(0);
						const { device, ...keys } = m!.groups ?? {};
						// a rule example naming the same device (or the link above it) and the same value
						// of every other named group (the OOM victim's pid), whose own message does not
						// already carry the follow-up's facts (those are kept, not replaced)
						const own = r.examples.find((e) => {
							const m2 = r.pattern.exec(e);
							const ownFacts = m2 && r.details ? r.details(m2) : {};
							const d = ownFacts.device;
							const sameDevice =
								device === undefined ||
								typeof d !== 'string' ||
								d === device ||
								device.startsWith(`${d}.`);
							const sameKeys = Object.entries(keys).every(
								([k, v]) => v === undefined || ownFacts[k] == null || String(ownFacts[k]) === v
							);
							return sameDevice && sameKeys && Object.keys(facts).every((k) => ownFacts[k] == null);
						});
						expect(own, `no example of ${r.id} for ${ex}`).toBeDefined();
						const joined = findingsFor([own!, ex]).filter((x) => x.rule === r.id);
						// a follow-up it claims is no finding of its own, of any rule
						if (f.claims) expect(joined, ex).toHaveLength(1);
						const [near] = joined;
						expect(near.last_line, ex).toBe(2);
						expect(near.evidence.map((e) => e.text)).toEqual([own, ex]);
						for (const [k, v] of Object.entries(facts)) expect(near.details[k], ex).toEqual(v);
						const filler = Array.from({ length: f.within }, (_, k) => `filler line ${k}`);
						const [far] = findingsFor([own!, ...filler, ex]).filter((x) => x.rule === r.id);
						expect(far.last_line).toBe(1);
						// too far: the finding keeps what its own message said (nothing, or null)
						for (const k of Object.keys(facts)) expect(far.details[k] ?? null).toBeNull();
						// alone, a follow-up is not a finding of this rule, unless the rule matches it by
						// itself (a claimed line: the driver core's probe failure after the driver's reason)
						if (!(f.claims && r.pattern.test(ex)))
							expect(findingsFor([ex]).map((x) => x.rule)).not.toContain(r.id);
					}
				});
			}

			for (const res of resolutionsOf(r)) {
				it(`is resolved by "${res.trigger}" just after it, and only then`, () => {
					// with follow-ups too, only the messages a resolution picks wait for it
					if (r.follow)
						expect(res.when, 'a resolution of a rule with follow-ups has when').toBeDefined();
					// the first example that waits for this resolution (and for no earlier one)
					const own = r.examples.find((ex) => {
						const m = r.pattern.exec(ex);
						return m !== null && resolutionFor(r, m) === res;
					})!;
					expect(own, 'an example that waits').toBeDefined();
					const m = r.pattern.exec(own)!;
					const plain = r.title(m);
					expect(res.title(m)).not.toBe(plain);
					expect(res.explanation.meaning.length).toBeGreaterThan(40);
					if (res.later) {
						// a later outcome needs the resolution's own window, and is not for grouped events
						expect(res.withinSeconds, 'later without withinSeconds').toBeDefined();
						expect(res.repeats, 'later with repeats').toBeFalsy();
						expect(res.later.title(m)).not.toBe(res.title(m));
						expect(res.later.title(m)).not.toBe(plain);
					}
					for (const ex of res.examples) {
						expect(ex.includes(res.trigger), ex).toBe(true);
						expect(res.pattern.exec(ex), `no match: ${ex}`).not.toBeNull();
						// the events of a resolution with repeats are found by their device's name
						if (res.repeats) expect(res.pattern.exec(ex)?.groups?.device, ex).toBeDefined();
						const [near] = findingsFor([own, 'filler line', ex]).filter((x) => x.rule === r.id);
						expect(near.title).toBe(res.title(m));
						expect(near.severity).toBe(res.severity);
						expect(near.explanation.meaning).toBe(res.explanation.meaning);
						expect([near.first_line, near.last_line]).toEqual([1, 3]);
						expect(near.evidence.map((e) => e.text)).toEqual([own, ex]);
						// the facts of the resolving message join the rule's
						const added = res.details?.(res.pattern.exec(ex)!) ?? {};
						expect(near.details).toEqual({ ...r.details?.(m), ...added });
						// too far: the rule's own finding
						const filler = Array.from({ length: res.within }, (_, k) => `filler line ${k}`);
						const far = findingsFor([own, ...filler, ex]).filter((x) => x.rule === r.id);
						expect(far.map((f) => [f.title, f.severity])).toEqual([
							[plain, r.severityOf?.(m) ?? r.severity]
						]);
						// alone, the resolving message is no finding of this rule
						expect(findingsFor([ex]).map((x) => x.rule)).not.toContain(r.id);
					}
				});
			}

			for (const expects of expectationsOf(r)) {
				it(`is no finding when "${expects.trigger}" ends its event, and one when it does not come`, () => {
					expect(r.stall, 'a rule has expects or stall, not both').toBeUndefined();
					// with follow-ups too, only the messages it picks wait for the end of their event
					if (r.follow) expect(expects.when, 'expects beside follow needs its when').toBeDefined();
					// with resolve too, `when` tells the messages apart: none of its examples waits for both
					if (r.resolve) {
						expect(expects.when, 'expects beside resolve needs its when').toBeDefined();
						for (const ex of r.examples) {
							const m = r.pattern.exec(ex)!;
							if (resolutionFor(r, m)) expect(expects.when!(m), ex).toBe(false);
						}
					}
					// the first example that waits for this end of its event (and for no earlier one)
					const own = r.examples.find((ex) => {
						const m = r.pattern.exec(ex);
						return (
							m !== null && resolutionFor(r, m) === undefined && expectationFor(r, m) === expects
						);
					})!;
					expect(own, 'an example that waits').toBeDefined();
					for (const ex of expects.examples) {
						expect(ex.includes(expects.trigger), ex).toBe(true);
						expect(expects.pattern.exec(ex), `no match: ${ex}`).not.toBeNull();
						// the first lines of the rule's findings: the message that ends the event may be the
						// rule's own finding (ntfs3's refused mount after its dirty-volume notice)
						const starts = (lines: string[]) =>
							findingsFor(lines)
								.filter((x) => x.rule === r.id)
								.map((x) => x.first_line);
						expect(starts([own, 'filler line', ex])).not.toContain(1);
						// too far, or never: the rule's own finding
						const filler = Array.from({ length: expects.within }, (_, k) => `filler line ${k}`);
						expect(starts([own, ...filler, ex])).toContain(1);
						expect(starts([own, 'filler line'])).toContain(1);
					}
				});
			}

			if (r.stall) {
				const stall = r.stall;
				it('is a finding only when the device it names then stays silent long enough', () => {
					expect(r.follow, 'a rule has stall or follow, not both').toBeUndefined();
					expect(r.resolve, 'a rule has stall or resolve, not both').toBeUndefined();
					expect(stall.min).toBeLessThan(stall.max);
					const own = r.examples[0];
					const device = r.details!(r.pattern.exec(own)!).device as string;
					for (const ex of stall.examples) {
						expect(ex.includes(device), ex).toBe(true);
						const at = (gap: number, lines = [own, ex]) =>
							findingsFor(lines, [100, 100 + gap]).filter((x) => x.rule === r.id);
						const [near] = at(stall.min + 1);
						expect([near.first_line, near.last_line]).toEqual([1, 2]);
						expect(near.evidence.map((e) => e.text)).toEqual([own, ex]);
						expect(near.details.waited_s).toBe(stall.min + 1);
						// the device spoke again soon, too late to be this wait, or never
						expect(at(stall.min - 1)).toEqual([]);
						expect(at(stall.max + 1)).toEqual([]);
						expect(at(stall.min + 1, [own, 'another device: message'])).toEqual([]);
						expect(findingsFor([own])).toEqual([]);
					}
				});
			}

			if (r.perBoot) {
				it('counts the boots its messages come in, not the messages', () => {
					// a resolution is allowed: the boot's messages are resolved together (each held,
					// the same resolving message releasing them as one occurrence)
					expect(r.follow ?? r.stall, 'perBoot with follow or stall').toBe(undefined);
					const a = new Analyzer();
					const rec = newRecord();
					const boots = [...r.examples.map(() => 0), ...r.examples.map(() => 1)];
					[...r.examples, ...r.examples].forEach((text, i) => {
						rec.line = i + 1;
						rec.text = text;
						rec.ts = i;
						rec.boot = boots[i];
						a.record(rec, scanTriggers(text));
					});
					const [f] = a.finish(emptyMetadata()).filter((x) => x.rule === r.id);
					expect([f.count, f.boots, f.occurrences.map((o) => o.first_line)]).toEqual([
						2,
						[0, 1],
						[1, r.examples.length + 1]
					]);
					// every sign of the first boot is evidence, none of the second (of a rule with
					// several titles, the signs of the first example's title)
					const title = r.title(r.pattern.exec(r.examples[0])!);
					expect(f.evidence.map((e) => e.text)).toEqual(
						r.examples.filter((e) => r.title(r.pattern.exec(e)!) === title)
					);
				});
			}

			if (r.collect) {
				const collect = r.collect;
				it('gathers the details it collects from every occurrence, each value once', () => {
					const [f] = findingsFor([r.examples[0], r.examples[0]]).filter((x) => x.rule === r.id);
					const facts = r.details!(r.pattern.exec(r.examples[0])!);
					for (const [key, listKey] of Object.entries(collect)) {
						expect(facts, key).toHaveProperty(key);
						if (typeof facts[key] === 'string') expect(f.details[listKey]).toEqual([facts[key]]);
					}
				});
			}

			it('does not match its negatives', () => {
				expect(r.negatives.length).toBeGreaterThan(0);
				for (const neg of r.negatives) {
					expect(r.pattern.exec(neg), neg).toBeNull();
					expect(findingsFor([neg]).map((x) => x.rule)).not.toContain(r.id);
				}
			});

			it('has a complete explanation', () => {
				const e = r.explanation;
				expect(e.meaning.length).toBeGreaterThan(40);
				expect(e.causes.length).toBeGreaterThan(0);
				for (const c of e.causes) {
					expect(CAUSE_KINDS).toContain(c.kind);
					expect(c.text.length).toBeGreaterThan(10);
				}
				expect(e.next_steps.length).toBeGreaterThan(0);
				for (const s of e.next_steps) expect(s.length).toBeGreaterThan(15);
				expect(e.references.length).toBeGreaterThan(0);
				for (const u of e.references) expect(u).toMatch(/^https:\/\/[\w.-]+\/\S*$/);
			});

			// a hang guard, not a speed measure (speed is measured in `npm run bench`): eslint's
			// regexp rules forbid super-linear backtracking, and this runs each pattern on hostile
			// lines of 20,000 characters, where a quadratic pattern takes seconds; the slowest
			// pattern takes about 30 ms, so the bound leaves room for a loaded machine
			it('runs its pattern on hostile input without backtracking for seconds', () => {
				const hostile = [
					r.examples[0].repeat(300),
					`${r.triggers[0]} ${'a '.repeat(20000)}`,
					`${r.triggers[0]}${'('.repeat(10000)}${'0'.repeat(10000)}`,
					r.examples[0].slice(0, 40) + ' '.repeat(20000) + 'x'
				];
				const t0 = performance.now();
				for (const h of hostile) r.pattern.exec(h);
				expect(performance.now() - t0).toBeLessThan(1000);
			});
		});
	}
});

describe('benign registry', () => {
	it('has unique ids, reasons, and examples that match but never become findings', () => {
		const ids = BENIGN_RULES.map((b) => b.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const b of BENIGN_RULES) {
			expect(b.id).toMatch(/^benign\.[a-z0-9-]+$/);
			expect(b.why.length).toBeGreaterThan(20);
			expect(b.pattern.test(b.example), b.example).toBe(true);
			expect(findingsFor([b.example]), b.id).toEqual([]);
		}
	});

	it('covers lines that a rule would otherwise report', () => {
		// most entries exist because a rule matches them; keep that true (else the entry is dead)
		const shadowing = BENIGN_RULES.filter((b) =>
			LINE_RULES.some(
				(r) => r.triggers.some((t) => b.example.includes(t)) && r.pattern.test(b.example)
			)
		);
		expect(shadowing.length).toBeGreaterThanOrEqual(BENIGN_RULES.length - 2);
	});
});

describe('device links', () => {
	it('tell the link of each example, by a trigger that occurs in it', () => {
		for (const d of DEVICE_LINKS) {
			expect(d.trigger.length).toBeGreaterThanOrEqual(5);
			for (const [line, link] of d.examples) {
				expect(line.includes(d.trigger), line).toBe(true);
				const m = d.pattern.exec(line);
				expect(m, line).not.toBeNull();
				expect(d.link(m!), line).toEqual(link);
			}
		}
	});

	it('run their patterns on hostile input without backtracking for seconds', () => {
		const hostile = [
			'scsi host' + '1'.repeat(50_000) + ': usb-storage ' + '1-'.repeat(50_000),
			'sd ' + '1:'.repeat(50_000) + ' [sd' + 'a'.repeat(50_000)
		];
		const t0 = performance.now();
		for (const d of DEVICE_LINKS) for (const h of hostile) d.pattern.exec(h);
		expect(performance.now() - t0).toBeLessThan(1000);
	});
});
