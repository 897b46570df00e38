import type { BenignRule } from './types.ts';

/**
 * Routine messages that do not even look alarming, kept without a finding even if a rule would
 * match them; each entry says why. Routine lines that do look alarming (an error-ish word,
 * `failed`, `[Firmware Bug]`, `*ERROR*`, `timeout`) are not listed here but are routine info
 * findings that say why they are harmless (LineRule.routine: rules/notices.ts,
 * rules/notices-known.ts): a report silent about them reads as if it had missed them.
 * The engine checks these only for lines a rule already matched, so they cost nothing per line.
 */
export const BENIGN: BenignRule[] = [
	{
		id: 'benign.acpi-osi',
		pattern: /^ACPI: Added _OSI\(/,
		example: 'ACPI: Added _OSI(Module Device)',
		why: 'Routine ACPI capability negotiation at boot: the kernel lists the interfaces it answers yes to.'
	}
];
