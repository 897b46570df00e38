/**
 * A driver option the kernel calls dangerous, set by ChromeOS's own kernel command line, is not the
 * owner's doing: its finding had said "set by hand". Real lines: syslogs-syslog.log
 * (CRYP70N1CZ/syslogs `syslog`, no licence stated, a Chromebook on ChromeOS 6.6) lines 1054-1057.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

const CHROMEBOOK = [
	'2026-05-22T03:19:10.398703Z DEBUG kernel: [    0.030837] pcpu-alloc: s186984 r8192 d30104 u524288 alloc=1*2097152',
	'2026-05-22T03:19:10.398704Z DEBUG kernel: [    0.030840] pcpu-alloc: [0] 0 1 2 3 ',
	'2026-05-22T03:19:10.398705Z NOTICE kernel: [    0.030853] Kernel command line: cros_secure console= loglevel=7 console_msg_format=syslog init=/sbin/init cros_secure drm.trace=0x106 root=/dev/dm-0 rootwait ro dm_verity.error_behavior=3 dm_verity.max_bios=-1 dm_verity.dev_wait=1 dm="1 vroot none ro 1,0 7946240 verity payload=PARTUUID=ce82c505-7c71-b946-95db-6350c75df7d2/PARTNROFF=1 hashtree=PARTUUID=ce82c505-7c71-b946-95db-6350c75df7d2/PARTNROFF=1 hashstart=7946240 alg=sha256 root_hexdigest=8f1078ad040756805ee23d13c15e204dbd483179a075809a52a57074167f1764 salt=6996cbaafd192f2eb45222a8676d102e40f59ec417f01247f086ddb191c962f8" noinitrd vt.global_cursor_default=0 kern_guid=ce82c505-7c71-b946-95db-6350c75df7d2 cros_lsb_release_hash=6Bovzvjb9wElS3itUMobOWj3xeen9bO0AlFtPjJduxA= add_efi_memmap noresume i915.modeset=1 i915.enable_guc=3 intel_pmc_core.warn_on_s0ix_failures=1 intel_iommu=on swiotlb=65536 chromeos_pstore.ecc_size=0',
	'2026-05-22T03:19:10.398708Z NOTICE kernel: [    0.030969] Setting dangerous option i915.enable_guc - tainting kernel'
];
const OPTION = CHROMEBOOK[3];
/** the command line's line without ChromeOS's own parameters (`cros_secure`) */
const OWN_COMMAND_LINE = CHROMEBOOK[2].replace(/cros_secure /g, '');

const unsafeOption = async (lines: string[]) =>
	(await findingsOf(lines)).filter((f) => f.rule === 'other.unsafe-module-option');

describe('an unsafe driver option', () => {
	it('set by ChromeOS’s own kernel command line is told as ChromeOS’s, not the owner’s', async () => {
		const [f] = await unsafeOption(CHROMEBOOK);
		expect([f.title, f.severity, f.details]).toEqual([
			'Option i915.enable_guc set by ChromeOS’s own kernel command line: the kernel is tainted (U)',
			'info',
			{ option: 'i915.enable_guc', taint: 'U', set_on: 'kernel command line', set_by: 'ChromeOS' }
		]);
		const words = `${f.explanation.meaning} ${f.explanation.next_steps.join(' ')}`;
		expect(words).toContain('the owner did not set it');
		expect(words).toContain('Alt+Shift+I');
		expect(words).not.toMatch(/by hand|remove the option/);
	});

	it('on another command line is told as the boot loader’s setting', async () => {
		const [f] = await unsafeOption([OWN_COMMAND_LINE, OPTION]);
		expect([f.title, f.details.set_on, f.details.set_by]).toEqual([
			'Option i915.enable_guc set on the kernel command line: the kernel is tainted (U)',
			'kernel command line',
			undefined
		]);
		expect(f.explanation.next_steps.join(' ')).toContain('/proc/cmdline');
	});

	it('without the command line before it names no one who set it', async () => {
		const [f] = await unsafeOption([CHROMEBOOK[0], CHROMEBOOK[1], OPTION]);
		expect([f.title, f.details]).toEqual([
			'Unsafe option i915.enable_guc set: the kernel is tainted (U)',
			{ option: 'i915.enable_guc', taint: 'U' }
		]);
		expect(f.explanation.meaning).not.toContain('by hand');
	});
});
