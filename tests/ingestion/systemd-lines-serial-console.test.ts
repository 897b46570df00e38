/**
 * Line shapes of the reference catalogue that earlier builds read wrongly.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';

describe('systemd status lines in a serial console capture', () => {
	// systemd's console output around kernel lines, as a serial capture shows it (CRLF, colours);
	// the status texts are systemd's own format strings
	const CONSOLE = [
		'\u001b[0;32m[  OK  ]\u001b[0m Started Journal Service.',
		'\u001b[0;1;31m[FAILED]\u001b[0m Failed to start Load Kernel Modules.',
		"See 'systemctl status systemd-modules-load.service' for details.",
		'[ TIME ] Timed out waiting for device /dev/disk/by-label/data.',
		'[DEPEND] Dependency failed for /data.',
		'[    5.123456] EXT4-fs (sda1): mounted filesystem with ordered data mode. Opts: (null)',
		'[  OK  ] Mounted /boot.',
		'[    6.000000] EXT4-fs error (device sda1): ext4_lookup:1855: inode #2: comm ls: deleted inode referenced: 12345',
		'         Starting Network Manager...',
		'[  *** ] A start job is running for /dev/sda2 (10s / 1min 30s)'
	]
		.map((l) => l + '\r\n')
		.join('');

	it('skips them as not kernel messages, whatever comes before or after', async () => {
		const r = await analyzeText(CONSOLE);
		expect(r.input.lines_total).toBe(10);
		// they had been 5 bare kernel lines, 2 unparsed and a continuation of the EXT4 error
		expect(r.input.formats).toEqual({ dmesg: 2 });
		expect(r.input.skipped_reasons).toEqual({ 'init system status line (systemd)': 8 });
		expect(r.input.unparsed_reasons).toEqual({});
		const ext4 = r.findings.find((f) => f.rule === 'filesystem.ext4-error');
		expect(ext4?.evidence.map((e) => e.line)).toEqual([8]);
	});
});

describe('systemd job lines before a kernel report (lkp-56.log lines 1-6)', () => {
	const LKP56 = [
		'         Stopping OpenBSD Secure Shell server...',
		'         Starting OpenBSD Secure Shell server...',
		'------------[ cut here ]------------',
		'[   30.277063] WARNING: CPU: 0 PID: 151 at mm/slab_common.c:861 kmalloc_slab+0xe4/0x260',
		'[   30.366953] Modules linked in: intel_powerclamp(-) evbug',
		'[   30.369242] CPU: 0 PID: 151 Comm: systemd-udevd Not tainted 4.8.0-rc1 #242'
	].join('\n');

	it('are skipped, and the boot starts at the first kernel line', async () => {
		const r = await analyzeText(LKP56);
		// they had been two bare kernel lines, and the boot had started at line 1
		expect(r.input.formats).toEqual({ bare: 1, dmesg: 3 });
		expect(r.input.skipped_reasons).toEqual({ 'init system status line (systemd)': 2 });
		expect(r.metadata.boots.map((b) => b.first_line)).toEqual([3]);
		expect(r.findings.map((f) => f.category)).toEqual(['crash']);
	});
});
