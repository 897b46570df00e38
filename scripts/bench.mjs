#!/usr/bin/env node
// npm run bench: NecroScope's speed and memory, measured (never asserted in unit tests).
//
// Builds benchmark logs from the real-log corpus with make-bench-log.mjs (default 100 MB and
// 1 GB, in bench/out/), runs the CLI on each (JSON report to bench/out/reports), and in the same
// run times `grep -cE` with a fixed set of trigger words over the same file as a reference.
// Each measurement is repeated (--runs, default 3), the CLI and grep alternating, because this
// kind of machine drifts by 20-40% within minutes: the table gives the median and the range.
// Prints MB/s and the ratio to grep (from the medians), the CLI's peak RSS, its CPU time (user +
// system) and its minor page faults (first touches of memory, costly on virtual machines). Then it
// times pathological inputs (a megabyte-long line of repeated trigger fragments, deep bracket
// nesting, 1 million `BUG:` lines) to show linear time.
//
// With --page, the 100 MB log is also analysed in the built site in Chromium (scripts/bench-page.mjs):
// time to findings and the main thread's long tasks.
//
// With --instructions, the CLI's instructions are counted (valgrind's cachegrind, V8 on one thread:
// `node --single-threaded`) over the first 5 MB of the first log and over an empty log. Unlike
// seconds, the count does not depend on the machine's load (repeated runs agree within 0.4%), so
// two builds can be compared at any time: `--against FILE` counts a CLI bundle built from another
// commit as well (esbuild src/cli/main.ts --bundle --platform=node --format=cjs --outfile=FILE.cjs,
// as scripts/cli-bundle.mjs builds it).
// With --predictable as well, V8 runs with `--predictable` (no concurrent or randomised work):
// under a heavy load the plain count of one build varied by up to 5%, this one by about 0.1%;
// and the input is read in fixed chunks (scripts/fixed-reads.cjs): a read stream's chunks depend
// on when its reads complete, which had left 0.8% between counts of one build under load.
// Wall-clock runs of a stop's start and final builds had each agreed "within noise" while the
// count of the first 5 MB grew by 28% over eighteen stops (docs/ARCHITECTURE.md).
//
// usage: node scripts/bench.mjs [--sizes 100,1024] [--runs N] [--shared DIR] [--skip-hostile] [--page]
//                               [--instructions [--against FILE] [--predictable] [--skip-timing]]
import { spawnSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	readFileSync,
	realpathSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleFile } from './cli-bundle.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
	const i = args.indexOf(name);
	return i >= 0 ? args[i + 1] : dflt;
};
const sizes = opt('--sizes', '100,1024').split(',').map(Number);
const runs = Math.max(1, Number(opt('--runs', '3')) || 1);
const shared = resolve(opt('--shared', '../shared'));
const out = resolve('bench/out');
mkdirSync(out, { recursive: true });
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const TRIGGERS =
	'BUG|WARNING:|INFO:|Oops|panic|Call Trace|segfault|I/O error|Out of memory|EXT4-fs error|AER|NVRM|timeout|Hardware Error|failed';

/** One run: wall seconds, and from /usr/bin/time peak RSS (MB), CPU seconds and minor faults. */
function run(cmd, argv) {
	const t0 = process.hrtime.bigint();
	const r = TIME
		? spawnSync(TIME, ['-f', '%M %U %S %R', cmd, ...argv], {
				encoding: 'utf8',
				maxBuffer: 1 << 26
			})
		: spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 26 });
	const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
	if (r.status !== 0)
		throw new Error(`${cmd} ${argv.join(' ')} exited ${r.status}: ${r.stderr.slice(-500)}`);
	const [rssKb, user, sys, faults] = TIME
		? r.stderr.trim().split('\n').pop().split(' ').map(Number)
		: [NaN, NaN, NaN, NaN];
	return { seconds, rssMb: rssKb / 1024, cpu: user + sys, faults, stdout: r.stdout };
}

const cliArgs = (file) => [
	'scripts/cli.mjs',
	'--format',
	'json',
	'--out-dir',
	join(out, 'reports'),
	file
];

const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** `runs` runs of the CLI (and of grep when `withGrep`), alternating, summarised. */
function measure(name, file, bytes, withGrep) {
	const cli = [];
	const grep = [];
	for (let k = 0; k < runs; k++) {
		if (withGrep) grep.push(run('grep', ['-cE', TRIGGERS, file]).seconds);
		cli.push(run(process.execPath, cliArgs(file)));
	}
	const secs = cli.map((c) => c.seconds);
	const seconds = median(secs);
	const g = withGrep ? median(grep) : NaN;
	return {
		name,
		bytes,
		seconds,
		min: Math.min(...secs),
		max: Math.max(...secs),
		mbs: bytes / 1048576 / seconds,
		grep: g,
		ratio: seconds / g,
		rss: Math.max(...cli.map((c) => c.rssMb)),
		cpu: median(cli.map((c) => c.cpu)),
		faults: median(cli.map((c) => c.faults))
	};
}

const rows = [];
const timing = !args.includes('--skip-timing');
for (const mb of timing ? sizes : sizes.slice(0, 1)) {
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
	if (timing) rows.push(measure(`${mb} MB log`, file, statSync(file).size, true));
}

