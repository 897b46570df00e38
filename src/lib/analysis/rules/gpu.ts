import type { Explanation, Severity } from '../../models/finding.ts';
import type { LineRule } from './types.ts';
import { errnoName } from './util.ts';

/**
 * the step that updates a GPU's software, said for its driver: an AMD or Intel GPU's finding had
 * been told to update `Mesa (or the NVIDIA driver)`
 */
const GPU_UPDATE = {
	any: 'Update the kernel, Mesa (or the NVIDIA driver) and the GPU firmware package (linux-firmware).',
	amdgpu:
		'Update the kernel, Mesa (or AMDVLK/ROCm, if the program uses them) and linux-firmware, which has the GPU’s firmware (`amdgpu/`).',
	i915: 'Update the kernel, Mesa and linux-firmware, which has the GPU’s GuC and HuC firmware (`i915/`).',
	nouveau:
		'Update the kernel, Mesa and linux-firmware, which has the firmware nouveau loads (`nvidia/`); the proprietary NVIDIA driver is the other choice for this GPU.'
};

/**
 * the step that says where the log names the program whose GPU work failed, said for each rule
 * (the step had said `named in the line or details` of every GPU finding, and an AMD GPU reset's
 * facts name none: the ring timeout before it does)
 */
const PROGRAM_STEP = {
	any: 'Note what was running when it happened (a game, a video, a browser, a docking station plugged in) and whether it comes back with it.',
	i915Hang:
		'Each `GPU HANG` line names the program whose GPU work hung (`process` and `pid` in the facts are the first hang’s; `processes` lists the programs of all of them, each one’s first line in the evidence): note whether the hangs come back with one program, or one version of it.',
	i915Reset:
		'The `GPU HANG: ecode …, in PROGRAM [PID]` line near the reset, when the log has one, names the program whose work hung: note whether the reset comes back with it.',
	amdgpuTimeout:
		'The program whose job hung is `process` in the facts (the `Process information` line after the timeout; kernels before 5.x do not print it): note whether the hang comes back with that program, or one version of it.',
	amdgpuReset:
		'The ring timeout or page fault before the reset names the program whose work hung (its `process`): note whether the hang comes back with that program.',
	amdgpuFault:
		'The program is `process` in the facts when the line names it (`for process …`): note whether the fault comes back with that program.',
	nouveau:
		'A killed or faulting channel names its program in brackets in the message (`Xorg[1234]`): note whether the fault comes back with that program.'
};

const gpuExplanation = (
	meaning: string,
	refs: string[],
	update: string = GPU_UPDATE.any,
	program: string = PROGRAM_STEP.any
): Explanation => ({
	meaning,
	causes: [
		{
			kind: 'driver',
			text: 'A GPU driver or firmware bug triggered by a particular program, game or desktop compositor.'
		},
		{
			kind: 'userspace',
			text: 'A program (or its Mesa/Vulkan/CUDA stack) sent invalid or endless work to the GPU.'
		},
		{
			kind: 'hardware',
			text: 'An unstable or overheating GPU, overclocking, or insufficient power; rarely failing video memory.'
		}
	],
	next_steps: [
		program,
		update,
		'Remove GPU overclocks/undervolts, check temperatures and the power supply; test another kernel version to spot a regression.'
	],
	references: refs
});

const I915_REFS = [
	'https://docs.kernel.org/gpu/i915.html',
	'https://gitlab.freedesktop.org/drm/i915/kernel/-/wikis/How-to-file-i915-bugs'
];
/**
 * drivers/gpu/drm/i915/display/intel_dp.c intel_edp_init_connector(): the VBT lists an eDP port
 * (the built-in panel's) whose panel did not answer on its AUX channel, so i915 gives the port up
 * (drm_info). Routine on mini PCs and desktops with a laptop's VBT, and on hybrid laptops whose
 * panel is wired to the discrete GPU: archlinux-for-z83-dmesg.log (a Z83 mini PC, 4.x: `[drm]
 * failed to retrieve link info, disabling eDP`), ms912x-dmesg-log.log (an HP Victus with an
 * NVIDIA GPU, 6.15, with the encoder's name). Its finding is what cascades.ts links i915's
 * panel-power WARN on that port to (edpWarnCause).
 */
export const i915EdpDisabled: LineRule = {
	id: 'gpu.i915-edp-disabled',
	category: 'gpu',
	severity: 'info',
	routine: true,
	triggers: ['disabling eDP'],
	pattern:
		/^(?:i915 (\S+): \[drm\] (?:\[ENCODER:\d+:([^\]]+)\] )?|\[drm\] )failed to retrieve link info, disabling eDP/,
	title: () => 'Built-in screen port (eDP) with no panel answering: disabled by i915',
	details: (m) => ({ device: m[1] ?? null, encoder: m[2] ?? null }),
	examples: [
		// ms912x-dmesg-log.log (HP Victus 15-fa0xxx, 6.15.8-liquorix)
		'i915 0000:00:02.0: [drm] [ENCODER:249:DDI B/PHY B] failed to retrieve link info, disabling eDP',
		// archlinux-for-z83-dmesg.log (a Z83 mini PC)
		'[drm] failed to retrieve link info, disabling eDP'
	],
	negatives: ['i915 0000:00:02.0: [drm] [ENCODER:249:DDI B/PHY B] is disabled/in DSI mode'],
	explanation: {
		meaning:
			'The Intel graphics driver (i915) found no panel answering on the eDP port, the connector of a built-in screen, that the firmware’s video tables (VBT) list, and disabled that port: reading the panel’s link capabilities over its AUX channel failed. Mini PCs and desktops whose firmware carries a laptop’s tables have no panel there, and hybrid laptops whose built-in screen is wired to the discrete GPU (a display switch, MUX, set to it, or a discrete-only mode) have none on the Intel GPU’s port: the line is routine then. External screens (HDMI, DisplayPort) are not affected.',
		causes: [
			{
				kind: 'firmware',
				text: 'The VBT lists an eDP port whose panel is not connected to the Intel GPU (no built-in screen, or one driven by the discrete GPU).'
			}
		],
		next_steps: [
			'Nothing to do if the built-in screen works, or the machine has none.',
			'If a laptop’s built-in screen stays dark while the Intel GPU should drive it: check the firmware’s display mode (hybrid or discrete, the MUX), then update the BIOS and the kernel, and report it to i915’s tracker with this log.'
		],
		references: I915_REFS
	}
};

const AMDGPU_REFS = [
	'https://docs.kernel.org/gpu/amdgpu/index.html',
	'https://docs.kernel.org/gpu/amdgpu/debugging.html'
];

/** i915_capture_error_state: `i915 0000:00:02.0: [drm] GPU HANG: ecode 12:1:8ed9fff2, in python3 [6414]` */
export const i915Hang: LineRule = {
	id: 'gpu.i915-hang',
	category: 'gpu',
	severity: 'high',
	triggers: ['GPU HANG: ecode'],
	pattern:
		/^(?:i915 ([0-9a-f:.]+): )?\[drm\] GPU HANG: ecode ([\w:]+), in (.+?) \[(\d+)\](?:, reason: ([^,]+))?/,
	title: () => 'Intel GPU hang (i915)',
	details: (m) => ({
		device: m[1] ?? null,
		ecode: m[2],
		process: m[3],
		pid: Number(m[4]),
		reason: m[5] ?? null
	}),
	// later hangs may be other programs': the step names them all (it had named the first's only)
	collect: { process: 'processes' },
	evidenceEach: 'process',
	storm: { count: 5, severity: 'critical' },
	examples: [
		'i915 0000:00:02.0: [drm] GPU HANG: ecode 12:1:8ed9fff2, in python3 [6414]',
		'[drm] GPU HANG: ecode 5:0:0xb5cefffc, in compiz [2650], reason: Ring hung, action: reset'
	],
	negatives: ['i915 0000:00:02.0: [drm] python3[6414] context reset due to GPU hang'],
	explanation: gpuExplanation(
		'The Intel GPU stopped making progress on the work of the named program. The driver captured an error state (/sys/class/drm/card0/error) and reset the GPU; the program’s rendering was lost and the screen may have frozen briefly.',
		I915_REFS,
		GPU_UPDATE.i915,
		PROGRAM_STEP.i915Hang
	)
};

