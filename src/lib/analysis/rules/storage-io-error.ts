import type { LineRule } from './types.ts';

/** block/blk-core.c blk_print_req_error (and its older blk_update_request / end_request forms). */
export const blockIoError: LineRule = {
	id: 'storage.io-error',
	category: 'storage',
	severity: 'high',
	triggers: ['I/O error, dev', 'medium error, dev', 'target error, dev', 'nexus error, dev'],
	pattern:
		/^(?:(?:blk_update_request|end_request|print_req_error|Buffer I\/O error on device): )?(?:(critical )?(I\/O|medium|target|nexus|space allocation|protection) error), dev ([\w!.-]+), sector (\d+)/,
	title: (m) => `${m[1] ? 'Critical ' : ''}${m[2] === 'I/O' ? 'I/O' : m[2][0].toUpperCase() + m[2].slice(1)} error on ${m[3]}`,
	details: (m) => ({ device: m[3], sector: Number(m[4]), kind: m[2] }),
	examples: [
		'blk_update_request: I/O error, dev sda, sector 1445018928',
		'blk_update_request: critical medium error, dev sdc, sector 10000 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0',
		'I/O error, dev nvme1n1, sector 123456 op 0x1:(WRITE) flags 0x0 phys_seg 1 prio class 2',
		'end_request: I/O error, dev sda, sector 526830440'
	],
	negatives: ['Buffer I/O error on dev sda1, logical block 15432, async page read', 'EXT4-fs error (device sda1): ext4_lookup:1855'],
	explanation: {
		meaning:
			'A read or write to a disk failed: the device reported an error or did not answer. Data in that region may be lost or unreadable.',
		causes: [
			{ kind: 'hardware', text: 'A failing disk (bad sectors), a loose or bad cable, or a failing controller or port.' },
			{ kind: 'driver', text: 'Less often, a driver or firmware problem (power-management resets, NVMe APST).' }
		],
		next_steps: [
			'Back up important data now.',
			'Check the disk’s health: `smartctl -a /dev/<device>` (for NVMe `nvme smart-log /dev/<device>`).',
			'Reseat or replace the cable, try another port; run the vendor’s long self-test (`smartctl -t long`).'
		],
		references: ['https://docs.kernel.org/admin-guide/blockdev/index.html']
	}
};
