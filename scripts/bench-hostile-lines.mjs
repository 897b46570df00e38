// Times the CLI on logs of one line of about 1 MB shaped after what the analysis and the reports
// learned lately, in each report format (JSON, text, Markdown): a regular expression that
// backtracks super-linearly on such a line, or a loop over it that is quadratic, shows as seconds
// here (ESLint's regexp rules check the expressions written as literals; this times the ones
// built at run time and everything around them). A benchmark, never a timed test.
//
// The reader cuts a line at 64 KiB (classifier.ts DEFAULT_MAX_LINE), so the analysis sees 64 KiB
// of each: a regular expression that backtracks quadratically over that (4 billion steps) would
// take seconds more than an empty log, the first row. Each input is timed at 1 MB and at 2 MB as
// well: a cost of the whole line (reading, decoding) doubles at most, the start-up aside.
//
// usage: node scripts/bench-hostile-lines.mjs [--runs N]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { bundleOptions } from './cli-bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] || 0) || 3;
const tmp = mkdtempSync(join(tmpdir(), 'necroscope-bench-hostile-'));
const cli = join(tmp, 'necroscope.cjs');
buildSync(bundleOptions(root, cli));

const MB = 1 << 20;
/** the megabytes each input is made of (set per pass below) */
let size = 1;
/** `unit` repeated to about `size` MB */
const fill = (unit) => unit.repeat(Math.ceil((size * MB) / unit.length));
const T = '[    0.000000] ';
const inputs = () => ({
	// the System section: a code span's fence, a | escaped in a table, the build label's escape,
	// text wrapping of one long word and of many words
	'release of backticks and pipes': `${T}Linux version 6.1.0-${fill('`|')} (b@h) #1\n-- Boot x --\n${T}Linux version 6.2.0 (b@h) #2\n`,
	'command line of backticks': `${T}Command line: ${fill('`` ')}\n`,
	'command line of name_words': `${T}Command line: ${fill('a_b=c_d ')}\n`,
	'DMI of underscores and #1': `${T}DMI: ${fill('a_#1~x ')}a.b, BIOS 1 01/01/2020\n`,
	'hypervisor of references': `${T}Hypervisor detected: ${fill('@a %b ~c !1 ')}\n`,
	'modules of pipes': `[    5.000000] Modules linked in: ${fill('m| ')}\n`,
	// expressions built at run time from parts: DMI placeholders, SLUB's titles, the frame skip list
	'DMI of placeholders': `${T}DMI: ${fill('xxxx Default string ')}y, BIOS 1 01/01/2020\n`,
	'SLUB title of words': `[    5.000000] BUG kmalloc-128 (Not tainted): ${fill('Poison a ')}!\n`,
	'frame of a long name': `[    5.000000] WARNING: CPU: 0 PID: 1 at x.c:1 f+0x1/0x2\n[    5.000001] Call Trace:\n[    5.000002]  ${fill('sysfs_')}+0x1/0x2\n`,
	// ARCVM's denials: a DMI of crosvm, then a denial with a 1 MB context
	'ARCVM denial context': `${T}DMI: ChromiumOS crosvm, BIOS 0 \n[    3.658503] audit: type=1400 audit(1779417719.357:4): avc:  denied  { relabelto } for  pid=115 comm="ueventd" scontext=u:r:${fill('a_b:')} tcontext=u:object_r:debugfs:s0 tclass=dir permissive=0\n`,
	// a syslog line with wall-clock time and no kernel time
	'wall-clock syslog line': `Nov 21 11:58:33 srv1 kernel: unregister_netdevice: waiting for ${fill('lo ')} to become free. Usage count = 1\n`,
	// lockdep's recursive-locking report with a 1 MB lock line (the sysfs self-removal check)
	'lockdep lock line': `=============================================\n[ INFO: possible recursive locking detected ]\nfilemonkey/122 is trying to acquire lock:\n ${fill('(s_active#13){++++.+}, at: ')}[<c01a3d28>] sysfs_remove_dir+0x9c/0xb4\n\nbut task is already holding lock:\n (s_active#13){++++.+}, at: [<c01a22f0>] sysfs_write_file+0xe8/0x140\n`,
	// a call trace whose marker line is 1 MB of markers (kernelTrace's splitStackMarker)
	'line of stack markers': `[    5.000000] WARNING: CPU: 0 PID: 1 at x.c:1 f+0x1/0x2\n[    5.000001] Call Trace:\n[    5.000002]  ${fill('<IRQ> ')}g+0x1/0x2\n[    5.000003]  h+0x1/0x2\n[    5.000004] ---[ end trace 0 ]---\n`
});

function run(file, format) {
	const t0 = process.hrtime.bigint();
	const r = spawnSync(process.execPath, [cli, '--format', format, file], {
		stdio: ['ignore', 'ignore', 'pipe'],
		maxBuffer: 1 << 30
	});
	const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
	if (r.status !== 0) throw new Error(`${file} ${format}: exit ${r.status}: ${r.stderr}`);
	return seconds;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = (await import('node:os')).loadavg().map((x) => x.toFixed(2));
console.log(`${runs} run(s) each, median seconds; load average before: ${load.join(' ')}`);
console.log(
	`${'input'.padEnd(32)} ${'MB'.padStart(4)} ${'json'.padStart(6)} ${'text'.padStart(6)} ${'md'.padStart(6)}  2 MB / 1 MB (slowest)`
);
try {
	const empty = join(tmp, 'empty.log');
	writeFileSync(empty, '');
	const base = ['json', 'text', 'markdown'].map((f) =>
		median(Array.from({ length: runs }, () => run(empty, f)))
	);
	console.log(
		`${'empty log'.padEnd(32)} ${'0.0'.padStart(4)} ${base.map((x) => x.toFixed(2).padStart(6)).join(' ')}`
	);
	for (const name of Object.keys(inputs())) {
		const slowest = [];
		for (size of [1, 2]) {
			const text = inputs()[name];
			const file = join(tmp, `${name.replace(/\W+/g, '-')}.log`);
			writeFileSync(file, text);
			const secs = ['json', 'text', 'markdown'].map((f) =>
				median(Array.from({ length: runs }, () => run(file, f)))
			);
			slowest.push(Math.max(...secs));
			const ratio = size === 2 ? `  ${(slowest[1] / slowest[0]).toFixed(1)}` : '';
			console.log(
				`${(size === 1 ? name : '').padEnd(32)} ${(Buffer.byteLength(text) / MB).toFixed(1).padStart(4)} ${secs.map((x) => x.toFixed(2).padStart(6)).join(' ')}${ratio}`
			);
		}
	}
} finally {
	rmSync(tmp, { recursive: true, force: true });
}
