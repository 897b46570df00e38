import type { LineRule } from './types.ts';

/**
 * drivers/block/floppy.c: the controller did not answer a command in time. floppy_shutdown()
 * prints `floppy0: floppy timeout called` (DPRINT, `floppy%d: ` and the current drive), then
 * is_alive() `floppy0: floppy_shutdown: timeout handler died.` when the request is still pending
 * with no timer left; floppy_rb0_cb() `floppy: error 10 while reading block 0` when the first
 * block of the disk could not be read as the drive was opened (10 is BLK_STS_IOERR). Common in
 * virtual machines that emulate a floppy controller without a drive or disk.
 */
export const floppyTimeout: LineRule = {
	id: 'storage.floppy-timeout',
	category: 'storage',
	severity: 'low',
	triggers: ['timeout handler died', 'floppy timeout called', 'while reading block 0'],
	pattern:
		/^floppy(\d*): (?:\w+: timeout handler died\.|floppy timeout called|error (-?\d+) while reading block 0)/,
	title: (m) =>
		m[2] !== undefined
			? 'Floppy drive could not be read when it was opened'
			: `Floppy controller did not answer (fd${m[1] || '?'})`,
	details: (m) => ({
		drive: m[1] ? `fd${m[1]}` : null,
		error: m[2] ?? null
	}),
	examples: [
		// lkp-39.log line 2 (a QEMU guest, kernel 4.8.0-rc1)
		'floppy0: floppy_shutdown: timeout handler died.  ',
		'floppy0: floppy timeout called',
		'floppy: error 10 while reading block 0'
	],
	negatives: [
		'no cont in shutdown!',
		'floppy0: no floppy controllers found',
		'Floppy drive(s): fd0 is 2.88M AMI BIOS',
		'FDC 0 is a S82078B'
	],
	explanation: {
		meaning:
			'The floppy driver sent a command to the floppy controller, or tried to read the first block of the disk as `/dev/fd0` was opened, and got no answer in time. In a virtual machine this is common and harmless beyond the delay: QEMU, VirtualBox, Hyper-V and others emulate a floppy controller that often has no drive or no disk behind it, and whatever opens `/dev/fd0` (udev and blkid looking for filesystems, an installer or os-prober scanning disks, a mount) makes the driver wait for it, for seconds each time; a warning from the floppy driver (`drivers/block/floppy.c`) may follow. On a real machine with a floppy drive, the drive, its disk or its cable failed.',
		causes: [
			{
				kind: 'environment',
				text: 'A virtual machine with an emulated floppy controller and no drive or no disk, probed by udev, blkid or an installer.'
			},
			{
				kind: 'configuration',
				text: 'The floppy driver loaded on a machine without a floppy drive (the firmware or the VM’s settings still announce one).'
			},
			{
				kind: 'hardware',
				text: 'On a machine that really has a floppy drive: a damaged or unformatted disk, a failing drive or a loose cable.'
			}
		],
		next_steps: [
			'If the machine has no floppy drive (most virtual machines), stop loading the driver: `echo "blacklist floppy" | sudo tee /etc/modprobe.d/blacklist-floppy.conf`, rebuild the initramfs (`sudo update-initramfs -u` or `sudo dracut -f`) and reboot; or remove the floppy controller from the VM’s configuration, or set the drive to none in the firmware setup.',
			'If the driver is built into the kernel (`floppy` not in `lsmod`), `initcall_blacklist=floppy_init` on the kernel command line keeps it from starting.',
			'If it keeps coming back, find what opens the drive: an `/etc/fstab` entry for `/dev/fd0`, a desktop automounter, a backup or disk-scanning tool.',
			'With a real drive: try another disk, and check the drive’s cable and power.'
		],
		references: [
			'https://docs.kernel.org/admin-guide/blockdev/floppy.html',
			'https://man7.org/linux/man-pages/man5/modprobe.d.5.html',
			'https://docs.kernel.org/admin-guide/kernel-parameters.html'
		]
	}
};
