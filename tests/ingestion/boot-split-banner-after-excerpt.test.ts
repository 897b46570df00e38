/**
 * A `Linux version` banner within a boot's first 30 records had been read as that boot's own
 * (arm64's `Booting Linux on physical CPU`, old kernels' `Initializing cgroup subsys` come before
 * it), so a cut excerpt of under 30 lines, then another boot's dmesg whose time did not drop by
 * more than 1 s, was one boot. What came before the banner now tells (AFTER_BANNER and bootOpener
 * in src/lib/ingestion/tracker.ts). Excerpts of real logs in fixtures/formats/real/.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/lib/pipeline.ts';
import { boots, fixtureLines, ingestText } from './helpers.ts';

const SKOMRA = 'real/skomra-logs-vmcore-dmesg-txt.log';
const CLEARFOG = 'real/debian-clearfog-gt-8k-dmesg-excerpt.log';

/** 20 lines after an x86 dmesg's banner, all at 0.000000 (`Command line:`, `x86/fpu:`, e820...) */
const X86_EARLY = fixtureLines(SKOMRA, 6, 25);
/** 20 lines of the same dmesg from 0.010247 s to 0.044138 s (DMAR, x2apic): no line of the start */
const X86_LATER = fixtureLines(SKOMRA, 240, 259);
/** an arm64 dmesg's start: `Booting Linux on physical CPU`, its banner, 22 lines more */
const ARM64 = fixtureLines(CLEARFOG, 13, 36);
/** an x86 dmesg's start: three `Initializing cgroup subsys` lines, its banner, 10 lines more */
const X86_START = fixtureLines(SKOMRA, 2, 15);

const untimed = (lines: string[]): string[] => lines.map((l) => l.replace(/^\[ *\d+\.\d+\] /, ''));
const text = (...parts: string[][]): string => parts.flat().join('\n') + '\n';

describe('a cut excerpt of under 30 lines, then another boot’s dmesg', () => {
	it('an excerpt of a kernel’s early lines, then an arm64 dmesg: two boots from its CPU line', async () => {
		const run = ingestText(text(X86_EARLY, ARM64));
		// they had been one boot: the banner came 21 records into it, at the same 0.000000 s
		expect(boots(run)).toEqual(['start@1-20', 'banner@21-44']);
		const r = await analyzeText(text(X86_EARLY, ARM64));
		expect(r.metadata.boots.map((b) => b.kernel_version)).toEqual([null, '5.8.0-0.bpo.2-arm64']);
	});

	it('an excerpt whose time went past the banner’s, then an x86 dmesg: two boots', () => {
		// 0.044 s then 0.000000: a drop under 1 s is no reset, and no line says it is a start
		const run = ingestText(text(X86_LATER, X86_START));
		expect(boots(run)).toEqual(['start@1-20', 'banner@21-34']);
	});

	it('the same as `dmesg -t` prints them, without times: two boots by what the excerpt says', () => {
		expect(boots(ingestText(text(untimed(X86_EARLY), untimed(ARM64))))).toEqual([
			'start@1-20',
			'banner@21-44'
		]);
		expect(boots(ingestText(text(untimed(X86_EARLY), untimed(X86_START))))).toEqual([
			'start@1-20',
			'banner@21-34'
		]);
	});

	it('a dmesg’s own lines before its banner stay its boot, timed or not', () => {
		expect(boots(ingestText(text(ARM64)))).toEqual(['start@1-24']);
		expect(boots(ingestText(text(X86_START)))).toEqual(['start@1-14']);
		expect(boots(ingestText(text(untimed(ARM64))))).toEqual(['start@1-24']);
		expect(boots(ingestText(text(untimed(X86_START))))).toEqual(['start@1-14']);
		// the whole serial capture: U-Boot's EFI loader, the EFI stub, then the kernel
		expect(boots(ingestText(text(fixtureLines(CLEARFOG, 1, 40))))).toEqual(['start@9-40']);
	});

	it('an untimed excerpt of lines a kernel prints after its banner, then a dmesg: its own boot', () => {
		// DMAR and x2apic lines without their times (start_kernel prints them after setting the
		// architecture up, never before a banner): they had been counted in the next dmesg's boot,
		// named after its kernel; the user pasted an excerpt of another boot before that dmesg
		expect(boots(ingestText(text(untimed(X86_LATER), untimed(X86_START))))).toEqual([
			'start@1-20',
			'banner@21-34'
		]);
		// the same excerpt before the dmesg with its times (the excerpt copied from `dmesg -t`)
		expect(boots(ingestText(text(untimed(X86_LATER), X86_START)))).toEqual([
			'start@1-20',
			'banner@21-34'
		]);
		// a driver's lines about its device by bus address: linux-bug-dmesg-out.log's USB mouse
		const USB = untimed(fixtureLines('real/linux-bug-dmesg-out.log', 1, 6));
		expect(USB[0]).toBe('usb 1-1.1: new full-speed USB device number 4 using xhci_hcd');
		const run = ingestText(text(USB, untimed(ARM64)));
		expect(boots(run)).toEqual(['start@1-6', 'banner@7-30']);
		expect(run.summary.metadata.boots.map((b) => b.kernel_version)).toEqual([
			null,
			'5.8.0-0.bpo.2-arm64'
		]);
	});
});
