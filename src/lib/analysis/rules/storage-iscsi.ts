import type { LineRule } from './types.ts';

/** include/scsi/iscsi_if.h enum iscsi_err: the codes a connection error names */
const ISCSI_ERRORS: Record<string, string> = {
	'1011': 'ISCSI_ERR_CONN_FAILED (connection failed)',
	'1013': 'ISCSI_ERR_SESSION_FAILED (session failed)',
	'1019': 'ISCSI_ERR_XMIT_FAILED (sending failed)',
	'1020': 'ISCSI_ERR_TCP_CONN_CLOSE (the target closed the TCP connection)',
	'1021': 'ISCSI_ERR_SCSI_EH_SESSION_RST (session reset by SCSI error handling)',
	'1022': 'ISCSI_ERR_NOP_TIMEDOUT (no answer to a ping)'
};

/**
 * drivers/scsi/scsi_transport_iscsi.c and libiscsi.c, the iSCSI initiator (open-iscsi):
 * `connection1:0: detected conn error (1020)`, `connection1:0: ping timeout of 5 secs expired, …`
 * and `session1: session recovery timed out after 120 secs`.
 */
export const iscsiConnection: LineRule = {
	id: 'storage.iscsi-connection-error',
	category: 'storage',
	severity: 'medium',
	triggers: ['detected conn error', 'ping timeout of ', 'session recovery timed out'],
	pattern:
		/^(?:(connection\d+:\d+): (?:detected conn error \((\d+)\)|(ping timeout) of (\d+) secs expired)|(session\d+): session recovery timed out after (\d+) secs)/,
	// each severity has its own title: a connection lost and re-established (medium), a session
	// whose recovery timed out, its disks failed (high)
	title: (m) =>
		m[5]
			? `iSCSI ${m[5]} lost: recovery timed out, its disks failed`
			: `iSCSI ${m[1]} lost its connection to the target`,
	details: (m) => ({
		device: m[1] ?? m[5],
		error: m[2] ? (ISCSI_ERRORS[m[2]] ?? `iSCSI error ${m[2]}`) : m[3] ? 'ping timeout' : null,
		timeout_s: m[4] ? Number(m[4]) : m[6] ? Number(m[6]) : null
	}),
	severityOf: (m) => (m[5] ? 'high' : 'medium'),
	storm: { count: 20, severity: 'high' },
	examples: [
		'connection1:0: detected conn error (1020)',
		'connection1:0: ping timeout of 5 secs expired, recv timeout 5, last rx 4295189923, last ping 4295191173, now 4295192448',
		'session1: session recovery timed out after 120 secs'
	],
	negatives: ['scsi host7: iSCSI Initiator over TCP/IP'],
	explanation: {
		meaning:
			'The iSCSI initiator lost its TCP connection to the storage target (the target closed it, or it stopped answering pings). I/O to the target’s disks is queued while the initiator (iscsid) logs in again; if that takes longer than the session’s recovery timeout (replacement_timeout, 120 s by default), the queued and new I/O fail and the disks go offline.',
		causes: [
			{
				kind: 'environment',
				text: 'The network to the target: a link down, congestion, a switch or firewall dropping the connection, MTU mismatches.'
			},
			{
				kind: 'environment',
				text: 'The target restarted, failed over or was overloaded (a storage array, NAS or another server).'
			},
			{
				kind: 'configuration',
				text: 'NOP-out ping intervals and timeouts too short for the network, or several initiators using the same initiator name.'
			}
		],
		next_steps: [
			'See the sessions and their state: `iscsiadm -m session -P 3`; look at the network interface used (link-down, transmit-timeout findings) and the target’s own logs.',
			'For a short outage the session comes back by itself; if it keeps dropping, check the path (`ping -M do -s 8972 <target>` for jumbo frames) and the initiator names (`/etc/iscsi/initiatorname.iscsi`).',
			'Multipath or a longer `node.session.timeo.replacement_timeout` keep disks usable through short outages; after a recovery timeout, check the filesystems that were on them.'
		],
		references: [
			'https://github.com/open-iscsi/open-iscsi/blob/master/README',
			'https://docs.kernel.org/scsi/scsi_eh.html'
		]
	}
};
