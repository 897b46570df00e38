/**
 * A user-space program's line written to the kernel's log amid a kernel report (systemd's
 * `systemd[1]: …` before journald is up) is not the report's: in a dmesg without caller ids only
 * its shape, `ident[pid]: `, tells it apart. The report keeps every kernel line.
 */
import { describe, expect, it } from 'vitest';
import { crashesOf } from '../support/analyze.ts';

// debian-clearfog-gt-8k dmesg lines 566-580 and 595-618, shortened (a SolidRun ClearFog GT 8K,
// Debian's 5.8 arm64 kernel): mvpp2's WARN as the switch set its ports' MTU
const WARN = [
	'[   14.486606] mvpp2 f4000000.ethernet: all ports have a low MTU, switching to per-cpu buffers',
	'[   14.495001] ------------[ cut here ]------------',
	'[   14.495594] systemd[1]: Created slice system-systemd\\x2dfsck.slice.',
	'[   14.499642] Pool does not have so many bufs pool(0) bufs(2064)',
	'[   14.499688] WARNING: CPU: 2 PID: 35 at drivers/net/ethernet/marvell/mvpp2/mvpp2_main.c:449 mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]',
	'[   14.523512] Modules linked in: efivarfs ip_tables x_tables autofs4 mvpp2 phylink',
	'[   14.561752] CPU: 2 PID: 35 Comm: kworker/2:1 Not tainted 5.8.0-0.bpo.2-arm64 #1 Debian 5.8.10-1~bpo10+1',
	'[   14.571185] Hardware name: Unknown Unknown/Unknown, BIOS 2020.10 10/11/2020',
	'[   14.578184] Workqueue: events deferred_probe_work_func',
	'[   14.584815] pstate: 60000005 (nZCv daif -PAN -UAO BTYPE=--)',
	'[   14.591804] pc : mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]',
	'[   14.598442] lr : mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]',
	'[   14.605079] sp : ffff8000118eb810',
	'[   14.609538] x29: ffff8000118eb810 x28: ffff000133646e80 ',
	'[   14.609715] systemd[1]: Listening on initctl Compatibility Named Pipe.',
	'[   14.614872] x27: ffff000133647000 x26: ffff000133f2a510 ',
	'[   14.690000] Call trace:',
	'[   14.690001]  mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]',
	'[   14.690002]  mvpp2_bm_pool_destroy+0x48/0xe8 [mvpp2]',
	'[   14.690003]  mvpp2_bm_switch_buffers+0xc4/0x150 [mvpp2]',
	'[   14.690004]  mvpp2_change_mtu+0xfc/0x4f8 [mvpp2]',
	'[   14.690005]  dev_set_mtu_ext+0xdc/0x1b0',
	'[   14.690006]  kthread+0x12c/0x130',
	'[   14.690007]  ret_from_fork+0x10/0x30',
	'[   14.690008] ---[ end trace a61544ae2700bfa9 ]---',
	'[   14.700000] systemd[1]: Started Journal Service.'
];

describe('another program’s lines amid a kernel report', () => {
	it('are not the report’s evidence; every kernel line is', async () => {
		const [w, ...rest] = await crashesOf(WARN);
		expect(rest).toEqual([]);
		expect(w.title).toBe('WARNING in mvpp2_bm_bufs_free');
		const lines = w.evidence.map((e) => e.line);
		expect(lines).not.toContain(3);
		expect(lines).not.toContain(15);
		// from the marker to the end marker, the kernel's lines all there
		expect(lines).toEqual([
			2,
			4,
			...Array.from({ length: 10 }, (_, k) => 5 + k),
			16,
			...Array.from({ length: 9 }, (_, k) => 17 + k)
		]);
		expect(w.evidence.every((e) => !e.text.startsWith('systemd['))).toBe(true);
	});

	it('do not end the report: the WARN’s message between the marker and the header is kept', async () => {
		const [w] = await crashesOf(WARN);
		expect(w.evidence.map((e) => e.text)).toContain(
			'Pool does not have so many bufs pool(0) bufs(2064)'
		);
		expect(w.last_line).toBe(25);
	});
});
