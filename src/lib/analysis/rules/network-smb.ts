import type { LineRule } from './types.ts';
import { errnoName } from './util.ts';

/**
 * fs/smb/client (fs/cifs before 6.4) cifs_server_dbg/cifs_dbg(VFS, …): `CIFS: VFS: \\192.168.1.5
 * has not responded in 180 seconds. Reconnecting...` (5.x+), `CIFS VFS: Server 192.168.1.6 has not
 * responded in 120 seconds. Reconnecting...` (4.x).
 */
export const smbNotResponding: LineRule = {
	id: 'network.smb-not-responding',
	category: 'network',
	severity: 'high',
	triggers: [' has not responded in '],
	pattern:
		/^CIFS:? VFS: (?:Server (\S+)|\\\\(\S+)) has not responded in (\d+) seconds\. Reconnecting/,
	title: (m) => `SMB/CIFS server ${m[1] ?? m[2]} not responding`,
	details: (m) => ({ server: m[1] ?? m[2], waited_s: Number(m[3]) }),
	examples: [
		'CIFS: VFS: \\\\192.168.1.5 has not responded in 180 seconds. Reconnecting...',
		'CIFS VFS: Server 192.168.1.6 has not responded in 120 seconds. Reconnecting...'
	],
	negatives: ['CIFS: Attempting to mount \\\\fileserver\\share'],
	explanation: {
		meaning:
			'A Windows/Samba file server (an SMB share mounted with cifs) did not answer for the time printed (three times the echo interval of 60 s; twice on older kernels), so the client dropped the connection and is reconnecting. Programs using the share hung meanwhile; with a hard mount they wait until it is back, with the default soft mount their reads and writes fail with errors.',
		causes: [
			{
				kind: 'environment',
				text: 'The server is down, asleep, rebooting or overloaded, or the network to it failed (Wi-Fi, VPN, a NAS that spins down).'
			},
			{
				kind: 'hardware',
				text: 'A failing network link on either side (see link-down or transmit-timeout findings).'
			},
			{
				kind: 'environment',
				text: 'The client itself was suspended: after a resume the old connection is dead and is re-established.'
			}
		],
		next_steps: [
			'Check the server and the path to it: `ping <server>`, `smbclient -L //<server> -U <user>`; whether it was suspended or rebooted.',
			'See the mounts and their options: `findmnt -t cifs`, `cat /proc/fs/cifs/DebugData`.',
			'For shares that come and go (laptops, NAS), mount them on demand (`x-systemd.automount`) and choose `soft`/`hard` and `echo_interval` to suit.'
		],
		references: [
			'https://docs.kernel.org/admin-guide/cifs/usage.html',
			'https://man7.org/linux/man-pages/man8/mount.cifs.8.html'
		]
	}
};

/** what a cifs_mount error number usually means for an SMB mount */
const SMB_MOUNT_ERRORS: Record<string, string> = {
	'13': 'wrong user name, password or domain, or no access to the share',
	'2': 'the share or path does not exist on the server',
	'95': 'the server does not speak the SMB version or security asked for (e.g. `vers=1.0` on a server without SMB1)',
	'112': 'the server is down or unreachable',
	'113': 'no route to the server',
	'111': 'nothing answers on the SMB port (445) of the server',
	'22': 'an invalid mount option',
	'5': 'an I/O error talking to the server, often an SMB version or signing mismatch'
};

/**
 * fs/smb/client/connect.c (fs/cifs): `CIFS: VFS: cifs_mount failed w/return code = -13`; the
 * session setup's `CIFS: VFS: \\fileserver Send error in SessSetup = -13` before it names the
 * server.
 */
export const smbMountFailed: LineRule = {
	id: 'network.smb-mount-failed',
	category: 'network',
	severity: 'medium',
	triggers: ['cifs_mount failed w/return code = '],
	pattern: /^CIFS:? VFS: cifs_mount failed w\/return code = (-?\d+)/,
	title: (m) => `SMB/CIFS mount failed: ${errnoName(m[1])}`,
	details: (m) => ({
		error: errnoName(m[1]),
		likely_reason: SMB_MOUNT_ERRORS[m[1].replace('-', '')] ?? null
	}),
	context: {
		trigger: 'Send error in SessSetup = ',
		pattern: /^CIFS:? VFS: (?:\\\\(\S+) )?Send error in SessSetup = (-?\d+)/,
		details: (m) => ({ server: m[1] ?? null, session_setup_error: errnoName(m[2]) }),
		within: 20,
		examples: ['CIFS: VFS: \\\\fileserver Send error in SessSetup = -13']
	},
	examples: [
		'CIFS: VFS: cifs_mount failed w/return code = -13',
		'CIFS VFS: cifs_mount failed w/return code = -95'
	],
	negatives: ['CIFS: Attempting to mount \\\\fileserver\\share'],
	explanation: {
		meaning:
			'Mounting an SMB (Windows/Samba) share failed; the mount command reports the same error ("mount error(13): Permission denied"). The error number says why: 13 (EACCES) wrong user name, password or domain, or no access to the share; 2 (ENOENT) the share or path does not exist; 95 (EOPNOTSUPP) the server does not offer the SMB version or authentication asked for; 112/113 (EHOSTDOWN/EHOSTUNREACH) the server cannot be reached; 111 nothing answers on port 445; 22 (EINVAL) a wrong mount option.',
		causes: [
			{
				kind: 'configuration',
				text: 'Credentials, domain, share name or mount options (`vers=`, `sec=`) that the server does not accept.'
			},
			{
				kind: 'environment',
				text: 'The server is down or unreachable, or a firewall blocks port 445.'
			}
		],
		next_steps: [
			'Test the credentials and the share with `smbclient //<server>/<share> -U <user>`.',
			'Error 13: check `username=`, `password=` (or a credentials file) and `domain=`; error 95: try `vers=3.0` (or the version the server offers); error 2: check the share name with `smbclient -L //<server>`.',
			'More detail: `dmesg` right after the attempt and the server’s own logs; `echo 7 > /proc/fs/cifs/cifsFYI` enables verbose client logging.'
		],
		references: [
			'https://man7.org/linux/man-pages/man8/mount.cifs.8.html',
			'https://docs.kernel.org/admin-guide/cifs/usage.html'
		]
	}
};
