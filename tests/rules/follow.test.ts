/**
 * Follow-up messages (LineRule.follow) through the whole pipeline: libata's failed commands and
 * the SCSI additional sense join the finding of the message they follow.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { FOLLOW_LIST_MAX } from '../../src/lib/analysis/engine.ts';

const RES = '         res 41/40:00:a8:6b:9d/00:00:2e:00:00/40 Emask 0x409 (media error) <F>';

const ATA_BLOCK = (ts: number, device: string, commands: string[]) => [
	`[${ts.toFixed(6)}] ${device}: exception Emask 0x0 SAct 0x7 SErr 0x0 action 0x0`,
	`[${ts.toFixed(6)}] ${device}: irq_stat 0x40000008`,
	...commands.flatMap((c, tag) => [
		`[${ts.toFixed(6)}] ${device}: failed command: ${c}`,
		`[${ts.toFixed(6)}] ${device}: cmd 60/08:${String(tag).padStart(2, '0')}:a8:6b:9d/00:00:2e:00:00/40 tag ${tag} ncq dma 4096 in`,
		`[${ts.toFixed(6)}]          res 41/40:00:a8:6b:9d/00:00:2e:00:00/40 Emask 0x409 (media error) <F>`
	]),
	`[${ts.toFixed(6)}] ${device}: status: { DRDY ERR }`,
	`[${ts.toFixed(6)}] ${device}: error: { UNC }`
];

describe('follow-up messages', () => {
	it('gathers the failed commands and their errors into the ATA exception, each once', async () => {
		const lines = ATA_BLOCK(100, 'ata1.00', [
			'READ FPDMA QUEUED',
			'READ FPDMA QUEUED',
			'WRITE FPDMA QUEUED'
		]);
		const r = await analyzeText(lines.join('\n') + '\n');
		const f = r.findings.find((x) => x.rule === 'storage.ata-exception')!;
		expect(f.details.failed_commands).toEqual(['READ FPDMA QUEUED', 'WRITE FPDMA QUEUED']);
		expect(f.details.command_errors).toEqual(['media error']);
		expect([f.first_line, f.last_line]).toEqual([1, 11]);
		expect(f.evidence.map((e) => e.line)).toEqual([1, 3, 5, 6, 8, 9, 11]);
		// the device error bits stay a finding of their own
		expect(r.findings.map((x) => x.rule)).toContain('storage.ata-device-error');
	});

	it('keeps a list to its cap, and takes nothing from another device', async () => {
		const many = Array.from({ length: FOLLOW_LIST_MAX + 4 }, (_, k) => `READ LOG DMA EXT ${k}`);
		const lines = [
			...ATA_BLOCK(100, 'ata1.00', many),
			'[ 100.000001] ata2.00: failed command: FLUSH CACHE EXT'
		];
		const r = await analyzeText(lines.join('\n') + '\n');
		const f = r.findings.find((x) => x.rule === 'storage.ata-exception')!;
		expect(f.details.failed_commands).toEqual(many.slice(0, FOLLOW_LIST_MAX));
		expect(f.details.failed_commands).not.toContain('FLUSH CACHE EXT');
		// the last follow-up is the last command's res line
		expect(f.last_line).toBe(2 + many.length * 3);
	});

	it('keeps the first occurrence’s facts and extends every occurrence’s range', async () => {
		const lines = [
			'[  10.000000] sd 0:0:0:0: [sda] tag#6 Sense Key : Medium Error [current]',
			'[  10.000001] sd 0:0:0:0: [sda] tag#6 Add. Sense: Unrecovered read error - auto reallocate failed',
			'[  10.000002] sd 0:0:0:0: [sda] tag#6 CDB: Read(10) 28 00 2e 9d 6b a8 00 00 08 00',
			'[  20.000000] sd 0:0:0:0: [sda] tag#1 Sense Key : Medium Error [current]',
			'[  20.000001] sd 0:0:0:0: [sda] tag#1 Add. Sense: Unrecovered write error',
			'[  20.000002] sd 0:0:0:0: [sda] tag#1 CDB: Write(10) 2a 00 2e 9d 6b a8 00 00 08 00'
		];
		const r = await analyzeText(lines.join('\n') + '\n');
		const f = r.findings.find((x) => x.rule === 'storage.scsi-sense')!;
		expect(f.count).toBe(2);
		expect(f.details.additional_sense).toBe('Unrecovered read error - auto reallocate failed');
		expect(f.details.command).toBe('Read(10)');
		expect(f.occurrences.map((o) => [o.first_line, o.last_line])).toEqual([
			[1, 3],
			[4, 6]
		]);
	});

	it('does not give a port the lines of another port whose report it interrupted', async () => {
		const lines = [
			'[ 100.000000] ata1.00: exception Emask 0x0 SAct 0x0 SErr 0x0 action 0x0',
			'[ 100.000001] ata2.00: exception Emask 0x0 SAct 0x0 SErr 0x0 action 0x0',
			'[ 100.000002] ata1.00: failed command: READ DMA EXT',
			'[ 100.000003] ata1.00: cmd 25/00:08:a8:6b:9d/00:00:2e:00:00/e0 tag 0 dma 4096 in',
			`[ 100.000004] ${RES}`
		];
		const r = await analyzeText(lines.join('\n') + '\n');
		const ata2 = r.findings.find((x) => x.title === 'ATA command errors on ata2.00')!;
		expect(ata2.details).not.toHaveProperty('failed_commands');
		expect(ata2.details).not.toHaveProperty('command_errors');
		expect(ata2.last_line).toBe(2);
	});

	it('gives nothing to an earlier finding when a message was not kept (limit of findings)', async () => {
		// 2,001 distinct exceptions: the last is dropped, and the res line after it must not join
		// the 2,000th
		const lines = Array.from(
			{ length: 2001 },
			(_, i) => `[ 100.000000] ata${i + 1}.00: exception Emask 0x0 SAct 0x0 SErr 0x0 action 0x0`
		);
		lines.push(`[ 100.000000] ${RES}`);
		const r = await analyzeText(lines.join('\n') + '\n');
		expect(r.input.warnings.join(' ')).toContain('not kept');
		const last = r.findings.find((x) => x.title === 'ATA command errors on ata2000.00')!;
		expect(last.details).not.toHaveProperty('command_errors');
		expect(last.last_line).toBe(2000);
	});

	it('does not cross a boot', async () => {
		const lines = [
			'[ 100.000000] ata1.00: exception Emask 0x0 SAct 0x0 SErr 0x0 action 0x0',
			'[    0.000000] Linux version 6.8.0 (builder@host) #1 SMP',
			'[    0.100000] ata1.00: failed command: READ DMA EXT'
		];
		const r = await analyzeText(lines.join('\n') + '\n');
		const f = r.findings.find((x) => x.rule === 'storage.ata-exception')!;
		expect(f.details).not.toHaveProperty('failed_commands');
		expect(f.last_line).toBe(1);
	});
});

/**
 * Messages that resolve what a held rule message means (LineRule.resolve): a USB controller that
 * "died" and is removed at once was unplugged (a Thunderbolt dock), not broken.
 */
