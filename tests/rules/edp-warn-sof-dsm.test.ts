/**
 * Three lines of laptops with NVIDIA graphics that the report had left out or misread: i915's
 * panel-power WARN right after it gave up an eDP port no panel answered on (a cause and its
 * effect), SOF's `HDA Digital` device that the codec cannot back (`ASoC error (-22)`), and the
 * GPU drivers' `_DSM: Argument #4 type mismatch` warnings. Each is read from the real lines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeLines, findingsOf } from '../support/analyze.ts';

/**
 * fixtures/health/ms912x-victus.log (crazedr0m/ms912x `dmesg.log`, GPL-2.0; an HP Victus 15 with
 * an NVIDIA GPU on liquorix 6.15): line 981 `failed to retrieve link info, disabling eDP`, lines
 * 994-1066 the WARN 30 ms later, lines 1292-1341 the SOF opens
 */
const VICTUS = readFileSync(
	join(import.meta.dirname, '../../fixtures/health/ms912x-victus.log'),
	'utf8'
)
	.split('\n')
	.slice(0, -1);

/**
 * linux-crash-crash1-txt.log (trm109/linux-crash `crash1.txt`, no licence stated; an Arch
 * desktop's journal with NVIDIA's driver), lines 126-127
 */
const ARCH_NVIDIA = [
	'Apr 05 02:32:29 saikarch-p4 kernel: ACPI Warning: \\_SB.NPCF._DSM: Argument #4 type mismatch - Found [Buffer], ACPI requires [Package] (20221020/nsarguments-61)',
	'Apr 05 02:32:29 saikarch-p4 kernel: ACPI Warning: \\_SB.PCI0.GPP0.PEGP._DSM: Argument #4 type mismatch - Found [Buffer], ACPI requires [Package] (20221020/nsarguments-61)'
];

describe('i915’s panel-power WARN after it disabled the eDP port (HP Victus)', () => {
	it('links the disabled port to the WARN, low, and says why', async () => {
		const r = await analyzeLines(VICTUS);
		const edp = r.findings.find((f) => f.rule === 'gpu.i915-edp-disabled')!;
		const warn = r.findings.find((f) => f.rule === 'crash.warning')!;
		expect([edp.severity, edp.routine, edp.details.device, edp.details.encoder]).toEqual([
			'info',
			true,
			'0000:00:02.0',
			'DDI B/PHY B'
		]);
		expect(r.cascades.map((c) => c.chain)).toContainEqual([edp.id, warn.id]);
		expect(warn.severity).toBe('low');
		expect(warn.explanation.meaning).toContain(
			'Here it comes 30 ms after i915 disabled the eDP port'
		);
		expect(warn.explanation.next_steps[0]).toContain('Nothing to do if the screens work');
	});

	it('leaves the WARN medium and unlinked without the eDP line', async () => {
		const r = await analyzeLines(VICTUS.filter((l) => !l.includes('disabling eDP')));
		const warn = r.findings.find((f) => f.rule === 'crash.warning')!;
		expect([warn.severity, warn.related]).toEqual(['medium', []]);
		expect(warn.explanation.meaning).not.toContain('eDP');
	});

	it('does not link the eDP port of another GPU', async () => {
		const other = VICTUS.map((l) =>
			l.includes('disabling eDP') ? l.replace('i915 0000:00:02.0', 'i915 0000:03:00.0') : l
		);
		const warn = (await findingsOf(other)).find((f) => f.rule === 'crash.warning')!;
		expect([warn.severity, warn.related]).toEqual(['medium', []]);
	});
});

describe('SOF’s HDA Digital device of a codec without a digital output (HP Victus)', () => {
	it('is one routine finding of the four opens, with the ASoC lines as its evidence', async () => {
		const f = (await findingsOf(VICTUS)).filter((x) => x.rule === 'hardware.sof-hda-dai-absent');
		expect(f).toHaveLength(1);
		expect([f[0].severity, f[0].routine, f[0].count, f[0].details.dai]).toEqual([
			'info',
			true,
			4,
			'Digital Codec DAI'
		]);
		expect(f[0].evidence.map((e) => e.line)).toEqual([1292, 1293, 1294, 1295, 1296]);
		expect(f[0].details.failed_at).toEqual([
			'snd_soc_dai_startup',
			'__soc_pcm_open',
			'dpcm_be_dai_startup',
			'dpcm_fe_dai_startup'
		]);
		expect(f[0].explanation.meaning).toContain(
			'The speakers, headphones and HDMI outputs are not affected'
		);
	});
});

describe('a GPU driver’s _DSM argument warnings', () => {
	it('are one routine finding per boot, each method named (Arch, NVIDIA)', async () => {
		const f = (await findingsOf(ARCH_NVIDIA)).filter(
			(x) => x.rule === 'firmware.acpi-dsm-argument-type'
		);
		expect(f).toHaveLength(1);
		expect([f[0].severity, f[0].routine, f[0].count, f[0].details.devices]).toEqual([
			'info',
			true,
			1,
			['\\_SB.NPCF', '\\_SB.PCI0.GPP0.PEGP']
		]);
		expect(f[0].evidence.map((e) => e.line)).toEqual([1, 2]);
		expect(f[0].explanation.next_steps[0]).toBe('Nothing to do: the method ran.');
	});
});
