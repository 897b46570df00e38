import type { Explanation } from '../../models/finding.ts';
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
		// the DAI's line is the evidence of what failed (the finding had named it in its facts only)
		evidence: true,
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

const HDA_REFS = [
	'https://docs.kernel.org/sound/hd-audio/notes.html',
	'https://docs.kernel.org/sound/alsa-configuration.html'
];

/**
 * sound/soc/codecs/hdac_hda.c hdac_hda_dai_open(): SOF's HDA machine driver gives every HD-audio
 * codec an `HDA Digital` device (the codec's `Digital Codec DAI`), and a codec with no digital
 * (S/PDIF) output has no PCM for it: a program that opens the device gets -EINVAL, which the ASoC
 * core passes up as `ASoC error (-22)` lines (snd_soc_dai_startup, __soc_pcm_open,
 * dpcm_be_dai_startup, dpcm_fe_dai_startup). Sound servers open every device as they start:
 * ms912x-dmesg-log.log (an HP Victus with a Realtek codec on SOF, 6.15), twice at 9.5 s and twice
 * at 18.3 s, each open's four ASoC lines after it. The `Alt Analog Codec DAI` of a codec without a
 * second analog output is the same; a missing `Analog Codec DAI` is not routine (no sound).
 */
export const sofHdaDigitalMissing: LineRule = {
	id: 'hardware.sof-hda-dai-absent',
	category: 'hardware',
	severity: 'info',
	routine: true,
	triggers: ["didn't find PCM for DAI"],
	pattern:
		/^(\S+) (\S+): snd_soc_find_pcm_from_dai: didn't find PCM for DAI (Digital|Alt Analog) Codec DAI$/,
	title: (m) =>
		m[3] === 'Digital'
			? 'Sound: the codec has no digital (S/PDIF) output for the “HDA Digital” device, which a program opened'
			: 'Sound: the codec has no second analog output for the “Alt Analog” device, which a program opened',
	details: (m) => ({ driver: m[1], device: m[2], dai: `${m[3]} Codec DAI` }),
	// the ASoC core's lines of the same failed open, right after it
	follow: [
		{
			trigger: 'ASoC error (-22)',
			pattern:
				/ASoC error \(-22\): at (snd_soc_dai_startup(?=\(\) on (?:Digital|Alt Analog) Codec DAI$)|__soc_pcm_open|dpcm_[bf]e_dai_startup)\(\) on .+$/,
			// the functions the refusal was passed up through
			details: (m) => ({ failed_at: [m[1]] }),
			within: 4,
			claims: true,
			examples: [
				'snd_hda_codec_realtek ehdaudio0D0: ASoC error (-22): at snd_soc_dai_startup() on Digital Codec DAI',
				'Digital Playback and Capture: ASoC error (-22): at __soc_pcm_open() on Digital Playback and Capture',
				'HDA Digital: ASoC error (-22): at dpcm_be_dai_startup() on HDA Digital',
				'HDA Digital: ASoC error (-22): at dpcm_fe_dai_startup() on HDA Digital'
			]
		}
	],
	examples: [
		// ms912x-dmesg-log.log (HP Victus 15-fa0xxx, 6.15.8-liquorix)
		"snd_hda_codec_realtek ehdaudio0D0: snd_soc_find_pcm_from_dai: didn't find PCM for DAI Digital Codec DAI"
	],
	negatives: [
		"snd_hda_codec_realtek ehdaudio0D0: snd_soc_find_pcm_from_dai: didn't find PCM for DAI Analog Codec DAI",
		'snd_hda_codec_realtek ehdaudio0D0: ASoC error (-22): at snd_soc_dai_startup() on Digital Codec DAI'
	],
	explanation: {
		meaning:
			'A program opened a sound device that the audio codec cannot back, and the open was refused (-22, EINVAL); the `ASoC error (-22)` lines after it are the same refusal passed up through the sound core. On Intel laptops whose sound goes through the SOF driver, every HD-audio codec gets an “HDA Digital” device (and an “Alt Analog” one) whether or not the codec has that output; this codec has none, so the device exists but cannot be opened. Sound servers (PipeWire, PulseAudio) open each device as they start, once per start: at boot, at login. The speakers, headphones and HDMI outputs are not affected, and nothing is wrong with the hardware.',
		causes: [
			{
				kind: 'driver',
				text: 'SOF’s HDA machine driver creates the codec’s digital (or second analog) device for every codec; this codec has no such output.'
			}
		],
		next_steps: [
			'Nothing to do if sound works: the line comes each time a sound server starts.',
			'If sound does not work, look at the other sound findings (the SOF firmware or topology, the codec): this line is not the reason.'
		],
		references: ['https://thesofproject.github.io/latest/getting_started/index.html']
	}
};

