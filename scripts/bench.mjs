#!/usr/bin/env node
// npm run bench: NecroScope's speed and memory, measured (never asserted in unit tests).
//
// Builds benchmark logs from the real-log corpus with make-bench-log.mjs (default 100 MB and
// 1 GB, in bench/out/), runs the CLI on each (JSON report to /dev/null), and in the same run times
// `grep -cE` with a fixed set of trigger words over the same file as a reference. Prints MB/s,
// the ratio to grep and the CLI's peak RSS. Then times pathological inputs (a megabyte-long line
// of repeated trigger fragments, deep bracket nesting, 1 million `BUG:` lines) to show linear time.
//
// With --page, the 100 MB log is also analysed in the built site in Chromium (scripts/bench-page.mjs):
// time to findings and the main thread's long tasks.
//
// usage: node scripts/bench.mjs [--sizes 100,1024] [--shared DIR] [--skip-hostile] [--page]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
	const i = args.indexOf(name);
	return i >= 0 ? args[i + 1] : dflt;
};
const sizes = opt('--sizes', '100,1024').split(',').map(Number);
const shared = resolve(opt('--shared', '../shared'));
const out = resolve('bench/out');
mkdirSync(out, { recursive: true });
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const TRIGGERS =
	'BUG|WARNING:|INFO:|Oops|panic|Call Trace|segfault|I/O error|Out of memory|EXT4-fs error|AER|NVRM|timeout|Hardware Error|failed';

function run(cmd, argv) {
	const t0 = process.hrtime.bigint();
	const r = TIME
		? spawnSync(TIME, ['-f', '%M', cmd, ...argv], { encoding: 'utf8', maxBuffer: 1 << 26 })
		: spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 26 });
	const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
	if (r.status !== 0)
		throw new Error(`${cmd} ${argv.join(' ')} exited ${r.status}: ${r.stderr.slice(-500)}`);
	const rssKb = TIME ? Number(r.stderr.trim().split('\n').pop()) : NaN;
	return { seconds, rssMb: rssKb / 1024, stdout: r.stdout };
}

const cli = (file) =>
	run(process.execPath, [
		'scripts/cli.mjs',
		'--format',
		'json',
		'--out-dir',
		join(out, 'reports'),
		file
	]);

const rows = [];
for (const mb of sizes) {
	const file = join(out, `bench-${mb}.log`);
	if (!existsSync(file) || statSync(file).size < mb * 1048576 * 0.99) {
		const tool = join(shared, 'tools/make-bench-log.mjs');
		if (!existsSync(tool)) {
			console.error(`bench: ${tool} not found (pass --shared DIR)`);
			process.exit(2);
		}
		const g = spawnSync(process.execPath, [tool, '--size-mb', String(mb), '--out', file], {
			stdio: 'inherit'
		});
		if (g.status !== 0) process.exit(2);
	}
	const bytes = statSync(file).size;
	const grep = run('grep', ['-cE', TRIGGERS, file]);
	const c = cli(file);
	const mbs = bytes / 1048576 / c.seconds;
	rows.push({
		name: `${mb} MB log`,
		bytes,
		seconds: c.seconds,
		mbs,
		grep: grep.seconds,
		ratio: c.seconds / grep.seconds,
		rss: c.rssMb
	});
}

if (!args.includes('--skip-hostile')) {
	const hostile = {
		'1 MB line of trigger fragments':
			'[    1.000000] ' + 'BUG: WARNING: Call Trace: +0x1/0x2 [<'.repeat(28000) + '\n',
		'deep bracket nesting (1 MB)':
			'[    1.000000] ' + '['.repeat(500000) + ']'.repeat(500000) + '\n',
		'1 million BUG: lines': '[    1.000000] BUG: soft lockup - CPU#0 stuck for 22s! [a:1]\n'.repeat(
			1_000_000
		)
	};
	for (const [name, text] of Object.entries(hostile)) {
		const file = join(out, `hostile-${name.replace(/\W+/g, '-')}.log`);
		writeFileSync(file, text);
		const c = cli(file);
		const bytes = Buffer.byteLength(text);
		rows.push({
			name,
			bytes,
			seconds: c.seconds,
			mbs: bytes / 1048576 / c.seconds,
			grep: NaN,
			ratio: NaN,
			rss: c.rssMb
		});
	}
}

const pad = (s, n) => String(s).padStart(n);
console.log(
	`${'input'.padEnd(34)} ${pad('MB', 8)} ${pad('seconds', 8)} ${pad('MB/s', 7)} ${pad('grep s', 7)} ${pad('x grep', 7)} ${pad('peak RSS MB', 12)}`
);
for (const r of rows) {
	console.log(
		`${r.name.padEnd(34)} ${pad((r.bytes / 1048576).toFixed(1), 8)} ${pad(r.seconds.toFixed(2), 8)} ${pad(r.mbs.toFixed(1), 7)} ${pad(Number.isNaN(r.grep) ? '-' : r.grep.toFixed(2), 7)} ${pad(Number.isNaN(r.ratio) ? '-' : r.ratio.toFixed(1), 7)} ${pad(Number.isNaN(r.rss) ? 'n/a' : r.rss.toFixed(0), 12)}`
	);
}
const big = rows.filter((r) => r.name.endsWith('MB log'));
if (big.length >= 2) {
	const [a, b] = [big[0], big[big.length - 1]];
	console.log(
		`time per MB: ${((a.seconds / (a.bytes / 1048576)) * 1000).toFixed(1)} ms (${a.name}) vs ${((b.seconds / (b.bytes / 1048576)) * 1000).toFixed(1)} ms (${b.name})`
	);
}

if (args.includes('--page')) {
	const file = join(out, `bench-${sizes[0]}.log`);
	const b = spawnSync('npm', ['run', '-s', 'build'], { stdio: 'ignore' });
	if (b.status !== 0) throw new Error('build failed');
	spawnSync(process.execPath, ['scripts/bench-page.mjs', file], { stdio: 'inherit' });
}
