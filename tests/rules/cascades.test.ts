import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import type { AnalysisResult } from '../../src/lib/models/report.ts';

function at(ts: number, text: string): string {
	return `[${ts.toFixed(6).padStart(12)}] ${text}`;
}

const HUNG_TASK = [
	'INFO: task kworker/u16:2:123 blocked for more than 122 seconds.',
	'      Not tainted 6.1.0-13-amd64 #1 Debian 6.1.55-1',
	'"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.',
	'task:kworker/u16:2   state:D stack:0     pid:123   ppid:2      flags:0x00004000',
	'Call Trace:',
	' <TASK>',
	' __schedule+0x3a3/0xa40',
	' schedule+0x5d/0xe0',
	' io_schedule+0x46/0x70',
	' </TASK>'
];

const STORAGE_FAILURE = [
	at(
		1,
		'Linux version 6.1.0-13-amd64 (debian-kernel@lists.debian.org) #1 SMP PREEMPT_DYNAMIC Debian 6.1.55-1'
	),
	at(100, 'pcieport 0000:00:1d.0: AER: Corrected error message received from 0000:03:00.0'),
	at(
		100.0001,
		'nvme 0000:03:00.0: PCIe Bus Error: severity=Corrected, type=Physical Layer, (Receiver ID)'
	),
	at(100.0002, 'nvme 0000:03:00.0:    [ 0] RxErr                  (First)'),
	at(120, 'usb 1-3: USB disconnect, device number 5'),
	at(130, 'nvme nvme0: I/O 407 QID 1 timeout, aborting'),
	at(160, 'nvme nvme0: I/O 407 QID 1 timeout, reset controller'),
	at(161, 'I/O error, dev nvme0n1, sector 123456 op 0x1:(WRITE) flags 0x0 phys_seg 1 prio class 2'),
	at(161.05, 'I/O error, dev sdb, sector 9999 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 2'),
	at(161.1, 'Buffer I/O error on dev nvme0n1p2, logical block 1234, lost async page write'),
	at(
		161.2,
		'EXT4-fs error (device nvme0n1p2): ext4_journal_check_start:83: comm kworker: Detected aborted journal'
	),
	at(161.3, 'EXT4-fs (nvme0n1p2): Remounting filesystem read-only'),
	...HUNG_TASK.map((l, i) => at(300 + i / 1e6, l))
].join('\n');

function byRule(r: AnalysisResult, rule: string, title?: string) {
	const f = r.findings.find(
		(x) => x.rule === rule && (title === undefined || x.title.includes(title))
	);
	expect(f, rule).toBeDefined();
	return f!;
}