/**
 * sound/pci/hda/hda_controller.c azx_rirb_get_response(): the controller got no answer from a
 * codec in time and falls back step by step: `snd_hda_intel 0000:00:1f.3: azx_get_response
 * timeout, switching to polling mode: last cmd=0x20270503`, then `No response from codec,
 * disabling MSI: last cmd=…` (both warnings: the driver carries on), then `No response from codec,
 * resetting bus: last cmd=…` and `azx_get_response timeout, switching to single_cmd mode: last
 * cmd=…` (errors: the codec no longer answers at all). Kernels before 3.15 print `hda_intel:` or
 * `hda-intel:` instead of the device. The first hex digit of the 32-bit command is the codec's
 * address (`codec_address`). Written from the kernel's format strings: no corpus log has them.
 */
export const hdaCodecTimeout: LineRule = {
	id: 'hardware.hda-codec-timeout',
	category: 'hardware',
	severity: 'low',
	triggers: ['azx_get_response timeout', 'No response from codec'],
	pattern:
		/^(?:(\S+) (\S+)|hda[-_]intel): (?:azx_get_response timeout, switching to (polling|single_cmd) mode|No response from codec, (disabling MSI|resetting bus))(?:: last cmd=0x([0-9a-f])([0-9a-f]{7}))?/,
	title: (m) => {
		const on = m[2] ? ` on ${m[2]}` : '';
		return m[3] === 'single_cmd' || m[4] === 'resetting bus'
			? `HD-Audio codec stopped answering${on}`
			: `HD-Audio codec answered too late${on}: the driver switched to a fallback mode`;
	},
	severityOf: (m) => (m[3] === 'single_cmd' || m[4] === 'resetting bus' ? 'medium' : 'low'),
	details: (m) => ({
		driver: m[1] ?? null,
		device: m[2] ?? null,
		fallback: m[3] ? `${m[3]} mode` : m[4],
		codec_address: m[5] ? parseInt(m[5], 16) : null,
		last_cmd: m[5] ? `0x${m[5]}${m[6]}` : null
	}),
	storm: { count: 20, severity: 'medium' },
	examples: [
		'snd_hda_intel 0000:00:1f.3: azx_get_response timeout, switching to polling mode: last cmd=0x20270503',
		'snd_hda_intel 0000:00:1f.3: No response from codec, disabling MSI: last cmd=0x20270503',
		'snd_hda_intel 0000:00:1f.3: No response from codec, resetting bus: last cmd=0x20270503',
		'snd_hda_intel 0000:00:1b.0: azx_get_response timeout, switching to single_cmd mode: last cmd=0x000f0000',
		'hda_intel: azx_get_response timeout, switching to polling mode: last cmd=0x000f0000'
	],
	negatives: [
		'snd_hda_intel 0000:05:00.6: no codecs found!',
		'snd_hda_intel 0000:00:1f.3: spurious response 0x0:0x0, last cmd=0x20270503'
	],
	explanation: {
		meaning:
			'The HD-Audio controller sent a command to a codec (the chip behind the speakers, headphone jack and microphones, or a graphics card’s HDMI/DisplayPort audio) and got no answer in time. The driver falls back step by step: polling instead of waiting for an interrupt, then no MSI; sound usually keeps working, if slower to react. "resetting bus" and "single_cmd mode" are the last steps: the codec no longer answers at all and sound from it is gone until a reboot. `codec_address` is the codec the command was for (0 is usually the built-in analog codec, 2 or 3 the HDMI audio of an Intel GPU).',
		causes: [
			{
				kind: 'driver',
				text: 'The codec was powered down by HD-Audio power saving or runtime PM and did not wake (often after resume or when idle).'
			},
			{
				kind: 'firmware',
				text: 'A BIOS that leaves a codec slot announced but empty or powered off (the HDMI codec of a disabled GPU), or that wires the interrupt wrong.'
			},
			{
				kind: 'hardware',
				text: 'A codec or HDMI audio function that hangs (seen with some discrete GPUs and docks).'
			}
		],
		next_steps: [
			'Check whether sound works (`aplay -l`, play a sound); one polling-mode switch at boot with working sound needs nothing.',
			'If it comes at resume or after idle, test with `snd_hda_intel.power_save=0` on the kernel command line.',
			'If the codec is one you do not use (the HDMI audio at address 2 or 3), `snd_hda_intel.probe_mask=1` probes only codec 0; if interrupts are the trouble, `snd_hda_intel.enable_msi=0`.',
			'Update the BIOS and the kernel; report it to alsa-devel with `alsa-info.sh` output if sound is lost.'
		],
		references: HDA_REFS
	}
};

