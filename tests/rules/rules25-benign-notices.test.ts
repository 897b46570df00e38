/**
 * Kernel lines of the real-log corpus that alarm users (error, failed, bug, tainting, corruption …)
 * and that no finding named, and the evidence of a remote processor left unstarted: each test
 * quotes the corpus log (shared/corpus/real) and its lines.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

type F = Awaited<ReturnType<typeof findingsOf>>[number];

const summary = (f: F[]) => f.map((x) => [x.rule, x.title, x.severity, x.count]);

describe('a remote processor whose firmware is missing shows the requests that failed', () => {
	// bacon-pmos-mainline-dev-dmesg-log.log lines 1491-1525 and 1795-1815 (a OnePlus One on
	// postmarketOS's mainline 4.15 kernel): the audio DSP, then the modem
	const lines = [
		'[    0.585460] remoteproc remoteproc0: adsp-pil is available',
		'[    0.588566] remoteproc remoteproc0: Direct firmware load for adsp.mdt failed with error -2',
		'[    0.588594] remoteproc remoteproc0: powering up adsp-pil',
		'[    0.588673] remoteproc remoteproc0: Direct firmware load for adsp.mdt failed with error -2',
		'[    0.588699] remoteproc remoteproc0: request_firmware failed: -2',
		'[    0.644118] remoteproc remoteproc1: fc880000.modem-rproc is available',
		'[    0.646515] remoteproc remoteproc1: Direct firmware load for mba.b00 failed with error -2',
		'[    0.646544] remoteproc remoteproc1: powering up fc880000.modem-rproc',
		'[    0.646621] remoteproc remoteproc1: Direct firmware load for mba.b00 failed with error -2',
		'[    0.646651] remoteproc remoteproc1: request_firmware failed: -2'
	];

	it('each processor’s finding has its own requests and power-up as evidence, not the other’s', async () => {
		const f = await findingsOf(lines);
		expect(summary(f)).toEqual([
			[
				'firmware.remoteproc-firmware-missing',
				'Remote processor remoteproc0 not started: its firmware file is missing',
				'medium',
				1
			],
			[
				'firmware.remoteproc-firmware-missing',
				'Remote processor remoteproc1 not started: its firmware file is missing',
				'medium',
				1
			]
		]);
		expect(f[0].evidence.map((e) => e.line)).toEqual([2, 3, 4, 5]);
		expect(f[1].evidence.map((e) => e.line)).toEqual([7, 8, 9, 10]);
		expect(f[1].evidence[0].text).toContain('mba.b00');
		// the occurrence is still the line where the processor gave up
		expect([f[0].first_line, f[0].last_line]).toEqual([5, 5]);
		expect(f[1].details).toMatchObject({ files: ['mba.b00'], processor: 'fc880000.modem-rproc' });
	});

	it('a request of another processor in between is not evidence', async () => {
		const f = await findingsOf([lines[1], lines[6], lines[2], lines[3], lines[4]]);
		const rp = f.filter((x) => x.rule === 'firmware.remoteproc-firmware-missing');
		expect(rp.map((x) => x.evidence.map((e) => e.line))).toEqual([[1, 3, 4, 5]]);
		expect(rp[0].details).toMatchObject({ files: ['adsp.mdt'] });
	});
});
