/** Bundled sample logs (static/samples/, sources in fixtures/README.md). */
export interface Sample {
	file: string;
	label: string;
}

/**
 * The labels are short enough to be read whole in the list at 390 px (a phone), where the list is
 * about 220 px of text beside its label: "KASAN use-after-free (syzbot console log)" had been cut
 * after "(syzb". They are a syzbot console log, a laptop's dmesg and an amdgpu machine's journal
 * (fixtures/e2e/README.md names their sources).
 */
export const SAMPLES: Sample[] = [
	{ file: 'kasan-use-after-free.log', label: 'KASAN use-after-free' },
	{ file: 'warning-radeon.log', label: 'GPU driver WARNING' },
	{ file: 'amdgpu-ring-timeout.log', label: 'GPU ring timeout, reset' }
];