/** i915 reset paths: `Resetting chip for stopped heartbeat on rcs0`, `Resetting rcs0 for preemption time out` */
export const i915Reset: LineRule = {
	id: 'gpu.i915-reset',
	category: 'gpu',
	severity: 'medium',
	triggers: ['[drm] Resetting '],
	pattern: /^(?:i915 ([0-9a-f:.]+): )?\[drm\] Resetting (\w+) for (.+?)(?: on (\w+))?$/,
	title: () => 'Intel GPU reset (i915)',
	details: (m) => ({ device: m[1] ?? null, target: m[2], reason: m[3], engine: m[4] ?? null }),
	storm: { count: 5, severity: 'high' },
	examples: [
		'i915 0000:00:02.0: [drm] Resetting chip for stopped heartbeat on rcs0',
		'i915 0000:00:02.0: [drm] Resetting rcs0 for preemption time out'
	],
	negatives: ['i915 0000:00:02.0: [drm] GuC firmware i915/tgl_guc_70.bin version 70.5.1'],
	explanation: gpuExplanation(
		'The Intel GPU driver reset an engine or the whole GPU because work stopped progressing (missed heartbeat, preemption timeout).',
		I915_REFS,
		GPU_UPDATE.i915,
		PROGRAM_STEP.i915Reset
	)
};

/** amdgpu_job_timedout: `amdgpu 0000:64:00.0: amdgpu: ring gfx_0.0.0 timeout, signaled seq=54114692, emitted seq=54114694` */
export const amdgpuTimeout: LineRule = {
	id: 'gpu.amdgpu-ring-timeout',
	category: 'gpu',
	severity: 'high',
	triggers: [' timeout, signaled seq='],
	pattern:
		/^(?:amdgpu ([0-9a-f:.]+): amdgpu: |\[drm:amdgpu_job_timedout \[amdgpu\]\] \*ERROR\* )ring ([\w.]+) timeout, signaled seq=(\d+), emitted seq=(\d+)/,
	title: (m) => `AMD GPU ring ${m[2]} timeout (amdgpu)`,
	details: (m) => ({
		device: m[1] ?? null,
		ring: m[2],
		signaled_seq: Number(m[3]),
		emitted_seq: Number(m[4])
	}),
	storm: { count: 5, severity: 'critical' },
	// the next line names the program whose job hung (amdgpu_job_timedout, 5.x-6.7)
	follow: [
		{
			trigger: 'Process information: process ',
			pattern: /Process information: process (\S.*?) pid (\d+) thread (\S.*?) pid (\d+)\s*$/,
			details: (m) => ({
				process: m[1],
				process_pid: Number(m[2]),
				thread: m[3],
				thread_pid: Number(m[4])
			}),
			within: 2,
			claims: true,
			examples: [
				'[drm:amdgpu_job_timedout [amdgpu]] *ERROR* Process information: process physics pid 37602 thread physics pid 37602'
			]
		}
	],
	examples: [
		'[drm:amdgpu_job_timedout [amdgpu]] *ERROR* ring gfx_0.0.0 timeout, signaled seq=5346515, emitted seq=5346517',
		'amdgpu 0000:64:00.0: amdgpu: ring gfx_0.0.0 timeout, signaled seq=54114692, emitted seq=54114694'
	],
	negatives: ['[drm] ring gfx_0.0.0 uses VM inv eng 0 on hub 0'],
	explanation: gpuExplanation(
		'A job on the named AMD GPU engine (ring: gfx = 3D, comp = compute, sdma = copy, vcn = video) did not finish in time (the `amdgpu.lockup_timeout`: 10 s by default, longer for compute rings on recent kernels). The driver then tries to reset the GPU; the desktop may freeze or restart.',
		AMDGPU_REFS,
		GPU_UPDATE.amdgpu,
		PROGRAM_STEP.amdgpuTimeout
	)
};

/** amdgpu_device_gpu_recover: `GPU reset begin!`, `GPU reset(2) failed`, `GPU Recovery Failed`, drm wedged events. */
export const amdgpuReset: LineRule = {
	id: 'gpu.amdgpu-reset',
	category: 'gpu',
	severity: 'medium',
	triggers: ['GPU reset', 'GPU Recovery', 'GPU recovery', 'device wedged', 'ASIC reset failed'],
	pattern:
		/^(?:amdgpu ([0-9a-f:.]+): (?:amdgpu: |\[drm\] )?|\[drm(?::\w+ \[amdgpu\])?\] (?:\*ERROR\* )?)(GPU reset begin!|GPU reset\(\d+\) failed!?|GPU [Rr]ecovery [Ff]ailed|ASIC reset failed with error, -?\d+|device wedged, but recovered through reset|device wedged, needs recovery)/,
	title: (m) =>
		/failed|Failed|needs recovery/.test(m[2])
			? 'AMD GPU reset failed (amdgpu)'
			: 'AMD GPU reset (amdgpu)',
	details: (m) => ({ device: m[1] ?? null, event: m[2] }),
	severityOf: (m): Severity => (/failed|Failed|needs recovery/.test(m[2]) ? 'critical' : 'medium'),
	storm: { count: 5, severity: 'high' },
	// amdgpu_device_gpu_recover's outcome (amdgpu-crash-crash1-txt.log: a mode1 reset that lost
	// video memory, then `GPU reset(2) succeeded!` 43 lines later)
	follow: [
		{
			trigger: 'VRAM is lost due to GPU reset',
			pattern: /^\[drm\] VRAM is lost due to GPU reset!/,
			details: () => ({ vram_lost: true }),
			within: 40,
			anywhere: true,
			claims: true,
			examples: ['[drm] VRAM is lost due to GPU reset!']
		},
		{
			trigger: 'GPU reset(',
			pattern: /^amdgpu (?<device>[0-9a-f:.]+): amdgpu: GPU reset\(\d+\) succeeded!/,
			details: () => ({ reset_succeeded: true }),
			within: 200,
			claims: true,
			examples: ['amdgpu 0000:0b:00.0: amdgpu: GPU reset(2) succeeded!']
		}
	],
	examples: [
		'amdgpu 0000:63:00.0: amdgpu: GPU reset begin!',
		'amdgpu 0000:06:00.0: [drm] device wedged, but recovered through reset',
		'amdgpu 0000:03:00.0: amdgpu: GPU reset(1) failed',
		'[drm:amdgpu_device_gpu_recover [amdgpu]] *ERROR* GPU Recovery Failed: -22'
	],
	negatives: [
		'amdgpu 0000:03:00.0: amdgpu: SMU is initialized successfully!',
		'amdgpu 0000:0b:00.0: amdgpu: GPU reset(2) succeeded!'
	],
	explanation: gpuExplanation(
		'The AMD GPU driver reset the GPU to recover from a hang. If the reset succeeded (`reset_succeeded`) the display usually comes back; if it failed, the display stays frozen until reboot. When the kernel also says video memory was lost (`vram_lost`), every program’s GPU state is gone: programs whose GPU contexts are not robust, often the desktop compositor, are ended by their graphics driver, so the desktop session may have restarted or logged out.',
		AMDGPU_REFS,
		GPU_UPDATE.amdgpu,
		PROGRAM_STEP.amdgpuReset
	)
};

/**
 * The GPU's command processor refused a command buffer: drivers/gpu/drm/amd/amdgpu/gfx_v*_0.c
 * `gfx_v10_0_priv_reg_irq()` (`Illegal register access in command stream`),
 * `gfx_v10_0_priv_inst_irq()` (`Illegal instruction in command stream`) and, gfx11 on,
 * `gfx_v11_0_bad_op_irq()` (`Illegal opcode in command stream`); radeon's cik.c prints the first
 * two from its interrupt handler. The handler then calls drm_sched_fault() on the ring, which
 * runs the job timeout at once: the ring timeout and the GPU reset follow in the same second
 * (amdgpu-crash crash1.txt). A dev_err() spelling (`amdgpu 0000:0b:00.0: amdgpu: …`) is read too.
 */
