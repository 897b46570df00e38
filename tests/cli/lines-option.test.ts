/**
 * `--lines ID`: the log lines of one finding (a crash's whole report block, as printed), the
 * `ID.txt` a crash's advice feeds to decode_stacktrace.sh; the advice names the option.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleCli } from '../support/cli-bundle.ts';
import { analyzeFile, OUTPUT_FIXTURES, ROOT } from '../output/helpers.ts';

const { tmp, cli: CLI } = bundleCli('necroscope-lines-');

function run(args: string[]) {
	const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, input: '', encoding: 'utf8' });
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const OOPS = join(OUTPUT_FIXTURES, 'abrt-1-oops.log');
const SYNTHETIC = join(OUTPUT_FIXTURES, 'synthetic-personal.log');

describe('--lines ID', () => {
	it('writes the crash report block as the kernel printed it, nothing else', async () => {
		const f = (await analyzeFile(OOPS)).findings.find((x) => x.category === 'crash')!;
		const r = run(['--lines', f.id, OOPS]);
		expect(r.code).toBe(0);
		expect(r.stderr).toBe('');
		expect(r.stdout).toBe(f.evidence.map((e) => e.text + '\n').join(''));
		const lines = r.stdout.split('\n');
		expect(lines[0]).toMatch(
			/^WARNING: CPU: 0 PID: 37 at drivers\/gpu\/drm\/radeon\/radeon_gart\.c/
		);
		expect(lines).toContain(' [<ffffffffa01c435a>] radeon_gart_unbind+0xca/0xe0 [radeon]');
		expect(lines[lines.length - 2]).toBe('---[ end trace 056472c3176dbd80 ]---');
		// --lines=ID as well, and a JSON report gives the same lines
		expect(run([`--lines=${f.id}`, OOPS]).stdout).toBe(r.stdout);
		const json = join(tmp, 'oops.json');
		writeFileSync(json, run(['--format', 'json', OOPS]).stdout);
		expect(run(['--lines', f.id, json]).stdout).toBe(r.stdout);
	});

	it('is what the crash advice names, in the text and Markdown reports', async () => {
		const f = (await analyzeFile(OOPS)).findings.find((x) => x.category === 'crash')!;
		const step = f.explanation.next_steps[0];
		expect(step).toContain(`\`necroscope --lines ${f.id} LOG > ${f.id}.txt\``);
		expect(step).toContain('the page: Save crash report');
		expect(step).toContain(`< ${f.id}.txt\``);
		// the text and Markdown reports name the log (intended change: they had said LOG too);
		// standard input has no name: LOG
		const named = `\`necroscope --lines ${f.id} abrt-1-oops.log > ${f.id}.txt\``;
		const txt = run([OOPS]).stdout.replace(/\n +/g, ' ');
		expect(txt).toContain(named);
		expect(run(['--format', 'md', OOPS]).stdout).toContain(named);
		const piped = spawnSync(process.execPath, [CLI, '-'], {
			input: readFileSync(OOPS),
			encoding: 'utf8'
		}).stdout.replace(/\n +/g, ' ');
		expect(piped).toContain(`\`necroscope --lines ${f.id} LOG > ${f.id}.txt\``);
	});

	it('writes the anonymized lines with --anonymize', async () => {
		const report = await analyzeFile(SYNTHETIC, { anonymize: { pointers: true } });
		const f = report.findings.find((x) => x.category === 'crash')!;
		const r = run(['--anonymize-pointers', '--lines', f.id, SYNTHETIC]);
		expect(r.code).toBe(0);
		expect(r.stdout).toBe(f.evidence.map((e) => e.text + '\n').join(''));
		expect(r.stdout).toContain('RSP: 0018:<ptr-1>');
	});

	it('an id the report does not have: exit 2, the ids it has named', () => {
		const near = run(['--lines', 'crash-6009d14f', OOPS]);
		expect(near.code).toBe(2);
		expect(near.stdout).toBe('');
		expect(near.stderr).toBe(
			`necroscope: ${OOPS}: has no finding crash-6009d14f: did you mean crash-6009d14e?\n`
		);
		const other = run(['--lines', 'nothing-here', OOPS]);
		expect(other.code).toBe(2);
		expect(other.stderr).toBe(
			`necroscope: ${OOPS}: has no finding nothing-here (its crash findings: crash-6009d14e)\n`
		);
	});

	it('with --format, --out-dir or several inputs: a usage error', () => {
		for (const args of [
			['--lines', 'crash-6009d14e', '--format', 'json', OOPS],
			['--lines', 'crash-6009d14e', '--out-dir', join(tmp, 'out'), OOPS],
			['--lines', 'crash-6009d14e', OOPS, SYNTHETIC],
			['--lines']
		]) {
			const r = run(args);
			expect(r.code, args.join(' ')).toBe(2);
			expect(r.stdout).toBe('');
			expect(r.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
		}
	});

	it('is in --help', () => {
		const help = run(['--help']).stdout;
		expect(help).toContain('--lines ID [--anonymize]');
		expect(help).toMatch(/ {2}--lines ID {13}write the log lines of finding ID/);
		expect(help).toContain(
			'necroscope --lines crash-0123abcd dmesg.log | ./scripts/decode_stacktrace.sh vmlinux'
		);
	});
});
