import type { Category, Finding } from '../models/finding.ts';
import type { Cascade } from '../models/report.ts';
import { fnv1a } from '../util/hash.ts';

/**
 * Which categories can cause which: a finding of a cause category seen before (and within the
 * same boot as) a finding of an effect category is linked to it. Earliest cause first.
 */
const CAUSES: Partial<Record<Category, Category[]>> = {
	storage: ['hardware', 'firmware'],
	filesystem: ['storage', 'hardware'],
	crash: ['storage', 'filesystem', 'memory', 'hardware', 'gpu', 'firmware'],
	memory: ['hardware'],
	gpu: ['hardware', 'firmware'],
	network: ['hardware', 'firmware'],
	usb: ['hardware', 'power']
};

/** Crash kinds that plausibly follow from the causes above (a hung task after disk errors, an oops after memory errors). */
const CRASH_EFFECTS = /^(?:crash\.hung-task|crash\.panic|crash\.rcu-stall|crash\.soft-lockup)$/;

export function linkCascades(findings: Finding[]): Cascade[] {
	const byId = new Map(findings.map((f) => [f.id, f]));
	const parent = new Map<string, string>();
	for (const effect of findings) {
		const causes = CAUSES[effect.category];
		if (!causes) continue;
		if (effect.category === 'crash' && !CRASH_EFFECTS.test(effect.rule)) continue;
		let best: Finding | null = null;
		for (const cause of findings) {
			if (cause === effect || !causes.includes(cause.category)) continue;
			if (cause.first_line >= effect.first_line) continue;
			if (!cause.boots.some((b) => effect.boots.includes(b))) continue;
			if (cause.severity === 'info') continue;
			if (!best || cause.first_line > best.first_line) best = cause;
		}
		if (best) {
			parent.set(effect.id, best.id);
			if (!effect.related.includes(best.id)) effect.related.push(best.id);
			if (!best.related.includes(effect.id)) best.related.push(effect.id);
		}
	}
	const children = new Map<string, string[]>();
	for (const [child, p] of parent) children.set(p, [...(children.get(p) ?? []), child]);
	const cascades: Cascade[] = [];
	for (const f of findings) {
		if (parent.has(f.id) || !children.has(f.id)) continue;
		const chain: string[] = [];
		const walk = (id: string) => {
			chain.push(id);
			for (const c of (children.get(id) ?? []).sort((a, b) => (byId.get(a)?.first_line ?? 0) - (byId.get(b)?.first_line ?? 0))) walk(c);
		};
		walk(f.id);
		const titles = chain.map((id) => byId.get(id)?.title ?? id);
		cascades.push({ id: `cascade-${fnv1a(chain.join(','))}`, chain, description: titles.join(' → ') });
	}
	for (const f of findings) f.related.sort();
	return cascades;
}
