/**
 * Line-rule findings that earlier reviews of the real-log corpus (shared/corpus/real) left open.
 * Excerpts name their corpus file and lines; lines not in the corpus are written from the
 * kernel's format strings (the source file is named with each) in a realistic dmesg context.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

type F = Awaited<ReturnType<typeof findingsOf>>[number];

const summary = (f: F[]) => f.map((x) => [x.rule, x.title, x.severity, x.count]);

describe('modules built for another kernel (module_layout) are one problem', () => {
	// pikernel-dmesg.log lines 240, 241 and 257 (Raspberry Pi, self-built 3.6.11+ kernel booted
	// with another build's modules)
	const PIKERNEL = [
		'[    5.453809] led_class: disagrees about version of symbol module_layout',
		'[    5.702307] crc_ccitt: disagrees about version of symbol module_layout',
		'[    9.175394] EXT4-fs (mmcblk0p2): re-mounted. Opts: (null)',
		'[   10.392010] snd: disagrees about version of symbol module_layout'
	];

	it('one finding that lists the modules, with one set of steps (had been three)', async () => {
		const f = await findingsOf(PIKERNEL);
		expect(summary(f)).toEqual([
			['other.module-load-failed', 'Modules built for another kernel could not be loaded', 'low', 3]
		]);
		expect(f[0].details.modules).toEqual(['led_class', 'crc_ccitt', 'snd']);
		expect(f[0].evidence.map((e) => e.line)).toEqual([1]);
		const e = f[0].explanation;
		expect(e.meaning).toMatch(/^The kernel refused these modules/);
		expect(e.meaning).toContain('every module of that kernel is likely affected');
		const steps = e.next_steps.join('\n');
		expect(steps).toContain('modinfo -F vermagic');
		expect(steps).toContain('modules_install');
		expect(steps).toContain('depmod -a');
		// the steps of a module that misses symbols (headers, licence) are not given
		expect(steps).not.toContain('linux-headers-$(uname -r)');
		expect(steps).not.toMatch(/blacklist/);
	});

	it('a module whose other symbols differ keeps a finding of its own', async () => {
		// bananapi-dmesg-log.log lines 1-2 (gasket, built by DKMS against other headers)
		const f = await findingsOf([
			...PIKERNEL,
			'[ 1289.155781] gasket: disagrees about version of symbol dev_warn',
			'[ 1289.155801] gasket: Unknown symbol dev_warn (err -22)'
		]);
		expect(f.map((x) => [x.title, x.count, x.details.modules])).toEqual([
			[
				'Modules built for another kernel could not be loaded',
				3,
				['led_class', 'crc_ccitt', 'snd']
			],
			['Module gasket could not be loaded', 2, ['gasket']]
		]);
		expect(f[1].explanation.next_steps.join('\n')).toContain('linux-headers-$(uname -r)');
	});
});
