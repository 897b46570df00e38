/**
 * The text and Markdown reports list the finding the headline names ("Most important: …",
 * `summary.primary_finding`) first, as the page does: first in its severity's section, or in a
 * section of its own before findings more severe than it. The JSON report keeps the log's order.
 * Real logs from fixtures/formats/real and fixtures/e2e.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { formatJson } from '../../src/lib/output/json.ts';
import { formatMarkdown } from '../../src/lib/output/markdown.ts';
import { formatText } from '../../src/lib/output/text.ts';
import { fixture } from '../support/fixtures.ts';

/** the headings of the sections by severity and the ids of their findings, in report order */
function textSections(text: string): Array<[string, string[]]> {
	const out: Array<[string, string[]]> = [];
	for (const line of text.split('\n')) {
		if (/^(?:MOST IMPORTANT: )?[A-Z]+ \(\d+\)$/.test(line)) out.push([line, []]);
		else if (/^ROUTINE MESSAGES|^System$/.test(line)) out.push([line, []]);
		const id = /^ {2}id (\S+),/.exec(line);
		if (id && out.length) out[out.length - 1][1].push(id[1]);
	}
	return out.filter(([h]) => !/^ROUTINE|^System/.test(h));
}

function markdownSections(md: string): Array<[string, string[]]> {
	const out: Array<[string, string[]]> = [];
	for (const line of md.split('\n')) {
		const h = /^### (.*)$/.exec(line);
		if (h) out.push([h[1], []]);
		const id = /^- \*\*Id:\*\* `([^`]+)`/.exec(line);
		if (id && out.length) out[out.length - 1][1].push(id[1]);
	}
	return out.filter(([h]) => /^(?:Most important: )?[A-Z][a-z]+ \(\d+\)$/.test(h));
}

describe("the headline's finding comes first in the text and Markdown reports", () => {
	it('first in its severity when a finding of that severity came before it (i225nic)', async () => {
		const r = await analyzeText(fixture('formats/real/i225nic-pstore-panic-log-txt.log'));
		const primary = r.findings.find((f) => f.id === r.summary.primary_finding)!;
		expect(primary.title).toBe('kernel BUG in dql_completed');
		expect(r.summary.headline).toContain('Most important: kernel BUG in dql_completed');
		// in the log, a critical igc transmit hang comes first
		const critical = r.findings.filter((f) => f.severity === 'critical' && !f.routine);
		expect(critical[0].id).not.toBe(primary.id);
		const expected = [primary.id, ...critical.filter((f) => f !== primary).map((f) => f.id)];

		const text = textSections(formatText(r));
		expect(text[0]).toEqual([`CRITICAL (${critical.length})`, expected]);
		const md = markdownSections(formatMarkdown(r));
		expect(md[0]).toEqual([`Critical (${critical.length})`, expected]);
		// the JSON keeps the log's order
		const json = JSON.parse(formatJson(r)) as { findings: Array<{ id: string }> };
		expect(json.findings.map((f) => f.id)).toEqual(r.findings.map((f) => f.id));
		expect(json.findings.findIndex((f) => f.id === critical[0].id)).toBeLessThan(
			json.findings.findIndex((f) => f.id === primary.id)
		);
	});

	it('in a section of its own before more severe findings (lkp-48: KASAN, then the GPF)', async () => {
		const r = await analyzeText(fixture('e2e/lkp-48-kasan-then-gpf.log'));
		const primary = r.findings.find((f) => f.id === r.summary.primary_finding)!;
		expect(primary.title).toBe('KASAN: wild-memory-access Read');
		expect(primary.severity).toBe('high');
		const gpf = r.findings.find(
			(f) => f.title === 'general protection fault in init_real_cpu_mask'
		)!;
		expect(gpf.severity).toBe('critical');

		// counted once: the KASAN report was the only high finding, so no High section follows
		expect(textSections(formatText(r))).toEqual([
			['MOST IMPORTANT: HIGH (1)', [primary.id]],
			['CRITICAL (1)', [gpf.id]]
		]);
		expect(markdownSections(formatMarkdown(r))).toEqual([
			['Most important: High (1)', [primary.id]],
			['Critical (1)', [gpf.id]]
		]);
	});

	it('keeps sections by severity in the log order when the headline names the first finding', async () => {
		const log = [
			'[    5.000000] EXT4-fs error (device sda1): ext4_lookup:1601: inode #2: comm ls: deleted inode referenced: 12',
			'[    9.000000] EXT4-fs error (device sdb1): ext4_lookup:1601: inode #2: comm ls: deleted inode referenced: 12'
		];
		const r = await analyzeText(log.join('\n') + '\n');
		const ids = r.findings.map((f) => f.id);
		expect(r.summary.primary_finding).toBe(ids[0]);
		const [heading, listed] = textSections(formatText(r))[0];
		expect(heading).toMatch(/^[A-Z]+ \(\d+\)$/);
		expect(listed).toEqual(ids);
	});
});
