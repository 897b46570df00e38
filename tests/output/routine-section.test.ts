/**
 * Routine notices (Finding.routine) are listed apart, after the other findings: the JSON report
 * marks them with `routine: true` (only them), the text and Markdown reports give them a section
 * of their own after the findings, and a report of routine notices alone says that no problem
 * was found before listing them.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/index.ts';
import { formatJson } from '../../src/lib/output/json.ts';
import { formatMarkdown } from '../../src/lib/output/markdown.ts';
import { formatText } from '../../src/lib/output/text.ts';
import { validate } from '../../src/lib/output/report-validator.generated.js';

const ROUTINE = [
	'[    0.100000] ACPI: [Firmware Bug]: BIOS _OSI(Linux) query ignored',
	'[    0.200000] PCI: Using host bridge windows from ACPI; if necessary, use "pci=nocrs" and report a bug',
	'[    4.000000] platform regulatory.0: Direct firmware load for regulatory.db failed with error -2'
];
const PROBLEM =
	'[    9.000000] EXT4-fs error (device sda1): ext4_lookup:1601: inode #2: comm ls: deleted inode referenced: 12';

describe('routine notices in the reports', () => {
	it('are marked routine in the JSON report, and only they', async () => {
		const r = await analyzeText([...ROUTINE, PROBLEM].join('\n') + '\n');
		const json = JSON.parse(formatJson(r));
		expect(validate(json)).toBe(true);
		const marks = json.findings.map((f: { rule: string; routine?: boolean }) => [
			f.rule,
			f.routine
		]);
		expect(marks).toEqual([
			['firmware.bios-osi-linux', true],
			['firmware.pci-host-bridge-windows', true],
			['network.regulatory-db-missing', true],
			['filesystem.ext4-error', undefined]
		]);
		// the key is absent where it is not true, not false
		expect(Object.keys(json.findings[3])).not.toContain('routine');
	});

	it('come after the findings in the text report, in a section of their own', async () => {
		const r = await analyzeText([...ROUTINE, PROBLEM].join('\n') + '\n');
		const text = formatText(r);
		const problem = text.indexOf('\nHIGH (1)\n');
		const section = text.indexOf('\nROUTINE MESSAGES EXPLAINED (3)\n');
		expect(problem).toBeGreaterThan(-1);
		expect(section).toBeGreaterThan(problem);
		expect(text.indexOf('Firmware asked whether it runs on Linux')).toBeGreaterThan(section);
		expect(text.indexOf('Wireless regulatory database')).toBeGreaterThan(section);
		// no INFO section of its own: every info finding here is routine
		expect(text).not.toContain('\nINFO (');
		expect(text.indexOf('\nSystem\n')).toBeGreaterThan(section);
	});

	it('come after the findings in the Markdown report, under their own heading', async () => {
		const r = await analyzeText([...ROUTINE, PROBLEM].join('\n') + '\n');
		const md = formatMarkdown(r);
		const problem = md.indexOf('\n### High (1)\n');
		const section = md.indexOf('\n### Routine messages explained (3)\n');
		expect(problem).toBeGreaterThan(-1);
		expect(section).toBeGreaterThan(problem);
		expect(md.indexOf('BIOS _OSI(Linux)')).toBeGreaterThan(section);
		expect(md.indexOf('\n### System\n')).toBeGreaterThan(section);
	});

	it('alone: the reports say no problem was found and still list them', async () => {
		const r = await analyzeText(ROUTINE.join('\n') + '\n');
		expect(r.summary.verdict).toBe('healthy');
		expect(r.summary.headline).toBe('No problems were found.');
		const text = formatText(r);
		expect(text).toContain('No problems were found: only routine messages, explained below.');
		expect(text).toContain('ROUTINE MESSAGES EXPLAINED (3)');
		expect(text).not.toContain('No findings.');
		const md = formatMarkdown(r);
		expect(md).toContain('### Routine messages explained (3)');
		expect(md).toContain('No problems were found: only routine messages.');
		expect(md).not.toContain('No findings.');
	});
});
