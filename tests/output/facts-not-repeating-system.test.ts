/**
 * A crash's facts `kernel version`, `hardware` and `taint` in the text and Markdown reports: left
 * out where they only repeat the System table's one value (a log of one kernel had said its
 * release and its machine under every crash), kept where the log names several kernels or a
 * finding's value differs from the System table's. The JSON report keeps every fact.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/lib/output/json.ts';
import { formatMarkdown } from '../../src/lib/output/markdown.ts';
import { formatText } from '../../src/lib/output/text.ts';
import { factRows, repeatedFacts, reportFactRows } from '../../src/lib/output/common.ts';
import { analyzeText } from '../../src/lib/index.ts';
import type { AnalysisResult } from '../../src/lib/models/report.ts';
import { analyzeFile, OUTPUT_FIXTURES } from './helpers.ts';

/** the facts' labels of the text report's findings */
function textFacts(txt: string): string[] {
	return [...txt.matchAll(/^ {4}(kernel version|hardware|taint|taint flags):/gm)].map((m) => m[1]);
}

function copy(r: AnalysisResult): AnalysisResult {
	return JSON.parse(JSON.stringify(r)) as AnalysisResult;
}

describe("a crash's facts that repeat the System table", () => {
	it('leaves out the kernel and the machine of a log of one kernel, keeps them in the JSON', async () => {
		// syzkaller's report 424: one kernel (5.3.0+) on one QEMU machine, whose crash prints both
		const r = await analyzeFile(join(OUTPUT_FIXTURES, 'syzkaller-424.log'));
		const crash = r.findings.find((f) => f.category === 'crash')!;
		expect(crash.details.kernel_version).toBe('5.3.0+');
		// the machine with its BIOS, which the System table says in two rows
		expect(crash.details.hardware).toBe(
			'QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.12.0-1 04/01/2014'
		);
		expect(r.metadata.hardware).toBe('QEMU Standard PC (i440FX + PIIX, 1996)');
		expect([...repeatedFacts(r)].sort()).toEqual(['hardware', 'kernel_version']);
		const txt = formatText(r);
		expect(textFacts(txt)).toEqual([]);
		expect(txt).toMatch(/^Kernel {10}5\.3\.0\+$/m);
		const md = formatMarkdown(r);
		expect(md).not.toContain('kernel version `');
		expect(md).not.toContain('hardware `');
		expect(md).toContain('| Kernel | 5.3.0+ |');
		// the JSON keeps them (a public contract), and so do the page's facts (factRows alone)
		expect(formatJson(r)).toContain('"kernel_version": "5.3.0+"');
		expect(factRows(crash).map(([k]) => k)).toContain('kernel version');
	});

	it('keeps the kernel when the log names several, and a machine that differs', async () => {
		const r = copy(await analyzeFile(join(OUTPUT_FIXTURES, 'syzkaller-424.log')));
		// an earlier boot of another kernel: the Kernel row says `earlier: 5.2.0`
		r.metadata.boots.unshift({ ...r.metadata.boots[0], index: -1, kernel_version: '5.2.0' });
		const crash = r.findings.find((f) => f.category === 'crash')!;
		crash.details.hardware =
			'Google Google Compute Engine/Google Compute Engine, BIOS Google 01/01/2011';
		expect(repeatedFacts(r).size).toBe(0);
		expect(textFacts(formatText(r))).toEqual(['kernel version', 'hardware']);
		const md = formatMarkdown(r);
		expect(md).toContain('kernel version `5.3.0+`');
		expect(md).toContain('hardware `Google Google Compute Engine/');
	});

	it('keeps the taint where it changed between crashes, drops it where it is the one value', async () => {
		// two WARNINGs: the first `Not tainted`, the second `Tainted: G        W`, the System's
		const r = await analyzeFile(join(OUTPUT_FIXTURES, 'fishlogs-dmesg-log.log'));
		expect(r.metadata.taint?.raw).toBe('G        W');
		expect(repeatedFacts(r).has('taint')).toBe(false);
		expect(textFacts(formatText(r))).toContain('taint');
		// with the first crash tainted the same, the taint (and its flags in words) is the System's
		const same = copy(r);
		for (const f of same.findings.filter((x) => x.category === 'crash')) {
			f.details.taint = 'G        W';
			f.details.taint_flags = ['W (WARN): the kernel issued a warning'];
		}
		expect(repeatedFacts(same).has('taint')).toBe(true);
		const txt = formatText(same);
		expect(textFacts(txt)).toEqual([]);
		expect(txt).toMatch(/^Taint {11}G {8}W \(W: /m);
		// a notice's `taint` is the letter its message sets, not the kernel's taint: kept
		const notice = same.findings.find((f) => f.category !== 'crash')!;
		notice.details = { ...notice.details, taint: 'G        W' };
		expect(factRows(notice, repeatedFacts(same)).map(([k]) => k)).toContain('taint');
	});

	it('leaves out a list of one value that its singular fact says, keeps a list of several', async () => {
		const r = await analyzeText(
			[
				'[    4.785688] rtw_8821cs: probe of mmc3:0001:1 failed with error -110',
				'[    5.785688] foo_drv: probe of spi0.0 failed with error -110',
				'[    6.785688] foo_drv: probe of spi0.1 failed with error -5'
			].join('\n') + '\n'
		);
		const [one, two] = r.findings;
		expect(one.details.devices).toEqual(['mmc3:0001:1']);
		expect(reportFactRows(one, r).map(([k]) => k)).toEqual(['driver', 'device', 'error']);
		expect(factRows(one).map(([k]) => k)).toContain('devices');
		expect(reportFactRows(two, r)).toContainEqual(['devices', 'spi0.0, spi0.1']);
		const txt = formatText(r);
		expect(txt).not.toContain('devices: mmc3:0001:1');
		expect(txt).toContain('devices: spi0.0, spi0.1');
		expect(formatMarkdown(r)).not.toContain('devices `mmc3:0001:1`');
	});
});
