/**
 * The architecture named by a distribution's kernel release when no line of the log shows it
 * (abrt oops excerpts of RHEL and Fedora kernels: abrt-cut-here.log, abrt-nmi-oops-hash.log in
 * ../shared/corpus/real).
 */
import { describe, expect, it } from 'vitest';
import { archFromRelease } from '../../src/lib/ingestion/metadata.ts';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { MTRR_WARN } from '../support/excerpts.ts';

describe('architecture from the kernel release', () => {
	it('reads RPM and Debian release names, and nothing from releases built for every architecture', () => {
		const cases: Array<[string, string | null]> = [
			['2.6.32-19.el6.x86_64', 'x86_64'],
			['3.8.9-200.fc18.x86_64', 'x86_64'],
			['2.6.35.6-45.fc14.i686.PAE', 'i386'],
			['5.14.0-70.el9.aarch64', 'arm64'],
			['3.10.0-123.el7.ppc64le', 'powerpc64'],
			['3.10.0-123.el7.s390x', 's390x'],
			['6.1.0-9-amd64', 'x86_64'],
			['4.19.0-16-686-pae', 'i386'],
			['5.10.0-8-armmp-lpae', 'arm'],
			['5.15.0-91-generic', null],
			['6.6.4', null],
			['4.14.302', null],
			['5.4.259-qgki-gbb5b3f695614', null]
		];
		expect(cases.map(([v]) => [v, archFromRelease(v)])).toEqual(cases);
	});

	it('names the architecture of an oops excerpt that only gives its release', async () => {
		// abrt-cut-here.log lines 1-9: an x86-64 RHEL 6 WARNING without registers
		const r = await analyzeText(MTRR_WARN.slice(0, 9).join('\n'));
		expect([r.metadata.kernel_version, r.metadata.arch]).toEqual([
			'2.6.32-19.el6.x86_64',
			'x86_64'
		]);
	});
});
