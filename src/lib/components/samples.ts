/** Bundled sample logs (static/samples/, sources in fixtures/README.md). */
export interface Sample {
	file: string;
	label: string;
}

export const SAMPLES: Sample[] = [
	{ file: 'kasan-use-after-free.log', label: 'KASAN use-after-free (syzbot console log)' },
	{ file: 'warning-radeon.log', label: 'Kernel WARNING in a GPU driver (laptop dmesg)' },
	{ file: 'amdgpu-ring-timeout.log', label: 'GPU ring timeout and reset (amdgpu, journalctl)' }
];
