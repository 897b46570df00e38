import type { BenignRule } from './types.ts';

/** Messages that look alarming but are routine; each entry says why. */
export const BENIGN: BenignRule[] = [
	{
		id: 'benign.acpi-osi',
		pattern: /^ACPI: (?:Added _OSI|_OSC evaluation)/,
		example: 'ACPI: Added _OSI(Module Device)',
		why: 'Routine ACPI capability negotiation at boot.'
	}
];
