/**
 * A log of several kernels (logging-kern-log-1.log in ../shared/corpus/real: three boots of Ubuntu
 * 4.15.0-29 and 4.15.0-43): the kernel line names the latest, and the build and command line, read
 * from the first boot, say so.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { formatText } from '../../src/lib/output/text.ts';
import { formatMarkdown } from '../../src/lib/output/markdown.ts';

const TWO_KERNELS = [
	'Jan 10 09:00:00 host kernel: [    0.000000] Linux version 4.15.0-29-generic (buildd@lgw01-amd64-057) (gcc version 7.3.0 (Ubuntu 7.3.0-16ubuntu3)) #31-Ubuntu SMP Tue Jul 17 15:39:52 UTC 2018 (Ubuntu 4.15.0-29.31-generic 4.15.18)',
	'Jan 10 09:00:00 host kernel: [    0.000000] Command line: BOOT_IMAGE=/boot/vmlinuz-4.15.0-29-generic root=UUID=9e48d3ab ro quiet splash',
	'Jan 12 09:00:00 host kernel: [    0.000000] Linux version 4.15.0-43-generic (buildd@lgw01-amd64-001) (gcc version 7.3.0 (Ubuntu 7.3.0-16ubuntu3)) #46-Ubuntu SMP Thu Dec 6 14:45:28 UTC 2018 (Ubuntu 4.15.0-43.46-generic 4.15.18)',
	'Jan 12 09:00:00 host kernel: [    0.000000] Command line: BOOT_IMAGE=/boot/vmlinuz-4.15.0-43-generic root=UUID=9e48d3ab ro quiet splash'
].join('\n');

describe('facts of the first kernel in a log of several', () => {
	it('labels the build and command line with whose they are', async () => {
		const r = await analyzeText(TWO_KERNELS);
		const text = formatText(r);
		expect(text).toContain('4.15.0-43-generic (latest boot; earlier: 4.15.0-29-generic)');
		// a label longer than the column of values is on a line of its own
		expect(text).toMatch(/^Build \(4\.15\.0-29-generic\)\n {16}\(buildd@lgw01-amd64-057\)/m);
		expect(text).toMatch(
			/^Command line \(the first boot that printed one\)\n {16}BOOT_IMAGE=\/boot\/vmlinuz-4\.15\.0-29-generic/m
		);
		expect(formatMarkdown(r)).toContain('| Build (4.15.0-29-generic) |');
	});

	it('keeps the plain labels for a log of one kernel', async () => {
		const r = await analyzeText(TWO_KERNELS.split('\n').slice(0, 2).join('\n'));
		const text = formatText(r);
		expect(text).toMatch(/^Build +\(buildd@/m);
		expect(text).toMatch(/^Command line +BOOT_IMAGE=/m);
	});
});
