import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bundleCli } from '../support/cli-bundle.ts';
import { ProgressLine } from '../../src/cli/progress.ts';

describe('the progress line of a long analysis', () => {
	afterEach(() => vi.useRealTimers());

	it('nothing in the first second; then bytes of the total and lines, rewritten; erased at the end', () => {
		vi.useFakeTimers({ now: 0 });
		let out = '';
		const line = new ProgressLine({ write: (s: string) => (out += s) }, 'big.log', 1_024_000_000);
		line.update({ bytes: 10_000_000, totalBytes: null, lines: 50_000, done: false });
		expect(out).toBe('');
		vi.setSystemTime(1500);
		line.update({ bytes: 412_000_000, totalBytes: null, lines: 3_120_000, done: false });
		expect(out).toBe('\r\x1b[Knecroscope: big.log: 412 MB of 1,024 MB (40%), 3,120,000 lines');
		// at most four times a second
		vi.setSystemTime(1600);
		line.update({ bytes: 413_000_000, totalBytes: null, lines: 3_130_000, done: false });
		expect(out.split('\r\x1b[K')).toHaveLength(2);
		line.clear();
		expect(out.endsWith('lines\r\x1b[K')).toBe(true);
	});

	it('a damaged .gz read a second time says so, its bytes counted again from 0', () => {
		vi.useFakeTimers({ now: 0 });
		let out = '';
		const line = new ProgressLine({ write: (s: string) => (out += s) }, 'kern.log.gz', 100_000_000);
		vi.setSystemTime(2000);
		line.update({ bytes: 20_000_000, totalBytes: null, lines: 90_000, done: false, again: true });
		expect(out).toBe(
			'\r\x1b[Knecroscope: kern.log.gz: reading again (damaged compressed data), 20 MB of 100 MB (20%), 90,000 lines'
		);
	});

	it('standard input of unknown size: bytes read only; a short run shows and erases nothing', () => {
		vi.useFakeTimers({ now: 0 });
		let out = '';
		const line = new ProgressLine({ write: (s: string) => (out += s) }, 'standard input', null);
		line.clear();
		expect(out).toBe('');
		vi.setSystemTime(2000);
		line.update({ bytes: 5_600_000, totalBytes: null, lines: 100_000, done: false });
		expect(out).toBe('\r\x1b[Knecroscope: standard input: 5 MB, 100,000 lines');
	});
});

// a terminal needs script(1) (util-linux) to stand in for one
describe.runIf(existsSync('/usr/bin/script'))('the CLI', () => {
	const { tmp, cli: CLI } = bundleCli('necroscope-progress-');
	// standard input that pauses past the first second, then 100,000 more lines
	const log = join(tmp, 'part.log');
	writeFileSync(
		log,
		'[    0.000000] Linux version 6.1.0-13-amd64 (debian-kernel@lists.debian.org)\n' +
			'[    1.234567] usb 1-1: new high-speed USB device number 2 using xhci_hcd\n'.repeat(100_000)
	);
	const slow = `(cat "${log}"; sleep 1.2; cat "${log}") | "${process.execPath}" "${CLI}" --format json`;

	it('shows progress on a terminal only, and erases it before the report', () => {
		const piped = spawnSync('/bin/sh', ['-c', slow], { encoding: 'utf8' });
		expect(piped.status).toBe(0);
		expect(piped.stderr).toBe('');
		const tty = spawnSync('/usr/bin/script', ['-qfc', `${slow} > /dev/null`, '/dev/null'], {
			encoding: 'utf8'
		});
		expect(tty.status).toBe(0);
		expect(tty.stdout.replaceAll('\r\x1b[K', '|')).toMatch(
			/^(?:\|necroscope: standard input: \d+ MB, [\d,]+ lines)+\|$/
		);
	});
});