const SOF_FIRMWARE_MISSING: Explanation = {
	meaning:
		'The sound driver for this controller’s DSP (Sound Open Firmware) could not find its firmware or topology file, so the sound card built on the DSP is not created: the built-in speakers, headphone jack and digital microphones do not work in this boot. Laptops with digital microphones (most since 2019) need this firmware; their sound does not work without it.',
	causes: [
		{
			kind: 'configuration',
			text: 'The sof-firmware package is not installed, or is too old for this machine (the file named in `firmware` or in the `Direct firmware load` line just before).'
		},
		{
			kind: 'configuration',
			text: 'The firmware is installed but not in the initramfs while the driver loads from it.'
		}
	],
	next_steps: [
		'Install the sof-firmware package (`sof-firmware` on Arch and Fedora, `firmware-sof-signed` on Debian/Ubuntu) and, for the configuration, `alsa-ucm-conf`; then rebuild the initramfs and reboot.',
		'If it is installed, check that the file the driver asked for exists under /lib/firmware/intel/ (`sof`, `sof-ipc4`, `sof-tplg`); a newer package may be needed for a new laptop.'
	],
	references: ['https://thesofproject.github.io/latest/getting_started/index.html']
};

/**
 * Sound Open Firmware (sound/soc/sof/core.c, loader.c): the DSP of an Intel (or AMD, MediaTek)
 * sound controller got no firmware or did not start it. `sof-audio-pci-intel-tgl 0000:00:1f.3:
 * error: failed to load DSP firmware -2` (a missing file; 5.x also `error: request firmware
 * intel/sof/sof-tgl.ri failed err: -2`), `SOF firmware and/or topology file not found.` (6.x),
 * `error: firmware boot failure` and `error: failed to boot DSP firmware -5` (the DSP did not start
 * the firmware). Newer kernels drop the `error: ` prefix. Written from the kernel's format
 * strings: the corpus has only SOF boots that succeeded (`firmware boot complete`).
 */
export const sofFirmwareFailed: LineRule = {
	id: 'hardware.sound-firmware-failed',
	category: 'hardware',
	severity: 'medium',
	triggers: [
		' DSP firmware ',
		'firmware boot failure',
		'topology file not found',
		'request firmware '
	],
	pattern:
		/^(sof-\S+|snd_sof\S*) (\S+): (?:error: )?(?:(failed to load DSP firmware|SOF firmware and\/or topology file not found|request firmware (\S+) failed)|(failed to boot DSP firmware|[Ff]irmware boot failure))(?: err:)? ?(-\d+)?/,
	title: (m) =>
		m[3]
			? `Sound DSP firmware missing on ${m[2]}: no internal audio`
			: `Sound DSP firmware did not start on ${m[2]}: no internal audio`,
	details: (m) => ({
		driver: m[1],
		device: m[2],
		firmware: m[4] ?? null,
		error: m[6] ? errnoName(m[6]) : null
	}),
	explanationOf: (m) => (m[3] ? SOF_FIRMWARE_MISSING : undefined),
	examples: [
		'sof-audio-pci-intel-tgl 0000:00:1f.3: error: failed to boot DSP firmware -5',
		'sof-audio-pci-intel-tgl 0000:00:1f.3: error: firmware boot failure',
		'sof-audio-pci-intel-cnl 0000:00:1f.3: failed to boot DSP firmware -110',
		'sof-audio-pci-intel-tgl 0000:00:1f.3: error: failed to load DSP firmware -2',
		'sof-audio-pci-intel-tgl 0000:00:1f.3: error: request firmware intel/sof/sof-tgl.ri failed err: -2',
		'sof-audio-pci-intel-mtl 0000:00:1f.3: SOF firmware and/or topology file not found.'
	],
	negatives: [
		// intel-audio-dmesg-log.log: a boot that worked
		'sof-audio-pci-intel-cnl 0000:00:1f.3: firmware boot complete',
		'sof-audio-pci-intel-cnl 0000:00:1f.3: booting DSP firmware'
	],
	explanation: {
		meaning:
			'The sound controller’s DSP was given its firmware but did not start it, so the sound card built on the DSP is not created: the built-in speakers, headphone jack and digital microphones do not work in this boot (HDMI audio may). The driver dumps the DSP’s registers just after this line; those matter only to developers.',
		causes: [
			{
				kind: 'firmware',
				text: 'A DSP firmware file that does not fit this kernel or this machine (sof-firmware older or newer than the kernel expects, or a signed-key mismatch on some laptops).'
			},
			{
				kind: 'hardware',
				text: 'The DSP left in a bad state by the previous boot, another OS or a suspend (a full power-off usually clears it).'
			},
			{
				kind: 'driver',
				text: 'A driver bug for this platform, often fixed in newer kernels.'
			}
		],
		next_steps: [
			'Shut the machine down completely (not a reboot) and start it again; if audio comes back, it was the DSP’s state.',
			'Update the sof-firmware package (`sof-firmware` / `firmware-sof-signed`) and the kernel together.',
			'To get sound meanwhile, `snd_intel_dspcfg.dsp_driver=1` uses the legacy HD-Audio driver instead of the DSP (built-in digital microphones will not work with it); report the failure to the SOF project with this log.'
		],
		references: ['https://thesofproject.github.io/latest/getting_started/index.html']
	}
};