if (timing && !args.includes('--skip-hostile')) {
	const hostile = {
		'1 MB line of trigger fragments':
			'[    1.000000] ' + 'BUG: WARNING: Call Trace: +0x1/0x2 [<'.repeat(28000) + '\n',
		'deep bracket nesting (1 MB)':
			'[    1.000000] ' + '['.repeat(500000) + ']'.repeat(500000) + '\n',
		'1 million BUG: lines': '[    1.000000] BUG: soft lockup - CPU#0 stuck for 22s! [a:1]\n'.repeat(
			1_000_000
		),
		// messages a rule keeps open until a later line (LineRule.resolve and stall): each is
		// tested against every following line, so their number must stay bounded
		'100,000 held watchdog messages':
			'[    5.000000] watchdog: watchdog0: watchdog did not stop!\n'.repeat(100_000),
		'100,000 waits for firmware': Array.from(
			{ length: 100_000 },
			(_, i) => `[    5.000000] drv dev${i}: Falling back to user helper\n`
		).join('')
	};
	for (const [name, text] of Object.entries(hostile)) {
		const file = join(out, `hostile-${name.replace(/\W+/g, '-')}.log`);
		writeFileSync(file, text);
		rows.push(measure(name, file, Buffer.byteLength(text), false));
	}
}

const pad = (s, n) => String(s).padStart(n);
const num = (x, d) => (Number.isNaN(x) ? '-' : x.toFixed(d));
if (rows.length > 0) {
	console.log(
		`${runs} run(s) each, CLI and grep alternating; seconds = median (range); load average before: ${loadavg()
			.map((x) => x.toFixed(2))
			.join(' ')}`
	);
	console.log(
		`${'input'.padEnd(34)} ${pad('MB', 7)} ${pad('seconds', 19)} ${pad('MB/s', 6)} ${pad('grep s', 6)} ${pad('x grep', 6)} ${pad('RSS MB', 6)} ${pad('CPU s', 6)} ${pad('faults', 7)}`
	);
	for (const r of rows) {
		const range = runs > 1 ? ` (${num(r.min, 2)}-${num(r.max, 2)})` : '';
		console.log(
			`${r.name.padEnd(34)} ${pad((r.bytes / 1048576).toFixed(1), 7)} ${pad(num(r.seconds, 2) + range, 19)} ${pad(num(r.mbs, 1), 6)} ${pad(num(r.grep, 2), 6)} ${pad(num(r.ratio, 1), 6)} ${pad(num(r.rss, 0), 6)} ${pad(num(r.cpu, 2), 6)} ${pad(num(r.faults, 0), 7)}`
		);
	}
	const big = rows.filter((r) => r.name.endsWith('MB log'));
	if (big.length >= 2) {
		const [a, b] = [big[0], big[big.length - 1]];
		console.log(
			`time per MB: ${((a.seconds / (a.bytes / 1048576)) * 1000).toFixed(1)} ms (${a.name}) vs ${((b.seconds / (b.bytes / 1048576)) * 1000).toFixed(1)} ms (${b.name})`
		);
	}
}

if (args.includes('--instructions')) countInstructions(join(out, `bench-${sizes[0]}.log`));

/**
 * Instructions the CLI executes over the first 5 MB of `log` and over an empty log (cachegrind
 * without its cache simulation; V8's compilers and collector on the main thread, so that the
 * count does not depend on when a helper thread's work lands).
 */
function countInstructions(log) {
	if (spawnSync('valgrind', ['--version']).status !== 0) {
		console.log('instructions: valgrind not found (apt-get install valgrind), not counted');
		return;
	}
	const slice = join(out, 'bench-first-5-MB.log');
	const head = readFileSync(log).subarray(0, 5 * 1048576);
	writeFileSync(slice, head.subarray(0, head.lastIndexOf(10) + 1));
	const empty = join(out, 'bench-empty.log');
	writeFileSync(empty, '');
	// build the bundle first (scripts/cli.mjs), then count the bundle itself, as for --against
	run(process.execPath, ['scripts/cli.mjs', '--format', 'json', empty]);
	const root = realpathSync('.');
	const bundle = bundleFile(root);
	const against = opt('--against', null);
	const builds = [['this checkout', bundle]];
	if (against) builds.push([against, resolve(against)]);
	const v8 = args.includes('--predictable')
		? ['--single-threaded', '--predictable', '-r', './scripts/fixed-reads.cjs']
		: ['--single-threaded'];
	console.log(`instructions (cachegrind, node ${v8.join(' ')}), in millions:`);
	console.log(`${'build'.padEnd(40)} ${pad('first 5 MB', 12)} ${pad('empty log', 10)}`);
	const counts = builds.map(([name, script]) => {
		const count = (file) => {
			const r = spawnSync(
				'valgrind',
				[
					'--tool=cachegrind',
					'--cache-sim=no',
					'--cachegrind-out-file=/dev/null',
					process.execPath,
					...v8,
					script,
					'--format',
					'json',
					file
				],
				{ encoding: 'utf8', maxBuffer: 1 << 28 }
			);
			const m = /I\s+refs:\s+([\d,]+)/.exec(r.stderr);
			if (r.status !== 0 || !m) throw new Error(`valgrind on ${script}: ${r.stderr.slice(-500)}`);
			return Number(m[1].replaceAll(',', '')) / 1e6;
		};
		const c = { slice: count(slice), empty: count(empty) };
		console.log(
			`${name.slice(-40).padEnd(40)} ${pad(c.slice.toFixed(0), 12)} ${pad(c.empty.toFixed(0), 10)}`
		);
		return c;
	});
	if (counts.length === 2)
		console.log(
			`this checkout against ${against}: ${((counts[0].slice / counts[1].slice - 1) * 100).toFixed(1)}% over the first 5 MB, ${((counts[0].empty / counts[1].empty - 1) * 100).toFixed(1)}% for an empty log`
		);
}

if (args.includes('--page')) {
	const file = join(out, `bench-${sizes[0]}.log`);
	const b = spawnSync('npm', ['run', '-s', 'build'], { stdio: 'ignore' });
	if (b.status !== 0) throw new Error('build failed');
	spawnSync(process.execPath, ['scripts/bench-page.mjs', file], { stdio: 'inherit' });
}
