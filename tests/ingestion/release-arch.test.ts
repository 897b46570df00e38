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

describe('architecture from the Linux version banner', () => {
	// izassafar-one-syslog-1.log line 2: Ubuntu builds its armhf raspi2 kernels on an arm64 host
	const RASPI2 =
		'[    0.000000] Linux version 5.3.0-1017-raspi2 (buildd@bos02-arm64-053) (gcc version 7.4.0 (Ubuntu/Linaro 7.4.0-1ubuntu1~18.04.1)) #19~18.04.1-Ubuntu SMP Fri Jan 17 11:16:28 UTC 2020 (Ubuntu 5.3.0-1017.19~18.04.1-raspi2 5.3.13)';

	it('does not read the architecture from the build host', async () => {
		const r = await analyzeText(RASPI2 + '\n');
		expect(r.metadata.arch).toBe(null);
		// the boot CPU's line (izassafar-one-syslog-1.log) says what it is
		const cpu = await analyzeText(
			[
				RASPI2,
				'[    0.000000] CPU: ARMv7 Processor [410fd034] revision 4 (ARMv7), cr=30c5383d'
			].join('\n') + '\n'
		);
		expect(cpu.metadata.arch).toBe('arm');
	});

	it('still reads the compiler and the release', async () => {
		const cases: Array<[string, string | null]> = [
			// orangepi-rv2-notes-bootlog-txt.log (riscv), debian-clearfog-gt-8k-dmesg.log (arm64),
			// clamor-s-files-grate-txt.log (postmarketOS, Alpine armv7)
			[
				'Linux version 6.6.63-ky (root@test) (riscv64-unknown-linux-gnu-gcc (g09b62c20e09) 13.2.1 20240423, GNU ld (GNU Binutils) 2.42) #1.0.0 SMP PREEMPT Wed Mar 12 09:04:00 CST 2025',
				'riscv64'
			],
			[
				'Linux version 5.8.0-0.bpo.2-arm64 (debian-kernel@lists.debian.org) (gcc-8 (Debian 8.3.0-6) 8.3.0, GNU ld (GNU Binutils for Debian) 2.31.1) #1 SMP Debian 5.8.10-1~bpo10+1 (2020-09-26)',
				'arm64'
			],
			[
				'Linux version 5.12.0-next-20210429 (pmos@ihor-desktop) (armv7-alpine-linux-musleabihf-gcc (Alpine 10.3.1_git20210424) 10.3.1 20210424, GNU ld (GNU Binutils) 2.35.2) #1-postmarketos-grate SMP PREEMPT Mon May 3 15:39:14 UTC 2021',
				'arm'
			],
			// a builder host named after x86 no longer hides an arm compiler, nor names anything
			[
				'Linux version 5.4.0-1092-gcp (buildd@lcy02-amd64-012) (gcc version 7.5.0 (Ubuntu 7.5.0-3ubuntu1~18.04)) #101~18.04.1-Ubuntu SMP Mon Oct 17 18:29:06 UTC 2022',
				null
			]
		];
		const got: Array<[string, string | null]> = [];
		for (const [banner] of cases) {
			const r = await analyzeText(`[    0.000000] ${banner}\n`);
			got.push([banner, r.metadata.arch]);
		}
		expect(got).toEqual(cases);
	});
});