describe('resolving messages', () => {
	// a journal excerpt of a laptop whose Thunderbolt controller's xHCI went away (real log)
	const UNPLUG = [
		'Dec 10 19:45:52 x1c kernel: sdb: detected capacity change from 120164352 to 0',
		'Dec 10 19:45:54 x1c kernel: xhci_hcd 0000:3b:00.0: xHCI host controller not responding, assume dead',
		'Dec 10 19:45:54 x1c kernel: xhci_hcd 0000:3b:00.0: HC died; cleaning up',
		'Dec 10 19:45:54 x1c tlp[27114]: Error: tlp.service is not enabled',
		'Dec 10 19:45:54 x1c kernel: xhci_hcd 0000:3b:00.0: remove, state 1',
		'Dec 10 19:45:54 x1c kernel: usb usb4: USB disconnect, device number 1',
		'Dec 10 19:45:55 x1c kernel: xhci_hcd 0000:3b:00.0: USB bus 4 deregistered',
		'Dec 10 19:45:55 x1c kernel: xhci_hcd 0000:3b:00.0: Host halt failed, -19'
	];

	it('reports a controller removed just after it died as removed (low), not dead', async () => {
		const r = await analyzeText(UNPLUG.join('\n') + '\n');
		const usb = r.findings.filter((x) => x.rule === 'usb.host-controller-died');
		expect(usb.map((f) => [f.title, f.severity, f.first_line, f.last_line])).toEqual([
			['USB host controller 0000:3b:00.0 stopped responding and was removed', 'low', 3, 5]
		]);
		expect(usb[0].details.device).toBe('0000:3b:00.0');
		expect(r.findings.some((f) => f.severity === 'critical')).toBe(false);
	});

	it('keeps a controller that died and stayed (or another one was removed) critical', async () => {
		const other = UNPLUG.map((l) =>
			l.includes('remove, state') ? l.replace('0000:3b:00.0', '0000:00:14.0') : l
		);
		for (const lines of [UNPLUG.filter((l) => !l.includes('remove, state')), other]) {
			const r = await analyzeText(lines.join('\n') + '\n');
			const usb = r.findings.filter((x) => x.rule === 'usb.host-controller-died');
			expect(usb.map((f) => [f.title, f.severity, f.first_line, f.last_line])).toEqual([
				['USB host controller 0000:3b:00.0 died', 'critical', 3, 3]
			]);
		}
	});

	it('releases a held message at the end of the input and at a new boot', async () => {
		const end = await analyzeText('[ 5.000000] xhci_hcd 0000:00:14.0: HC died; cleaning up\n');
		expect(end.findings.map((f) => [f.title, f.severity])).toEqual([
			['USB host controller 0000:00:14.0 died', 'critical']
		]);
		const boot = await analyzeText(
			[
				'[ 5.000000] xhci_hcd 0000:00:14.0: HC died; cleaning up',
				'[ 0.000000] Linux version 6.8.0 (builder@host) #1 SMP',
				'[ 0.100000] xhci_hcd 0000:00:14.0: remove, state 1'
			].join('\n') + '\n'
		);
		const usb = boot.findings.filter((x) => x.rule === 'usb.host-controller-died');
		expect(usb.map((f) => [f.severity, f.boots])).toEqual([['critical', [0]]]);
	});
});