export const amdgpuIllegalCommand: LineRule = {
	id: 'gpu.amdgpu-illegal-command',
	category: 'gpu',
	severity: 'medium',
	triggers: [' in command stream'],
	pattern:
		/^(?:\[drm:(\w+) \[(amdgpu|radeon)\]\] \*ERROR\* |(amdgpu|radeon) ([0-9a-f:.]+): (?:amdgpu: |\[drm\] \*ERROR\* )?)Illegal (register access|instruction|opcode) in command stream/,
	title: (m) => `Illegal ${m[5]} in a GPU command stream (${m[2] ?? m[3]})`,
	details: (m) => ({
		driver: m[2] ?? m[3],
		device: m[4] ?? null,
		function: m[1] ?? null,
		illegal: m[5]
	}),
	storm: { count: 5, severity: 'high' },
	examples: [
		// amdgpu-crash crash1.txt (RDNA2 GPU, kernel 6.1.2), just before the ring timeout
		'[drm:gfx_v10_0_priv_reg_irq [amdgpu]] *ERROR* Illegal register access in command stream',
		// written from the kernel's format strings
		'[drm:gfx_v9_0_priv_inst_irq [amdgpu]] *ERROR* Illegal instruction in command stream',
		'[drm:cik_irq_process [radeon]] *ERROR* Illegal register access in command stream',
		'amdgpu 0000:0b:00.0: amdgpu: Illegal opcode in command stream'
	],
	negatives: [
		'[drm:amdgpu_cs_ioctl [amdgpu]] *ERROR* Failed to initialize parser -125!',
		'[drm:amdgpu_job_timedout [amdgpu]] *ERROR* ring gfx_0.0.0 timeout, signaled seq=516877, emitted seq=516879'
	],
	explanation: {
		meaning:
			'The GPU’s command processor stopped a batch of commands that a program had submitted, because it wrote a register that programs may not touch (or used an instruction or opcode they may not use). The driver treats that job as hung at once: the kernel then reports a ring timeout, which names the program, and resets the GPU (see the findings that follow). The fault is in what was submitted, a bug of the program or of its user-space graphics driver (Mesa’s RADV or RadeonSI, AMDVLK, ROCm), not of the hardware.',
		causes: [
			{
				kind: 'userspace',
				text: 'A bug in the user-space graphics driver (Mesa RADV/RadeonSI, AMDVLK, ROCm) or in the program, often one game or one version of it (translation layers such as DXVK or VKD3D included).'
			},
			{
				kind: 'driver',
				text: 'A kernel driver and a user-space driver that do not agree on which registers a program may write (a kernel much older or newer than the Mesa it runs with).'
			}
		],
		next_steps: [
			'See which program the ring timeout right after it names (`process`), and whether the hang comes back with that program or version.',
			'Update Mesa (or AMDVLK/ROCm) and the kernel; if it began after an update of one of them, go back to the previous version to confirm.',
			'Report it to Mesa’s issue tracker (or the program’s) with the program, the GPU and this log; with RADV, `RADV_DEBUG=hang` writes a report of the hang to attach.'
		],
		references: [...AMDGPU_REFS, 'https://docs.mesa3d.org/envvars.html']
	}
};

