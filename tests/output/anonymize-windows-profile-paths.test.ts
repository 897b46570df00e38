import { describe, expect, it } from 'vitest';
import { Anonymizer, NameCollector } from '../../src/lib/util/anonymize.ts';

// WSL, virtualization and cross-platform programs quote Windows paths: the user's profile folder
// (`C:\Users\<user>\`) had been kept. No corpus log holds one; the names are made up.
describe('Windows profile paths', () => {
	it('replaces the user of `C:\\Users\\<user>\\…` (any case, one placeholder), also with doubled backslashes or a space', () => {
		const a = new Anonymizer();
		expect(
			a.text(
				'WSL (1) ERROR: CreateProcessEntryCommon:370: getpwuid(0) failed; config at C:\\Users\\alice\\.wslconfig'
			)
		).toBe(
			'WSL (1) ERROR: CreateProcessEntryCommon:370: getpwuid(0) failed; config at C:\\Users\\<user-1>\\.wslconfig'
		);
		expect(
			a.text('VBoxSVC: opening "D:\\\\Users\\\\Alice\\\\VirtualBox VMs\\\\vm1\\\\vm1.vbox"')
		).toBe('VBoxSVC: opening "D:\\\\Users\\\\<user-1>\\\\VirtualBox VMs\\\\vm1\\\\vm1.vbox"');
		expect(a.text('disk C:\\Users\\Alice Smith\\Documents\\disk.vhdx attached')).toBe(
			'disk C:\\Users\\<user-2>\\Documents\\disk.vhdx attached'
		);
		expect(a.text('profile C:\\Documents and Settings\\bob\\Desktop')).toBe(
			'profile C:\\Documents and Settings\\<user-3>\\Desktop'
		);
		// `C:/Users/alice` and WSL's `/mnt/c/Users/alice` were already replaced as home paths
		expect(a.text('open /mnt/c/Users/alice/file and C:/Users/alice/file')).toBe(
			'open /mnt/c/Users/<user-1>/file and C:/Users/<user-1>/file'
		);
		// the profiles every Windows has name nobody
		const generic = 'copy C:\\Users\\Public\\Documents\\x and C:\\Users\\Default\\NTUSER.DAT';
		expect(a.text(generic)).toBe(generic);
	});

	it('learns the user from the log, so it is replaced in lines without the path', () => {
		const n = new NameCollector();
		n.line('[   12.000000] hv_utils: file C:\\Users\\marisol\\AppData\\Local\\Temp\\x copied');
		n.line('[   12.000001] hv_utils: file C:\\Users\\Public\\x copied');
		expect([...n.users]).toEqual(['marisol']);
		const a = new Anonymizer(n);
		expect(a.text('session of marisol started')).toBe('session of <user-1> started');
	});
});
