import { bootEndNote, type BootEndFacts } from '../../src/lib/ingestion/boot-end.ts';

/**
 * Ingestion's own note on a boot that stopped early (`bootEndNote`), as the reports and the page
 * group such notes: boot `index` from `firstLine`, its last kernel time `lastTs`, `init` when user
 * space had started.
 */
export function earlyStopNote(
	index: number,
	firstLine: number,
	lastTs: number,
	init: boolean
): string {
	const b: BootEndFacts = {
		index,
		firstLine,
		lastLine: firstLine + 99,
		banner: true,
		firstTs: 0,
		lastTs,
		firstWall: NaN,
		lastWall: NaN,
		programs: false,
		init,
		lastText: 'usb 1-1: new high-speed USB device number 2 using xhci_hcd',
		crash: false
	};
	return bootEndNote(b, index + 1, NaN)!;
}