/** gmc_v*_process_interrupt: `amdgpu 0000:03:00.0: amdgpu: [gfxhub] page fault (src_id:0 ring:24 vmid:3 pasid:32769, for process X pid 1 thread X pid 1)` */
export const amdgpuPageFault: LineRule = {
	id: 'gpu.amdgpu-page-fault',
	category: 'gpu',
	severity: 'medium',
	triggers: ['page fault (src_id'],
	pattern:
		/^amdgpu ([0-9a-f:.]+): (?:amdgpu: )?\[(\w+)\] (?:no-)?(?:retry )?page fault \(src_id:\d+ ring:\d+ vmid:\d+ pasid:\d+(?:, for process (\S+))?/,
	title: (m) => `AMD GPU page fault (${m[2]})`,
	details: (m) => ({ device: m[1], hub: m[2], process: m[3] ?? null }),
	examples: [
		'amdgpu 0000:03:00.0: amdgpu: [gfxhub0] retry page fault (src_id:0 ring:0 vmid:1 pasid:32770, for process Xorg pid 1234 thread Xorg:cs0 pid 1235)',
		'amdgpu 0000:0c:00.0: amdgpu: [mmhub0] no-retry page fault (src_id:0 ring:40 vmid:3 pasid:32769)'
	],
	negatives: [
		'amdgpu 0000:03:00.0: amdgpu:   in page starting at address 0x0000800100000000 from client 27'
	],
	explanation: gpuExplanation(
		'The AMD GPU accessed video memory that was not mapped for the program using it: a GPU-side crash of that program (usually a driver or application bug), often followed by a ring timeout.',
		AMDGPU_REFS,
		GPU_UPDATE.amdgpu,
		PROGRAM_STEP.amdgpuFault
	)
};

interface XidInfo {
	name: string;
	severity: Severity;
}

/** NVIDIA Xid error catalogue (docs.nvidia.com/deploy/xid-errors), the ones seen in practice. */
export const XIDS: Record<number, XidInfo> = {
	8: { name: 'GPU stopped processing (timeout)', severity: 'high' },
	13: { name: 'Graphics engine exception', severity: 'medium' },
	31: { name: 'GPU memory page fault', severity: 'medium' },
	32: { name: 'Invalid or corrupted push buffer stream', severity: 'medium' },
	38: { name: 'Driver firmware error', severity: 'high' },
	43: { name: 'GPU stopped processing (application fault)', severity: 'low' },
	44: { name: 'Graphics engine fault during context switch', severity: 'high' },
	45: { name: 'Preemptive cleanup after previous errors', severity: 'low' },
	48: { name: 'Double-bit ECC error', severity: 'critical' },
	56: { name: 'Display engine error', severity: 'medium' },
	57: { name: 'Error programming video memory interface', severity: 'high' },
	61: { name: 'Internal micro-controller breakpoint/warning', severity: 'high' },
	62: { name: 'Internal micro-controller halt', severity: 'high' },
	63: { name: 'ECC page retirement or row remapping event', severity: 'medium' },
	64: { name: 'ECC page retirement or row remapping failure', severity: 'high' },
	68: { name: 'Video decoder (NVDEC) exception', severity: 'medium' },
	69: { name: 'Graphics engine class error', severity: 'medium' },
	74: { name: 'NVLink error', severity: 'high' },
	79: { name: 'GPU has fallen off the bus', severity: 'critical' },
	92: { name: 'High single-bit ECC error rate', severity: 'medium' },
	94: { name: 'Contained ECC error', severity: 'medium' },
	95: { name: 'Uncontained ECC error', severity: 'critical' },
	109: { name: 'Context switch timeout', severity: 'high' },
	119: { name: 'GSP RPC timeout', severity: 'high' },
	120: { name: 'GSP error', severity: 'high' },
	121: { name: 'C2C link corrected error', severity: 'low' },
	140: { name: 'Unrecovered ECC error', severity: 'critical' }
};

/** NVIDIA proprietary driver: `NVRM: Xid (PCI:0000:01:00): 79, pid=1122, GPU has fallen off the bus.` */
export const nvidiaXid: LineRule = {
	id: 'gpu.nvidia-xid',
	category: 'gpu',
	severity: 'medium',
	triggers: ['NVRM: Xid'],
	pattern:
		/^NVRM: Xid \((PCI:[0-9a-f:.]+)\): (\d+),(?: pid=(\d+|'<unknown>'),)?(?: name=([^,]*),)? ?(.*)/,
	title: (m) => {
		const x = XIDS[Number(m[2])];
		return `NVIDIA Xid ${m[2]}: ${x ? x.name : 'GPU error'} (${m[1]})`;
	},
	details: (m) => ({
		device: m[1],
		xid: Number(m[2]),
		xid_meaning: XIDS[Number(m[2])]?.name ?? null,
		pid: m[3] && /^\d+$/.test(m[3]) ? Number(m[3]) : null,
		process: m[4] ?? null,
		message: m[5]
	}),
	severityOf: (m) => XIDS[Number(m[2])]?.severity ?? 'medium',
	examples: [
		'NVRM: Xid (PCI:0000:01:00): 79, pid=1122, GPU has fallen off the bus.',
		'NVRM: Xid (PCI:0000:00:06): 31, pid=79749, name=exe, Ch 0000000a, intr 00000000. MMU Fault: ENGINE GRAPHICS GPC2 GPCCLIENT_T1_7 faulted @ 0x7f4c_a7200000. Fault is of type FAULT_PDE ACCESS_TYPE_VIRT_READ',
		"NVRM: Xid (PCI:0000:3b:00): 48, pid='<unknown>', name=<unknown>, An uncorrectable double bit error (DBE) has been detected on GPU in the framebuffer at partition 6, subpartition 0."
	],
	negatives: ['NVRM: loading NVIDIA UNIX x86_64 Kernel Module  535.104.05'],
	explanation: {
		meaning:
			'The NVIDIA driver reported an Xid error: a numbered GPU fault (details.xid_meaning). 13, 31, 43 and 69 usually come from a faulty program; 48, 63, 64, 92, 94 and 95 are video-memory ECC events; 61, 62, 109, 119 and 120 are driver/firmware (GSP) faults; 79 means the GPU dropped off the PCIe bus (power, heat, slot or hardware).',
		causes: [
			{ kind: 'userspace', text: 'An application or CUDA kernel bug (Xid 13, 31, 43, 69).' },
			{ kind: 'driver', text: 'A driver or GPU firmware (GSP) bug (Xid 61, 62, 109, 119, 120).' },
			{
				kind: 'hardware',
				text: 'Failing video memory (48, 64, 95), a GPU falling off the bus from power, heat or a bad riser/slot (79).'
			}
		],
		next_steps: [
			'Look up the Xid number in NVIDIA’s Xid catalogue and check `nvidia-smi -q` (ECC errors, retired pages/remapped rows, temperatures, power).',
			'For application Xids, reproduce with the program and update the driver/CUDA; for GSP Xids try the matching driver update or `NVreg_EnableGpuFirmware=0` (proprietary kernel modules only: the open ones need the GSP firmware).',
			'For 79/48/95: check power cables and PSU capacity, reseat the card, and contact the vendor if it repeats; run `nvidia-bug-report.sh` for a report.'
		],
		references: ['https://docs.nvidia.com/deploy/xid-errors/index.html']
	}
};

function nouveauKind(s: string): string {
	if (s.startsWith('fault')) return 'fault';
	if (s.startsWith('MMIO')) return 'MMIO fault';
	if (s.startsWith('PBDMA')) return 'PBDMA error';
	if (s.startsWith('channel')) return 'channel killed';
	return s;
}

/** nvidia.ko: the user-space driver and the kernel module are different versions. */
export const nvidiaMismatch: LineRule = {
	id: 'gpu.nvidia-version-mismatch',
	category: 'gpu',
	severity: 'medium',
	triggers: ['NVRM: API mismatch'],
	pattern: /^NVRM: API mismatch: the client has the version ([\w.-]+), but/,
	title: () => 'NVIDIA driver version mismatch (user space vs kernel module)',
	details: (m) => ({ client_version: m[1] }),
	// the message goes on over three more NVRM lines (nv_printf with newlines; dmesg indents them)
	follow: [
		{
			trigger: 'NVRM: ',
			pattern:
				/^ *NVRM: (?:this kernel module has the version ([\w.-]+)\. {1,2}Please$|make sure that this kernel module and all NVIDIA driver$|components have the same version\.$)/,
			details: (m) => ({ kernel_module_version: m[1] ?? null }),
			within: 3,
			examples: [
				'NVRM: this kernel module has the version 535.230.02.  Please',
				'NVRM: make sure that this kernel module and all NVIDIA driver',
				'NVRM: components have the same version.'
			]
		}
	],
	examples: ['NVRM: API mismatch: the client has the version 535.274.02, but'],
	negatives: ['NVRM: loading NVIDIA UNIX x86_64 Kernel Module  535.104.05'],
	explanation: {
		meaning:
			'A program using the NVIDIA GPU came with a different driver version than the loaded kernel module, so it could not use the GPU (no acceleration, CUDA or nvidia-smi failures).',
		causes: [
			{
				kind: 'configuration',
				text: 'The NVIDIA driver was updated but the old kernel module is still loaded (no reboot yet), or the DKMS module was not rebuilt for the running kernel.'
			},
			{
				kind: 'configuration',
				text: 'A container or Flatpak runtime ships another driver version than the host.'
			}
		],
		next_steps: [
			'The details name both versions (`client_version` of the program’s driver libraries, `kernel_module_version` of the loaded module); compare them with `cat /proc/driver/nvidia/version` and the installed package version, and reboot after driver updates.',
			'Rebuild the module (`dkms autoinstall`) or align the container/Flatpak NVIDIA runtime with the host driver.'
		],
		references: ['https://wiki.archlinux.org/title/NVIDIA']
	}
};

/** nouveau subdev errors: fifo/gr faults, SCHED_ERROR, MMIO faults, channel kills. */
export const nouveauError: LineRule = {
	id: 'gpu.nouveau-error',
	category: 'gpu',
	severity: 'medium',
	triggers: ['nouveau '],
	pattern:
		/^nouveau ([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.\d): (fifo|gr|bus|mmu|pmu|gsp|disp|fb|ltc|ce\d*|sec2|nvdec\d*|DRM|therm|timer|mc|pbus): .*?(SCHED_ERROR|CACHE_ERROR|TRAP|fault \w+|failed to idle channel|MMIO (?:read|write) of \w+ FAULT|ILLEGAL_\w+|DATA_ERROR|PBDMA\d+: |channel \d+: killed|engine fault|timeout|init failed)/,
	title: (m) => `nouveau ${m[2]} error (${nouveauKind(m[3])})`,
	details: (m) => ({
		device: m[1],
		subdev: m[2],
		message: m.input.slice(m.input.indexOf(m[2] + ': ') + m[2].length + 2)
	}),
	examples: [
		'nouveau 0000:01:00.0: fifo: SCHED_ERROR 0a [CTXSW_TIMEOUT]',
		'nouveau 0000:01:00.0: fifo: fault 00 [READ] at 0000000000000000 engine 00 [GR] client 04 [GPC0/PE_0] reason 02 [PTE] on channel 2 [007f9ae000 Xorg[1234]]',
		'nouveau 0000:01:00.0: DRM: failed to idle channel 0 [DRM]',
		'nouveau 0000:01:00.0: bus: MMIO read of 00000000 FAULT at 022554 [ TIMEOUT ]'
	],
	negatives: [
		'nouveau 0000:01:00.0: NVIDIA GK107 (0e7260a2)',
		'nouveau 0000:01:00.0: DRM: VRAM: 2048 MiB'
	],
	explanation: gpuExplanation(
		'The nouveau driver (open-source NVIDIA) reported a GPU engine fault: a program’s GPU context crashed, a channel was killed or the GPU stopped answering register reads.',
		['https://nouveau.freedesktop.org/', 'https://docs.kernel.org/gpu/drm-kms.html'],
		GPU_UPDATE.nouveau,
		PROGRAM_STEP.nouveau
	)
};

/** drm_atomic_helper: `[drm:drm_atomic_helper_wait_for_flip_done [drm_kms_helper]] *ERROR* [CRTC:51:pipe A] flip_done timed out` */
export const drmCommitTimeout: LineRule = {
	id: 'gpu.drm-commit-timeout',
	category: 'gpu',
	severity: 'medium',
	triggers: [' timed out'],
	pattern:
		/^(?:\S+ [0-9a-f:.]+: )?(?:\[drm(?::(\w+)(?: \[(\w+)\])?)?\] )?\*ERROR\* (?:\[(\w+):\d+:([^\]]+)\] )?(flip_done timed out|commit wait timed out|hw_done or flip_done timed out|hw_done timed out|Waiting for fences timed out!?)/,
	title: (m) =>
		m[5].startsWith('Waiting for fences')
			? 'Display update waited too long for the GPU (fences timed out)'
			: `Display update timed out (${m[5].replace(' timed out', '')})`,
	details: (m) => ({
		function: m[1] ?? null,
		module: m[2] ?? null,
		object: m[3] ? `${m[3]}:${m[4]}` : null
	}),
	severityOf: (m) => (m[5].startsWith('Waiting for fences') ? 'high' : 'medium'),
	storm: { count: 10, severity: 'high' },
	examples: [
		'[drm:drm_atomic_helper_wait_for_flip_done [drm_kms_helper]] *ERROR* [CRTC:51:pipe A] flip_done timed out',
		'[drm:drm_atomic_helper_wait_for_dependencies [drm_kms_helper]] *ERROR* [PLANE:31:plane 1A] commit wait timed out',
		'[drm:amdgpu_dm_atomic_commit_tail [amdgpu]] *ERROR* Waiting for fences timed out!',
		// a DRM helper built into the kernel: `%ps` prints no `[module]` (drm_print.c __drm_err)
		'[drm:drm_atomic_helper_wait_for_flip_done] *ERROR* [CRTC:32:crtc-0] flip_done timed out'
	],
	negatives: ['[drm] Initialized i915 1.6.0 20201103 for 0000:00:02.0 on minor 0'],
	explanation: gpuExplanation(
		'A display update (page flip / atomic commit) did not complete in time: the screen stops updating, the desktop freezes or stutters for about 10 s at a time. Often a display engine or link (DP/HDMI, docking station) problem, or a hung GPU.',
		['https://docs.kernel.org/gpu/drm-kms.html']
	)
};

/** i915 display FIFO underruns: `[drm:intel_cpu_fifo_underrun_irq_handler [i915]] *ERROR* CPU pipe A FIFO underrun` */
export const fifoUnderrun: LineRule = {
	id: 'gpu.display-fifo-underrun',
	category: 'gpu',
	severity: 'low',
	triggers: [' FIFO underrun', ' fifo underrun'],
	pattern:
		/\*ERROR\* (?:(CPU|PCH) (pipe|transcoder) ([A-Z]) FIFO underrun|uncleared (pch )?fifo underrun on (?:pch )?(pipe|transcoder) ([A-Z]))/,
	title: (m) =>
		`Display FIFO underrun (${m[1] ?? (m[4] ? 'PCH' : 'CPU')} ${m[2] ?? m[5]} ${m[3] ?? m[6]})`,
	details: (m) => ({ source: m[1] ?? (m[4] ? 'PCH' : 'CPU'), pipe: m[3] ?? m[6] }),
	examples: [
		'[drm:intel_cpu_fifo_underrun_irq_handler [i915]] *ERROR* CPU pipe A FIFO underrun',
		'[drm:intel_pch_fifo_underrun_irq_handler [i915]] *ERROR* PCH transcoder A FIFO underrun',
		'[drm:intel_set_pch_fifo_underrun_reporting [i915]] *ERROR* uncleared pch fifo underrun on pch transcoder A'
	],
	negatives: [
		'[drm] Reducing the compressed framebuffer size. This may lead to less power savings than a non-reduced-size.'
	],
	// its own advice: a display engine that ran dry is no program's GPU work (the generic GPU
	// steps asked which program was running; skomra vmcore-dmesg.txt, an uncleared underrun at boot)
	explanation: {
		meaning:
			'The display engine ran short of pixel data while sending a frame to a screen (its FIFO ran empty): a brief flicker, a flash of black or a stripe of garbage on that screen, at most. i915 reports only the first underrun of a pipe or transcoder and then stays silent until the next mode set, so one line may stand for several. An underrun reported as `uncleared` happened before reporting was turned on, while a screen was being set up (at boot, when i915 takes over the firmware’s display, or at a mode change): usually harmless.',
		causes: [
			{
				kind: 'driver',
				text: 'Display watermarks or bandwidth that the driver computed wrongly for this mode (high resolution or refresh rate, several screens), or power-saving features (panel self refresh, frame buffer compression) that delay the display’s memory reads; often fixed in later kernels.'
			},
			{
				kind: 'firmware',
				text: 'The firmware’s own display setup left an underrun behind when i915 took over (an `uncleared` one at boot).'
			},
			{
				kind: 'hardware',
				text: 'Memory too slow or too busy for the display’s reads (a single memory channel, heavy GPU use at a high resolution).'
			}
		],
		next_steps: [
			'Nothing to do if no screen flickered: one report at boot or at a mode change is common.',
			'If a screen flickers or blanks: update the kernel; to test, turn off panel self refresh (`i915.enable_psr=0`) or frame buffer compression (`i915.enable_fbc=0`) on the kernel command line.',
			'If it persists, report it to the i915 bug tracker with the log of a boot with `drm.debug=0xe`.'
		],
		references: I915_REFS
	}
};

/**
 * drivers/gpu/drm/vmwgfx/vmwgfx_drv.c: on an x86 hypervisor that is not VMware (VirtualBox's
 * VMSVGA adapter, QEMU's `-vga vmware`) vmwgfx prints three `drm_err_once` lines, and
 * vmwgfx_msg.c vmw_msg_ioctl() `Failed to open channel.` whenever user space (Mesa's svga
 * driver, open-vm-tools) tries VMware's host message channel, which such a hypervisor lacks
 * (dioxis33 errors/dmesg.txt: VirtualBox 7.0, 3 + 40 lines, the user's "errors"). The count is
 * the number of boots that show it.
 */
export const vmwgfxForeignHypervisor: LineRule = {
	id: 'gpu.vmwgfx-foreign-hypervisor',
	category: 'gpu',
	severity: 'low',
	triggers: ['*ERROR* '],
	pattern:
		/^(?:vmwgfx (\S+): \[drm\] \*ERROR\* (vmwgfx seems to be running on an unsupported hypervisor|This configuration is likely broken|Please switch to a supported graphics device)|\[drm:vmw_msg_ioctl \[vmwgfx\]\] \*ERROR\* (Failed to open channel))/,
	title: () => 'VMware graphics driver (vmwgfx) running outside VMware',
	details: (m) => ({
		device: m[1] ?? null,
		message: m[2] ?? m[3],
		host_channel_failed: m[3] !== undefined
	}),
	// one configuration, one finding per boot: the three lines at boot and each of user space's
	// failed attempts are signs of it, not problems to count (dioxis33: 3 + 40 lines, one boot);
	// each kind of line is listed once under `messages`
	perBoot: true,
	collect: { message: 'messages' },
	examples: [
		'vmwgfx 0000:00:02.0: [drm] *ERROR* vmwgfx seems to be running on an unsupported hypervisor.',
		'vmwgfx 0000:00:02.0: [drm] *ERROR* This configuration is likely broken.',
		'vmwgfx 0000:00:02.0: [drm] *ERROR* Please switch to a supported graphics device to avoid problems.',
		'[drm:vmw_msg_ioctl [vmwgfx]] *ERROR* Failed to open channel.'
	],
	negatives: [
		'vmwgfx 0000:00:02.0: [drm] Running on SVGA version 2.',
		'[drm:vmw_cmdbuf_work_func [vmwgfx]] *ERROR* Command buffer error.'
	],
	explanation: {
		meaning:
			'The virtual machine’s graphics adapter is VMware’s SVGA device (VirtualBox’s VMSVGA controller, QEMU’s `-vga vmware`) but the hypervisor is not VMware. The vmwgfx driver works there for the display, yet warns once that this setup is unsupported, and every attempt of user space (Mesa’s 3D driver, open-vm-tools) to talk to VMware’s host message channel fails with `Failed to open channel`, because only VMware has it. These errors are expected in such a VM; 3D acceleration may be broken or slow.',
		causes: [
			{
				kind: 'configuration',
				text: 'The VM uses VMware’s graphics adapter on another hypervisor (VirtualBox’s default VMSVGA for Linux guests, QEMU/KVM with `-vga vmware`).'
			}
		],
		next_steps: [
			'Nothing to do if the display works: the messages are harmless.',
			'If graphics misbehave: in VirtualBox turn 3D acceleration off or on (Display settings) and keep the guest additions current; in QEMU/KVM use virtio-gpu (`-vga virtio`, libvirt `<model type="virtio"/>`) instead.'
		],
		references: ['https://docs.kernel.org/gpu/vmwgfx.html']
	}
};

/** Any other DRM driver error: `[drm:dc_remove_stream_from_ctx [amdgpu]] *ERROR* Pipe not found for stream ...` */
/**
 * amdgpu_cs_ioctl's `Failed to initialize parser -125!`: after a GPU reset, amdgpu refuses the
 * submissions of a context the reset invalidated with ECANCELED (amdgpu_cs.c: the context was
 * guilty of the hang, or its VRAM-lost counter is older than the device's). Real log:
 * amdgpu-crash-crash1-txt.log line 4460, twice, just after `GPU reset(2) succeeded!` and
 * `VRAM is lost due to GPU reset!`; it had the generic driver-error advice.
 */
const AMDGPU_CONTEXT_LOST: Explanation = {
	meaning:
		'After a GPU reset, the amdgpu driver refuses the commands of a program whose GPU context the reset invalidated: the context of the program whose job hung the GPU, or every program’s when video memory was lost (`VRAM is lost due to GPU reset!` among the reset’s lines). The error -125 (ECANCELED) tells the program that its context is gone and that it must create a new one. Programs that do so (recent compositors, robust applications) carry on; many games and older programs stop drawing, freeze or exit. It is a consequence of the reset, not a fault of its own.',
	causes: [
		{
			kind: 'userspace',
			text: 'A program still submitting work in a GPU context that the reset invalidated, instead of creating a new one (the program that hung the GPU, or any program after video memory was lost).'
		}
	],
	next_steps: [
		'Look at the GPU reset before it and at what led to it (a ring timeout, a GPU page fault, an illegal command): that is the problem to solve.',
		'Restart the programs that froze or exited at that moment; if the desktop stayed frozen, log out and in again.',
		'If the desktop does not come back after such resets, update Mesa and the compositor: newer ones recover from a lost context.'
	],
	references: ['https://docs.kernel.org/gpu/amdgpu/index.html']
};

/**
 * Qualcomm's downstream display driver (msm's SDE, techpack/display of Android kernels) prints its
 * errors with pr_err as `[drm:<function>:<line>] [sde error]<message>`, not DRM_ERROR's `*ERROR*`
 * (sde_kms.h SDE_ERROR). Real log: iamslightlywin-dump-last-kmsg.log lines 6305-6308, a Samsung
 * tablet (4.19) shutting down: the atomic check refused the commit with which the DRM core took a
 * closed framebuffer off the screen (`r1 only virt plane:129 not supported`, `crtc135 failed
 * pstate check -22`), and the core's WARNING `atomic remove_fb failed with -22` follows on the
 * next line. Samsung's `[sde error]wait 3s start` / `wait 3s end` in sde_kms_lastclose are
 * markers of its own 3 s wait at the display's last close, not errors.
 */
const MSM_SDE_ERROR: Explanation = {
	meaning:
		'The display part of Qualcomm’s msm graphics driver (SDE, the Snapdragon display engine of Android kernels) refused or failed a display operation. Most of these are a display update (an atomic commit) whose arrangement of layers the display hardware cannot show, which the driver rejects (-22, EINVAL): the update is not applied and the screen keeps its previous picture. When the DRM core asked for it itself, to take a framebuffer off the screen after the program that owned it closed it, the core then prints a WARNING (`atomic remove_fb failed`): this error is its cause. As the display services stop at shutdown or reboot, that is harmless; repeated while the device is in use, with a frozen, flickering or black screen, it is a bug of the vendor’s display driver.',
	causes: [
		{
			kind: 'driver',
			text: 'A limitation or bug of the vendor’s display driver: an arrangement of layers its checks reject (the message names which, `r1 only virt plane … not supported`).'
		},
		{
			kind: 'userspace',
			text: 'The compositor (SurfaceFlinger) exiting or turning the display off, so that the DRM core removes its framebuffers with an update the driver refuses.'
		}
	],
	next_steps: [
		'Look at the lines around it: if services were being stopped (a shutdown or reboot), nothing needs doing.',
		'If the screen froze, flickered or went black at that moment, note what was happening (an app starting, the screen rotating or turning off) and report it with this log to whoever builds the kernel (the device maker or the custom ROM’s developers): the SDE driver is not part of the mainline kernel.'
	],
	references: ['https://docs.kernel.org/gpu/drm-kms.html']
};

export const drmDriverError: LineRule = {
	id: 'gpu.drm-driver-error',
	category: 'gpu',
	severity: 'low',
	triggers: ['*ERROR* ', '[sde error]'],
	pattern:
		/^(?:([\w-]+) [0-9a-f:.]+: )?\[drm(?::(\w+)(?: \[(\w+)\])?)?\] \*ERROR\* (?!Process information)(.*)|^\[drm:(\w+):\d+\] \[sde error\](?!wait \d+s (?:start|end)$) *(.*)/,
	// msm's SDE errors are one finding: one refused update prints the check that failed and each
	// function that passes the failure up
	title: (m) => {
		if (m[5] !== undefined) return 'msm display driver (SDE) errors';
		const module = m[3] ?? m[1] ?? 'drm';
		return m[2] ? `${module} driver errors in ${m[2]}` : `${module} driver errors`;
	},
	details: (m) =>
		m[5] !== undefined
			? { module: 'msm', function: m[5], message: m[6] }
			: { module: m[3] ?? m[1] ?? null, function: m[2] ?? null, message: m[4] },
	storm: { count: 200, severity: 'medium' },
	examples: [
		'[drm:dc_remove_stream_from_ctx [amdgpu]] *ERROR* Pipe not found for stream 00000000c6f2a3b1 !',
		// amdgpu-crash-crash1-txt.log line 4460, just after a GPU reset that lost VRAM
		'[drm:amdgpu_cs_ioctl [amdgpu]] *ERROR* Failed to initialize parser -125!',
		'i915 0000:00:02.0: [drm] *ERROR* Atomic update failure on pipe A (start=1234 end=1235) time 120 us, min 1073, max 1079, scanline start 1070, end 1081',
		// a driver built into the kernel prints no `[module]` (bacon-pmos-mainline dmesg.log, msm mdp5)
		'[drm:mdp5_irq_error_handler] *ERROR* errors: 04000000',
		// iamslightlywin-dump-last-kmsg.log lines 6305-6306 (msm SDE, Samsung tablet, 4.19)
		'[drm:_sde_crtc_check_get_pstates:4731] [sde error]r1 only virt plane:129 not supported',
		'[drm:sde_crtc_atomic_check:4940] [sde error]crtc135 failed pstate check -22'
	],
	negatives: [
		'[drm] Initialized amdgpu 3.49.0 20150101 for 0000:03:00.0 on minor 0',
		// iamslightlywin-dump-last-kmsg.log lines 6432 and 6595: Samsung's markers of a 3 s wait
		'[drm:sde_kms_lastclose:2438] [sde error]wait 3s start',
		'[drm:sde_kms_lastclose:2440] [sde error]wait 3s end',
		'[drm:amdgpu_job_timedout [amdgpu]] *ERROR* Process information: process physics pid 37602 thread physics pid 37602'
	],
	explanationOf: (m) =>
		m[5] !== undefined
			? MSM_SDE_ERROR
			: m[2] === 'amdgpu_cs_ioctl' && /^Failed to initialize parser -125\b/.test(m[4])
				? AMDGPU_CONTEXT_LOST
				: undefined,
	// advice for any driver error, not the GPU-hang steps (crash-logs log12-04.txt: i915's
	// `Atomic update failure on pipe A`, a display update that missed its window, had been told
	// to note which program hung the GPU and to remove overclocks)
	explanation: {
		meaning:
			'A graphics (DRM) driver reported an internal error. Many of these are harmless and fixed by updates; together with display glitches, freezes or other GPU findings they point at the driver named.',
		causes: [
			{
				kind: 'driver',
				text: 'A bug or a missing quirk in the graphics driver for this GPU or screen, often fixed in later kernels.'
			},
			{
				kind: 'firmware',
				text: 'GPU or display firmware (linux-firmware) that does not match the driver.'
			},
			{
				kind: 'userspace',
				text: 'A program or compositor that asked for something the driver refused (a mode, a buffer or a command stream it cannot handle).'
			}
		],
		next_steps: [
			'Note what happened at that moment (a screen plugged in or out, a resume, a game or video starting) and whether a screen glitched or froze; a single error with nothing visible can be ignored.',
			'Otherwise update the kernel, Mesa (or the NVIDIA driver) and linux-firmware.',
			'If it persists, search the function and message named here in the driver’s bug tracker, or report it there with this log.'
		],
		references: ['https://docs.kernel.org/gpu/drm-kms.html']
	}
};

/**
 * drivers/gpu/drm/radeon, amdgpu: `radeon 0000:0a:00.0: failed VCE resume (-110).` — a video
 * encode/decode engine did not start; the rest of the GPU works.
 */
export const videoEngineFailed: LineRule = {
	id: 'gpu.video-engine-failed',
	category: 'gpu',
	severity: 'low',
	triggers: ['failed VCE resume', 'failed UVD resume', 'failed VCN resume'],
	pattern: /^(radeon|amdgpu) (\S+): (?:amdgpu: )?failed (UVD|VCE|VCN) resume \((-?\d+)\)/,
	title: (m) => `GPU video engine ${m[3]} did not start on ${m[2]}`,
	details: (m) => ({ driver: m[1], device: m[2], engine: m[3], error: errnoName(m[4]) }),
	examples: [
		'radeon 0000:0a:00.0: failed VCE resume (-110).',
		'radeon 0000:01:00.0: failed UVD resume (-22).'
	],
	negatives: ['[drm] VCE initialized successfully.'],
	explanation: {
		meaning:
			'The GPU’s video engine (UVD/VCN decodes video, VCE encodes it) did not answer when the driver started it. The display and 3D work, but hardware video decoding or encoding is unavailable: video playback and recording fall back to the CPU.',
		causes: [
			{
				kind: 'firmware',
				text: 'Missing or mismatched GPU firmware for the video engine (radeon/amdgpu files in linux-firmware).'
			},
			{ kind: 'driver', text: 'A driver bug with this GPU model, often after resume.' }
		],
		next_steps: [
			'Update linux-firmware and the kernel, then rebuild the initramfs so the GPU firmware is in it.',
			'Check that other GPU errors are absent; this one alone only disables hardware video.'
		],
		references: ['https://docs.kernel.org/gpu/amdgpu/index.html']
	}
};

/**
 * Qualcomm Adreno GPUs (the downstream kgsl driver of Android kernels, kgsl_gmu.c gmu_stop()):
 * `platform 3d6a000.qcom,gmu: Failed to stop GMU`. The GPU management unit did not reach its
 * lowest idle level when the GPU was put to sleep; the driver then forces it off (`Suspended
 * GMU`, not a finding of its own) and flags the GPU for a recovery start at its next use.
 */
export const adrenoGmuStopFailed: LineRule = {
	id: 'gpu.adreno-gmu-stop-failed',
	category: 'gpu',
	severity: 'medium',
	triggers: ['Failed to stop GMU'],
	pattern: /^(?:[\w-]+ )?([\w.,:-]+): Failed to stop GMU/,
	title: (m) => `Adreno GPU management unit ${m[1]} could not be stopped`,
	details: (m) => ({ device: m[1] }),
	examples: ['platform 3d6a000.qcom,gmu: Failed to stop GMU'],
	negatives: [
		// printed by the forced stop that follows: one event, one count
		'platform 3d6a000.qcom,gmu: Suspended GMU',
		'platform 3d6a000.qcom,gmu: Linked as a consumer to regulator.62'
	],
	explanation: {
		meaning:
			'The GMU is the small controller inside a Qualcomm Adreno GPU that manages its power. Each time the GPU goes idle the driver asks the GMU to stop; here it did not reach its idle state in time, so the driver forced it off and marked the GPU for a full recovery start the next time it is used. The device keeps working, but a GPU that fails this on every idle period restarts through the recovery path again and again: stutter when the screen wakes or an app starts drawing, more battery drain, and it often comes before GPU hangs, GPU faults or a failed suspend.',
		causes: [
			{
				kind: 'driver',
				text: 'A kgsl/GMU driver that does not match the GPU firmware or the device’s power setup, typical of custom or ported kernels.'
			},
			{
				kind: 'firmware',
				text: 'GMU firmware (aXXX_gmu.bin) of another version than the kernel expects, or loaded from the wrong vendor partition.'
			},
			{
				kind: 'hardware',
				text: 'Rarely, a GPU power rail (GX/CX regulator) that does not switch off as asked.'
			}
		],
		next_steps: [
			'Check whether it started with a new kernel or ROM: go back to the stock kernel of the device to compare.',
			'Check that the GPU firmware the kernel loaded (aXXX_sqe.fw, aXXX_gmu.bin, aXXX_zap) comes from the same firmware release as the vendor image.',
			'Look for GPU faults, hangs or snapshot messages (kgsl, adreno) after it and for failed suspends; report it to the kernel’s maintainer with this log.'
		],
		references: ['https://docs.kernel.org/gpu/msm-crash-dump.html']
	}
};

const NVIDIA_REFS = [
	'https://github.com/NVIDIA/open-gpu-kernel-modules',
	'https://wiki.archlinux.org/title/NVIDIA'
];

/**
 * NVIDIA driver (src/nvidia/arch/nvalloc/unix/src/osinit.c, kernel-open/nvidia/nv.c): the GPU
 * could not be initialised when a program (a display server, nvidia-smi, a CUDA program) opened
 * it: `NVRM: GPU 0000:01:00.0: RmInitAdapter failed! (0x26:0x56:1482)` and `NVRM: GPU
 * 0000:01:00.0: rm_init_adapter failed, device minor number 0`; drivers before 45x print no `GPU …:`
 * (`NVRM: RmInitAdapter failed! (0x26:0xffff:1227)`, `NVRM: rm_init_adapter failed for device
 * bearing minor number 0`). Both lines of one attempt are one finding; every later open tries
 * again and counts. Written from the driver's format strings: no corpus log has it.
 */
export const nvidiaInitFailed: LineRule = {
	id: 'gpu.nvidia-init-failed',
	category: 'gpu',
	severity: 'high',
	triggers: ['RmInitAdapter failed', 'rm_init_adapter failed'],
	pattern:
		/^NVRM: (?:GPU ([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]): )?(?:RmInitAdapter failed! \((0x[0-9a-f]+:0x[0-9a-f]+:\d+)\)|rm_init_adapter failed(?:, device minor number| for device bearing minor number) (\d+))/,
	title: (m) =>
		m[1] ? `NVIDIA GPU ${m[1]} could not be initialised` : 'NVIDIA GPU could not be initialised',
	details: (m) => ({ device: m[1] ?? null, rm_error: m[2] ?? null }),
	// nv.c: the driver's own reason, printed just before (`GPU does not have the necessary power
	// cables connected.`)
	context: {
		trigger: 'necessary power cables',
		pattern: /^NVRM: GPU (\S+): GPU does not have the necessary power cables connected/,
		details: (m) => ({ device: m[1], power_cables_missing: true }),
		within: 10,
		sameDevice: true,
		examples: ['NVRM: GPU 0000:01:00.0: GPU does not have the necessary power cables connected.']
	},
	examples: [
		'NVRM: GPU 0000:01:00.0: RmInitAdapter failed! (0x26:0x56:1482)',
		'NVRM: GPU 0000:01:00.0: rm_init_adapter failed, device minor number 0',
		'NVRM: RmInitAdapter failed! (0x26:0xffff:1227)',
		'NVRM: rm_init_adapter failed for device bearing minor number 0'
	],
	negatives: ['NVRM: loading NVIDIA UNIX x86_64 Kernel Module  535.104.05'],
	explanation: {
		meaning:
			'The NVIDIA driver loaded, but it could not start the GPU when a program (the display server, nvidia-smi, a CUDA program) opened it: the GPU cannot be used in this boot (no NVIDIA display, `nvidia-smi` says "No devices were found"). Each later attempt prints it again. The codes in brackets are the driver’s internal status; the NVRM lines just before it usually give the reason.',
		causes: [
			{
				kind: 'hardware',
				text: 'The card is not powered: PCIe power cables not connected (`power_cables_missing`), a weak power supply, or an external GPU enclosure or riser that is not working.'
			},
			{
				kind: 'driver',
				text: 'A driver release that does not support this GPU well, or GPU firmware (GSP) that fails to start (recent drivers, codes such as 0x62).'
			},
			{
				kind: 'firmware',
				text: 'A laptop’s hybrid graphics (dGPU powered off by the firmware or runtime power management), or BIOS settings such as a disabled Above-4G decoding that leave the GPU’s memory unmapped.'
			},
			{ kind: 'hardware', text: 'A failing GPU (it also shows Xid 79 or vanishes from `lspci`).' }
		],
		next_steps: [
			'Read the NVRM lines just before it; check that `lspci -nnk` shows the GPU with the nvidia driver in use.',
			'On a desktop, check the PCIe power cables and reseat the card; on a server, check the slot and the power supply.',
			'Try another driver release (a newer one, or the legacy branch the GPU needs); if GSP firmware is suspected, test `NVreg_EnableGpuFirmware=0` (proprietary modules only).',
			'Update the BIOS; on laptops, check the graphics mode (hybrid/discrete) in the firmware settings. Run `nvidia-bug-report.sh` for a report.'
		],
		references: NVIDIA_REFS
	}
};

/**
 * nv.c: the NVIDIA module loaded but has no GPU to drive: `NVRM: No NVIDIA GPU found.`, `NVRM:
 * No NVIDIA devices probed.` (older drivers `NVRM: No NVIDIA graphics adapter found!`). The
 * driver says why in the lines just before (the context): another driver (nouveau) owns the GPU
 * (`NVRM: The NVIDIA probe routine was not called for 1 device(s).`), or this release does not
 * support it (`NVRM:  supported through the NVIDIA 470.xx Legacy drivers. Please`, `NVRM:
 * installed in this system is not supported by the`). Written from the driver's format strings.
 */
export const nvidiaNoGpu: LineRule = {
	id: 'gpu.nvidia-no-gpu',
	category: 'gpu',
	severity: 'medium',
	triggers: ['NVRM: No NVIDIA '],
	pattern: /^NVRM: No NVIDIA (?:GPU found|devices probed|graphics adapter found)/,
	title: () => 'NVIDIA driver loaded but found no GPU it can drive',
	details: () => ({}),
	context: {
		trigger: [
			'NVRM: The NVIDIA probe routine',
			'supported through the NVIDIA ',
			'installed in this system is not supported'
		],
		pattern:
			/^NVRM: {1,2}(?:(The NVIDIA probe routine was not called)|(?:\S.* )?supported through the NVIDIA ([\w.]+) Legacy drivers|(installed in this system is not supported))/,
		details: (m) => ({
			reason: m[1]
				? 'another driver (nouveau, nvidiafb, rivafb) took the GPU'
				: m[2]
					? `the GPU needs the NVIDIA ${m[2]} legacy driver`
					: 'the GPU is not supported by this driver release',
			legacy_branch: m[2] ?? null
		}),
		within: 30,
		examples: [
			'NVRM: The NVIDIA probe routine was not called for 1 device(s).',
			'NVRM:  supported through the NVIDIA 470.xx Legacy drivers. Please',
			'NVRM: installed in this system is not supported by the'
		]
	},
	examples: ['NVRM: No NVIDIA GPU found.', 'NVRM: No NVIDIA devices probed.'],
	negatives: ['NVRM: loading NVIDIA UNIX x86_64 Kernel Module  535.104.05'],
	explanation: {
		meaning:
			'The NVIDIA kernel module was loaded but did not take any GPU, so nothing uses the NVIDIA driver in this boot (the desktop runs on another GPU or without acceleration). `reason`, from the driver’s lines just before, says why when it printed one.',
		causes: [
			{
				kind: 'configuration',
				text: 'Another driver took the GPU first: nouveau (or nvidiafb/rivafb) was not blacklisted, or is in the initramfs.'
			},
			{
				kind: 'configuration',
				text: 'The installed driver release does not support this GPU: older GPUs need a legacy branch (470.xx, 390.xx, 340.xx), the newest GPUs a newer driver, and pre-Turing GPUs the proprietary instead of the open kernel modules.'
			},
			{
				kind: 'firmware',
				text: 'The GPU is switched off or hidden by the firmware (a laptop in integrated-only mode), or absent.'
			}
		],
		next_steps: [
			'Check `lspci -nnk | grep -A3 -i nvidia`: which driver is in use for the GPU, and its PCI ID.',
			'If nouveau holds it, blacklist nouveau (the driver package usually does) and rebuild the initramfs.',
			'If the release does not support the GPU, install the branch NVIDIA lists for it (the legacy branch named in `legacy_branch`).'
		],
		references: NVIDIA_REFS
	}
};

/**
 * amdgpu's power-management firmware (SMU) not answering: `amdgpu 0000:03:00.0: amdgpu: SMU: I'm
 * not done with your previous command: SMN_C2PMSG_66:0x00000006 SMN_C2PMSG_82:0x00000000!`
 * (drivers/gpu/drm/amd/pm/swsmu/smu_cmn.c __smu_cmn_reg_print_error) and the older powerplay
 * drivers' `amdgpu: [powerplay] Failed to send message 0x2a, response 0x0`. Written from the
 * kernel's format strings: no corpus log has it.
 */
export const amdgpuSmuTimeout: LineRule = {
	id: 'gpu.amdgpu-smu-timeout',
	category: 'gpu',
	severity: 'medium',
	triggers: ["I'm not done with your previous command", '[powerplay] Failed to send message'],
	pattern:
		/^(?:amdgpu ([0-9a-f:.]+): )?amdgpu: (?:SMU: I'm not done with your previous command|\[powerplay\] Failed to send message (0x[0-9a-f]+))/,
	title: (m) =>
		m[1]
			? `AMD GPU ${m[1]} power-management firmware (SMU) not answering`
			: 'AMD GPU power-management firmware (SMU) not answering',
	details: (m) => ({ device: m[1] ?? null, message: m[2] ?? null }),
	storm: { count: 20, severity: 'high' },
	examples: [
		"amdgpu 0000:03:00.0: amdgpu: SMU: I'm not done with your previous command: SMN_C2PMSG_66:0x00000006 SMN_C2PMSG_82:0x00000000!",
		'amdgpu: [powerplay] Failed to send message 0x2a, response 0x0'
	],
	negatives: ['amdgpu 0000:03:00.0: amdgpu: SMU is resuming...'],
	explanation: {
		meaning:
			'The AMD GPU’s System Management Unit (the firmware that sets clocks, voltages, fans and power states) did not answer a request from the driver in time. Clock or power changes are lost; when it keeps happening the GPU usually hangs, fails to resume or resets soon after (look for ring timeouts and GPU resets next to it).',
		causes: [
			{
				kind: 'driver',
				text: 'A driver or SMU firmware bug with this GPU, most often at resume from suspend or at runtime power-down (dGPUs of laptops).'
			},
			{
				kind: 'configuration',
				text: 'Overclocking, undervolting or power-limit tools (CoreCtrl, LACT, `amdgpu.ppfeaturemask`) pushing the SMU outside what it accepts.'
			},
			{
				kind: 'hardware',
				text: 'An unstable GPU or power supply, or a GPU that has stopped answering entirely.'
			}
		],
		next_steps: [
			'Remove overclocks/undervolts and custom `amdgpu.ppfeaturemask` values, and reboot.',
			'Update the kernel and linux-firmware together (the SMU firmware comes from linux-firmware).',
			'If it happens at resume or idle on a laptop dGPU, test `amdgpu.runpm=0`; report it to the amdgpu issue tracker with this log.'
		],
		references: AMDGPU_REFS
	}
};

/**
 * The GPU driver gave up on the GPU at probe: amdgpu/radeon `amdgpu 0000:03:00.0: amdgpu: Fatal
 * error during GPU init` (amdgpu_device.c, radeon_device.c; radeon prints no `amdgpu: `) and i915
 * `i915 0000:00:02.0: Device initialization failed (-110)` (i915_driver.c i915_driver_probe(),
 * 5.x-6.x: `[drm] *ERROR* Device initialization failed (-110)`). The lines before it say which
 * part failed (an IP block's hw_init, firmware, a timeout); the driver core's `probe of … failed`
 * follows. Written from the kernel's format strings: no corpus log has them.
 */
export const gpuInitFailed: LineRule = {
	id: 'gpu.init-failed',
	category: 'gpu',
	severity: 'medium',
	triggers: ['Fatal error during GPU init', 'Device initialization failed ('],
	pattern:
		/^(?:(amdgpu|radeon) (\S+): (?:amdgpu: )?Fatal error during GPU init|(i915) (\S+): (?:\[drm\] \*ERROR\* )?Device initialization failed \((-\d+)\))/,
	title: (m) => `GPU ${m[2] ?? m[4]} could not be initialised (${m[1] ?? m[3]})`,
	details: (m) => ({
		driver: m[1] ?? m[3],
		device: m[2] ?? m[4],
		error: m[5] ? errnoName(m[5]) : null
	}),
	examples: [
		'amdgpu 0000:03:00.0: amdgpu: Fatal error during GPU init',
		'radeon 0000:01:00.0: Fatal error during GPU init',
		'i915 0000:00:02.0: [drm] *ERROR* Device initialization failed (-110)',
		'i915 0000:00:02.0: Device initialization failed (-22)'
	],
	negatives: ['amdgpu 0000:03:00.0: amdgpu: SMU is initialized successfully!'],
	explanation: {
		meaning:
			'The graphics driver could not bring this GPU up and gave up on it: it has no accelerated driver in this boot. The screen, if it is on this GPU, stays on the firmware’s basic framebuffer (low resolution, no 3D, no video decoding, often no external screens), or black. The lines just before it say which part failed (an `*ERROR* … hw_init of IP block … failed`, a firmware file that could not be loaded, a timeout).',
		causes: [
			{
				kind: 'firmware',
				text: 'GPU firmware missing or too old for this GPU (linux-firmware: amdgpu/*.bin, i915/*.bin), or missing from the initramfs.'
			},
			{
				kind: 'driver',
				text: 'A GPU newer than the kernel’s driver supports, or a driver regression for this GPU.'
			},
			{
				kind: 'configuration',
				text: 'Kernel parameters that get in the way (`nomodeset`, `amdgpu.si_support`/`cik_support` choices, a wrong `amdgpu.dc`), or BIOS settings (Above-4G decoding / Resizable BAR, the primary display).'
			},
			{ kind: 'hardware', text: 'A GPU not answering (power, seating, a failing card).' }
		],
		next_steps: [
			'Read the GPU lines just before it (`journalctl -k -b | grep -iE "amdgpu|radeon|i915|drm"`): the first error names the failing part.',
			'Update linux-firmware and the kernel together and rebuild the initramfs; a GPU released after your kernel needs a newer one.',
			'Remove `nomodeset` and GPU tuning parameters from the kernel command line; on desktops check the card’s power cables and seating.'
		],
		references: [
			'https://docs.kernel.org/gpu/amdgpu/index.html',
			'https://docs.kernel.org/gpu/i915.html'
		]
	}
};