describe('cascades', () => {
	it('links a storage failure from the PCIe link up to the hung task, earliest cause first', async () => {
		const r = await analyzeText(STORAGE_FAILURE);
		const aer = byRule(r, 'hardware.pcie-aer');
		const timeout = byRule(r, 'storage.nvme-timeout');
		const io = byRule(r, 'storage.io-error', 'nvme0n1');
		const buffer = byRule(r, 'storage.buffer-io-error');
		const journal = byRule(r, 'filesystem.journal-aborted');
		const ro = byRule(r, 'filesystem.remount-read-only');
		const hung = byRule(r, 'crash.hung-task');
		expect(r.cascades.length).toBe(1);
		expect(r.cascades[0].chain).toEqual([
			aer.id,
			timeout.id,
			io.id,
			buffer.id,
			journal.id,
			ro.id,
			hung.id
		]);
		expect(r.cascades[0].description).toContain('→');
		expect(r.cascades[0].description).not.toContain('possibly');
		// one link per member after the first, each from its cause, all probable
		expect(r.cascades[0].links.map((l) => [l.cause, l.effect, l.certainty, l.reason])).toEqual([
			[aer.id, timeout.id, 'probable', null],
			[timeout.id, io.id, 'probable', null],
			[io.id, buffer.id, 'probable', null],
			[buffer.id, journal.id, 'probable', null],
			[journal.id, ro.id, 'probable', null],
			[ro.id, hung.id, 'probable', null]
		]);
		expect(r.summary.root_cause).toBe(aer.id);
		expect(timeout.related).toEqual([aer.id, io.id].sort());
		expect(hung.related).toEqual([ro.id]);
	});

	it('does not link findings about another disk or routine events', async () => {
		const r = await analyzeText(STORAGE_FAILURE);
		const other = byRule(r, 'storage.io-error', 'sdb');
		const usb = byRule(r, 'usb.disconnect');
		const bit = byRule(r, 'hardware.pcie-aer-bit');
		for (const f of [other, usb, bit]) {
			expect(f.related, f.title).toEqual([]);
			expect(r.cascades.flatMap((c) => c.chain)).not.toContain(f.id);
		}
	});

	it('does not link a cause that happened long before', async () => {
		const log = [
			at(100, 'nvme nvme0: I/O 407 QID 1 timeout, aborting'),
			at(
				5000,
				'I/O error, dev nvme0n1, sector 123456 op 0x1:(WRITE) flags 0x0 phys_seg 1 prio class 2'
			)
		].join('\n');
		const r = await analyzeText(log);
		expect(r.findings.length).toBe(2);
		expect(r.cascades).toEqual([]);
	});

	it('raises the severity of storms and marks them', async () => {
		const one = await analyzeText(at(1, 'usb 1-3: USB disconnect, device number 5'));
		expect(one.findings[0].severity).toBe('info');
		// plugged in again 2.5 s after each disconnect (a device back within 2 s re-enumerated)
		const lines = (gap: number) => {
			const out: string[] = [];
			for (let i = 0; i < 12; i++) {
				out.push(
					at(
						10 + i * (gap + 0.5),
						`usb 1-3: new full-speed USB device number ${i + 5} using xhci_hcd`
					)
				);
				out.push(at(10.5 + i * (gap + 0.5), `usb 1-3: USB disconnect, device number ${i + 5}`));
			}
			return out.join('\n');
		};
		const storm = await analyzeText(lines(2.5));
		const f = byRule(storm, 'usb.disconnect');
		expect(f.count).toBe(12);
		expect(f.severity).toBe('medium');
		expect(f.details.storm).toBe(true);
		expect(f.title).toBe('USB disconnects on port 1-3');
		// back 0.5 s after each: 11 re-enumerations, a storm of their own
		const flaps = (await analyzeText(lines(0.5))).findings.filter(
			(x) => x.rule === 'usb.disconnect'
		);
		expect(flaps.map((x) => [x.title, x.count, x.severity])).toEqual([
			['USB device on port 1-3 dropped off and came back at once (re-enumerated)', 11, 'medium'],
			['USB disconnects on port 1-3', 1, 'info']
		]);
	});
	it('explains the dev_watchdog WARNING by the transmit timeout it reports', async () => {
		const log = [
			at(1000, '------------[ cut here ]------------'),
			at(1000.000001, 'NETDEV WATCHDOG: enp3s0 (r8169): transmit queue 0 timed out'),
			at(
				1000.000002,
				'WARNING: CPU: 0 PID: 0 at net/sched/sch_generic.c:477 dev_watchdog+0x21f/0x230'
			),
			at(1000.000003, 'Modules linked in: r8169'),
			at(1000.000004, 'CPU: 0 PID: 0 Comm: swapper/0 Not tainted 5.10.0 #1'),
			at(1000.000005, 'RIP: 0010:dev_watchdog+0x21f/0x230'),
			at(1000.000006, 'Call Trace:'),
			at(1000.000007, ' <IRQ>'),
			at(1000.000008, ' call_timer_fn+0x29/0x100'),
			at(1000.000009, ' </IRQ>'),
			at(1000.00001, '---[ end trace 0123456789abcdef ]---')
		].join('\n');
		const r = await analyzeText(log);
		const tx = byRule(r, 'network.tx-timeout');
		const warn = r.findings.find((f) => f.category === 'crash');
		expect(warn?.title).toContain('dev_watchdog');
		expect(r.cascades.map((c) => c.chain)).toEqual([[tx.id, warn!.id]]);
		expect(r.summary.root_cause).toBe(tx.id);
	});
	it('links a failing SATA disk to the I/O and filesystem errors on it', async () => {
		const log = [
			at(50, 'ata1.00: exception Emask 0x0 SAct 0x1 SErr 0x0 action 0x0'),
			at(50.001, 'ata1.00: failed command: READ FPDMA QUEUED'),
			at(50.002, 'ata1.00: status: { DRDY ERR }'),
			at(50.003, 'ata1.00: error: { UNC }'),
			at(50.1, 'sd 0:0:0:0: [sda] tag#6 Sense Key : Medium Error [current] [descriptor]'),
			at(50.2, 'blk_update_request: I/O error, dev sda, sector 1445018928'),
			at(
				50.3,
				'EXT4-fs error (device sda1): ext4_find_entry:1455: inode #2: comm ls: reading directory lblock 0'
			)
		].join('\n');
		const r = await analyzeText(log);
		const unc = byRule(r, 'storage.ata-device-error');
		expect(unc.title).toBe('Uncorrectable media error on ata1.00');
		expect(unc.severity).toBe('high');
		const sense = byRule(r, 'storage.scsi-sense');
		const io = byRule(r, 'storage.io-error');
		const ext4 = byRule(r, 'filesystem.ext4-error');
		// the sense data names sda, like the I/O error: same device wins over the nearer ATA line
		expect(io.related).toContain(sense.id);
		expect(ext4.related).toEqual([io.id]);
		const chain = r.cascades.find((c) => c.chain.includes(ext4.id))!.chain;
		expect(chain.slice(-2)).toEqual([io.id, ext4.id]);
	});

	it('links a brcmfmac chip without its board file to the chip that then does not answer', async () => {
		// archlinux-for-z83-dmesg.log lines 1 and 46-47 (an Atom x5 mini PC with an SDIO
		// BCM43340): the generic NVRAM name is missing, then the chip's clock never comes up
		const lines = [
			'[    3.301149] brcmfmac mmc1:0001:1: Direct firmware load for brcm/brcmfmac43340-sdio.txt failed with error -2',
			'[    3.303306] r8169 0000:01:00.0 enp1s0: renamed from eth0',
			'[    6.307197] brcmfmac: brcmf_sdio_htclk: HT Avail timeout (1000000): clkctl 0x50',
			'[    7.322608] brcmfmac: brcmf_sdio_htclk: HT Avail timeout (1000000): clkctl 0x50',
			'[   40.000000] e1000e 0000:00:19.0 eth0: Detected Hardware Unit Hang:'
		];
		const r = await analyzeText(lines.join('\n'));
		const nvram = byRule(r, 'firmware.brcmfmac-nvram-missing');
		const chip = byRule(r, 'network.wifi-chip-not-answering');
		expect(r.cascades.map((c) => c.chain)).toEqual([[nvram.id, chip.id]]);
		// a wired NIC's hang (another network finding of the same stage) is not the board file's
		const hang = byRule(r, 'network.nic-hang');
		expect(hang.related).toEqual([]);
		// the hang is what the headline names, and nothing is linked to it: it is its own root cause
		expect([r.summary.primary_finding, r.summary.root_cause]).toEqual([hang.id, hang.id]);
		// without it, the headline names a finding of the chain, and the board file is the root cause
		const alone = await analyzeText(lines.slice(0, 4).join('\n'));
		expect(alone.summary.root_cause).toBe(byRule(alone, 'firmware.brcmfmac-nvram-missing').id);
	});

	it('links a sound DSP topology that was not set up to the sound card that then was not created', async () => {
		// intel-audio-sof-dyndbg-conf-log.log lines 1267-1276 (Tiger Lake, ES8336 codec; the
		// sof-dyndbg lines between them left out): the DSP refused a DAI's configuration
		const r = await analyzeText(
			[
				'[    5.519502] sof-audio-pci-intel-tgl 0000:00:1f.3: ipc tx error for 0x80010000 (msg/reply size: 216/12): -22',
				'[    5.519507] sof-audio-pci-intel-tgl 0000:00:1f.3: Failed to set dai config for dmic16k',
				'[    5.519756] sof-audio-pci-intel-tgl 0000:00:1f.3: error: tplg component load failed -22',
				'[    5.519761] sof-audio-pci-intel-tgl 0000:00:1f.3: error: failed to load DSP topology -22',
				'[    5.519763] sof-audio-pci-intel-tgl 0000:00:1f.3: ASoC: error at snd_soc_component_probe on 0000:00:1f.3: -22',
				'[    5.519782] sof-essx8336 sof-essx8336: ASoC: failed to instantiate card -22',
				'[    5.519865] sof-essx8336 sof-essx8336: snd_soc_register_card failed: -22',
				'[    5.519867] sof-essx8336: probe of sof-essx8336 failed with error -22'
			].join('\n')
		);
		const topology = byRule(r, 'hardware.sound-topology-failed');
		const card = byRule(r, 'hardware.sound-card-failed');
		// the driver's probe failure that follows is the card's effect (a failed probe linked to
		// the earlier finding naming the same driver and device)
		const probe = byRule(r, 'hardware.driver-probe-failed');
		expect(r.cascades.map((c) => [c.chain, c.description])).toEqual([
			[
				[topology.id, card.id, probe.id],
				'Sound DSP topology could not be set up on 0000:00:1f.3 (sof-audio-pci-intel-tgl) → Sound card sof-essx8336 could not be created → Driver sof-essx8336 could not start its device'
			]
		]);
		expect(r.cascades[0].links.map((l) => l.certainty)).toEqual(['probable', 'probable']);
		expect(r.summary.root_cause).toBe(topology.id);
	});
});
