import type { LineRule } from './types.ts';
import { errnoName } from './util.ts';

/**
 * sound/soc/soc-core.c snd_soc_bind_card(): `sof-essx8336 sof-essx8336: ASoC: failed to instantiate
 * card -22` — the sound card was not created, so the machine has no audio device.
 */
export const soundCardFailed: LineRule = {
	id: 'hardware.sound-card-failed',
	category: 'hardware',
	severity: 'medium',
	triggers: ['failed to instantiate card'],
	// -517 (EPROBE_DEFER): the card is retried when its parts are there, not a failure
	pattern: /^(?:(\S+) (\S+): )?ASoC: failed to instantiate card (-(?!517\b)\d+)/,
	title: (m) =>
		m[2] ? `Sound card ${m[2]} could not be created` : 'Sound card could not be created',
	details: (m) => ({ driver: m[1] ?? null, device: m[2] ?? null, error: errnoName(m[3]) }),
	examples: [
		'sof-essx8336 sof-essx8336: ASoC: failed to instantiate card -22',
		'bytcr_rt5640 bytcr_rt5640: ASoC: failed to instantiate card -12'
	],
	negatives: [
		'sof-audio-pci-intel-tgl 0000:00:1f.3: Topology: ABI 3:22:1 Kernel ABI 3:23:0',
		'bytcr_rt5640 bytcr_rt5640: ASoC: failed to instantiate card -517'
	],
	explanation: {
		meaning:
			'The sound driver could not assemble the sound card (its codec, DSP and machine driver did not come up together), so this machine has no working audio device in this boot. Messages just before it (DSP topology, firmware, IPC errors) say which part failed.',
		causes: [
			{
				kind: 'firmware',
				text: 'Missing or mismatched sound DSP firmware or topology files (sof-firmware, alsa-ucm).'
			},
			{
				kind: 'driver',
				text: 'A machine driver that does not support this board’s codec or wiring yet (common on new laptops).'
			}
		],
		next_steps: [
			'Install or update the sound firmware package (`sof-firmware` / `firmware-sof-signed`, `alsa-ucm-conf`) and the kernel.',
			'Look at the errors just before this line for the failing part, and search them with the laptop model: a quirk or a kernel parameter (e.g. `snd_intel_dspcfg.dsp_driver=1`) is often known.'
		],
		references: ['https://thesofproject.github.io/latest/getting_started/index.html']
	}
};
