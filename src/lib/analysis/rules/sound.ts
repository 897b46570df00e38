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

/**
 * Sound Open Firmware (sound/soc/sof/pcm.c sof_pcm_probe, topology.c): `sof-audio-pci-intel-tgl
 * 0000:00:1f.3: error: failed to load DSP topology -22` (`failed to load DSP topology -22` in
 * newer kernels) — the DSP's topology (its audio pipelines, from a .tplg file) was not set up, so
 * the sound card built on it cannot be created (`ASoC: failed to instantiate card` just after).
 * In the real log (intel-audio sof-dyndbg.conf-log, Tiger Lake with an ES8336 codec) the firmware
 * and the topology file loaded; the DSP rejected the configuration of one DAI (`Failed to set dai
 * config for dmic16k` after `ipc tx error ... -22`), and the topology load stopped there.
 */
export const soundTopologyFailed: LineRule = {
	id: 'hardware.sound-topology-failed',
	category: 'hardware',
	severity: 'medium',
	triggers: ['failed to load DSP topology'],
	pattern: /^(\S+) (\S+): (?:error: )?failed to load DSP topology (-\d+)/,
	title: (m) => `Sound DSP topology could not be set up on ${m[2]} (${m[1]})`,
	details: (m) => ({ driver: m[1], device: m[2], error: errnoName(m[3]) }),
	/*
	 * sound/soc/sof/ipc3-topology.c: `sof-audio-pci-intel-tgl 0000:00:1f.3: Failed to set dai
	 * config for dmic16k` — the DSP firmware refused one DAI's settings from the topology
	 */
	context: {
		trigger: 'Failed to set dai config for ',
		pattern: /^\S+ (\S+): Failed to set dai config for (\S+)/,
		details: (m) => ({ device: m[1], dai: m[2] }),
		within: 10,
		sameDevice: true,
		examples: ['sof-audio-pci-intel-tgl 0000:00:1f.3: Failed to set dai config for dmic16k']
	},
	examples: [
		// intel-audio-sof-dyndbg-conf-log.log line 1272
		'sof-audio-pci-intel-tgl 0000:00:1f.3: error: failed to load DSP topology -22',
		'sof-audio-pci-intel-tgl 0000:00:1f.3: failed to load DSP topology -2'
	],
	negatives: [
		'sof-audio-pci-intel-tgl 0000:00:1f.3: Topology: ABI 3:22:1 Kernel ABI 3:23:0',
		'sof-audio-pci-intel-tgl 0000:00:1f.3: error: tplg component load failed -22'
	],
	explanation: {
		meaning:
			'The Intel sound DSP driver (Sound Open Firmware, SOF) could not set up the DSP’s topology: the description of its audio pipelines, loaded from a .tplg file and sent to the DSP firmware piece by piece. Without it the sound card built on the DSP cannot be created, so speakers, headphones and the built-in microphones do not work in this boot (the card’s own finding follows it). The lines just before it say which piece failed: a missing topology file (-2, ENOENT), or the DSP firmware refusing a setting (-22, EINVAL), such as the configuration of a DAI, the link to a codec or a digital microphone (`dai` in the facts).',
		causes: [
			{
				kind: 'firmware',
				text: 'A topology file that does not fit the DSP firmware (sof-firmware files from different releases, or a firmware older than the topology) or this board (digital microphones or SSP port settings chosen by the machine driver that the hardware does not have).'
			},
			{
				kind: 'configuration',
				text: 'The sof-firmware package (firmware and topologies) missing or outdated for this kernel.'
			},
			{
				kind: 'driver',
				text: 'A machine driver whose board quirks are wrong for this laptop (common with the ES8336 codec: which SSP port, whether there are digital microphones).'
			}
		],
		next_steps: [
			'Read the lines just before it (`journalctl -k -b | grep -i sof`): which topology file was loaded and which DAI or component failed.',
			'Update sof-firmware (`sof-firmware` / `firmware-sof-signed`, firmware and topologies from one release) and the kernel; `dmesg | grep -i topology` shows the file in use.',
			'If it still fails, search the failing DAI with the laptop model in the SOF project’s issues: a machine-driver quirk (for ES8336 boards, the `quirk` option of snd_soc_sof_es8336) or a kernel parameter is often known.'
		],
		references: ['https://thesofproject.github.io/latest/getting_started/index.html']
	}
};
