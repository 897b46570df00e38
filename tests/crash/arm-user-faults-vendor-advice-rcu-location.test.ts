/**
 * Crash findings that said more than the log does: an ARM user process's `Unhandled fault:` (a
 * signal, the kernel going on) reported as a high kernel crash; the advice to try kernel.org's
 * newest stable kernel and report upstream given for distributions' and device makers' kernels
 * (debian-clearfog-gt-8k-dmesg, abrt's Fedora and RHEL builds); an RCU stall's fault location
 * taken from the CPU its grace-period kthread last ran on (syzkaller report 720).
 */
import { describe, expect, it } from 'vitest';
import { analyzeLines, crashesOf } from '../support/analyze.ts';
import {
	CLEARFOG_TWO_WARNINGS,
	FIPS_OOPS,
	LKP48_GPF,
	MS912X_WARN,
	MTRR_WARN
} from '../support/excerpts.ts';
import { fixture } from '../support/fixtures.ts';
import { TRY_STABLE, REPORT_UPSTREAM } from '../../src/lib/providers/crash-explanations.ts';
import { kernelVendor } from '../../src/lib/providers/vendor-kernel.ts';

/** a Raspberry Pi's boot (banner, CPU, model): the lines of a dmesg before the fault */
const PI_BOOT = [
	'[    0.000000] Booting Linux on physical CPU 0x0',
	'[    0.000000] Linux version 5.10.63-v7+ (dom@buildbot) (arm-linux-gnueabihf-gcc-8 (Ubuntu/Linaro 8.4.0-3ubuntu1) 8.4.0, GNU ld (GNU Binutils for Ubuntu) 2.34) #1459 SMP Wed Oct 6 16:41:10 BST 2021',
	'[    0.000000] CPU: ARMv7 Processor [410fd034] revision 4 (ARMv7), cr=10c5383d',
	'[    0.000000] OF: fdt: Machine model: Raspberry Pi 3 Model B Rev 1.2'
];
/** what the machine printed next: it went on */
const WENT_ON = ['[ 9081.200000] usb 1-1.2: new high-speed USB device number 4 using dwc_otg'];

/**
 * syzkaller report 548 lines 1-4 (fixtures/syzkaller; ARM, 5.10): do_DataAbort()'s `8<--- cut
 * here ---`, `Unhandled fault:` and page-table walk, here without the `Internal error:` oops that
 * follows them there (a fault in kernel mode): what a user-mode fault prints
 */
const USER_DOMAIN_FAULT = [
	'[ 9080.453689] 8<--- cut here ---',
	'[ 9080.454760] Unhandled fault: page domain fault (0x01b) at 0x00000e30',
	'[ 9080.455761] pgd = e852c1e3',
	'[ 9080.456588] [00000e30] *pgd=e8c3e835'
];

/**
 * The same with the fault a program that maps a switched-off peripheral (`/dev/mem`) gets: the
 * name and status code are fsr-2level.c's `external abort on non-linefetch` (0x1018, SIGBUS). No
 * corpus log holds one; the line is built from do_DataAbort()'s format.
 */
const USER_EXTERNAL_ABORT = USER_DOMAIN_FAULT.map((l) =>
	l.replace(
		'page domain fault (0x01b) at 0x00000e30',
		'external abort on non-linefetch (0x1018) at 0xb6f3b000'
	)
);

describe('an ARM `Unhandled fault:` with no oops after it is a user process’s fault, not a kernel crash', () => {
	it('a domain fault: low, titled as the fault in user space, no trace to decode (had been `Unhandled fault in corrupted`, high, a kernel crash)', async () => {
		const r = await analyzeLines([...PI_BOOT, ...USER_DOMAIN_FAULT, ...WENT_ON]);
		const [f] = r.findings.filter((x) => x.category === 'crash');
		expect([f.rule, f.severity, f.title]).toEqual([
			'crash.arm-user-fault',
			'low',
			'Unhandled fault in user space: page domain fault'
		]);
		expect(f.details.corrupted).toBe(false);
		expect(f.details.type).toBeNull();
		expect(f.explanation.meaning).toMatch(/^Not a kernel crash: .*SIGSEGV for a domain/);
		expect(f.explanation.next_steps.some((s) => s.includes('decode_stacktrace'))).toBe(false);
		expect(r.summary.verdict).not.toBe('kernel-crash');
	});

	it('an external abort: medium, a bus error that points at a device mapping', async () => {
		const [f] = await crashesOf([...PI_BOOT, ...USER_EXTERNAL_ABORT, ...WENT_ON]);
		expect([f.rule, f.severity, f.title]).toEqual([
			'crash.arm-user-fault',
			'medium',
			'Unhandled fault in user space: external abort on non-linefetch'
		]);
		expect(f.explanation.meaning).toContain('killed it with SIGBUS');
		expect(f.explanation.meaning).toContain('device’s registers mapped into the program');
	});

	it('keeps a kernel one, whose `Internal error:` oops follows (syzkaller 548)', async () => {
		const [f] = await crashesOf(fixture('syzkaller/548.log').split('\n'));
		expect([f.rule, f.severity, f.title]).toEqual([
			'crash.arm-fault',
			'high',
			'Unhandled fault in __dabt_svc'
		]);
	});
});

const steps = async (lines: string[]) => (await crashesOf(lines))[0].explanation.next_steps;

describe('a vendor’s kernel is updated and reported through its vendor, a mainline one upstream', () => {
	it('Debian’s backports kernel `5.8.0-0.bpo.2-arm64` (debian-clearfog-gt-8k: had been told to try the newest stable kernel and report to the maintainers)', async () => {
		const s = await steps(CLEARFOG_TWO_WARNINGS);
		expect(s).not.toContain(TRY_STABLE);
		expect(s).not.toContain(REPORT_UPSTREAM);
		expect(s).toContain(
			'This kernel (`5.8.0-0.bpo.2-arm64`) is built by Debian (or a distribution based on it): install its newest kernel update (`sudo apt update && sudo apt full-upgrade`), rather than a kernel.org kernel (on a release that gets no more updates, move to a supported one); the vendor backports fixes into its own series, so if the problem is gone, a fix exists.'
		);
		expect(
			s.some((x) =>
				x.startsWith('If it persists on the newest update, report it to Debian’s bug tracker')
			)
		).toBe(true);
	});

	it('Ubuntu’s `5.4.0-1051-fips` (ubuntu-20-04-fips-logs)', async () => {
		const s = await steps(FIPS_OOPS);
		expect(s.some((x) => x.includes('built by Ubuntu'))).toBe(true);
		expect(s.some((x) => x.includes('Launchpad (`ubuntu-bug linux`)'))).toBe(true);
	});

	it('a crash with out-of-tree modules loaded is reproduced without them before it goes to the vendor (ms912x-error-log-txt, Ubuntu `6.8.0-85-generic`: had said the upstream maintainers)', async () => {
		// without its message: with it, the WARN is a driver notice with steps of its own
		// (crash.drm-version-field-unset); the reporting steps of any WARN are what this checks
		const s = await steps(MS912X_WARN.filter((l) => !l.includes('value to copy')));
		expect(s).toContainEqual(
			expect.stringMatching(
				/^If it persists, reproduce it without the out-of-tree or proprietary modules .* before reporting it to Launchpad \(`ubuntu-bug linux`\) with the whole report/
			)
		);
	});

	it('a mainline release candidate keeps the stable-kernel and upstream steps (lkp-48, 4.8.0-rc1)', async () => {
		const s = await steps(LKP48_GPF);
		expect(s).toContain(TRY_STABLE);
		expect(s.some((x) => x.includes('built by'))).toBe(false);
	});

	it('names the vendor from the release string alone', () => {
		const names = [
			'2.6.32-19.el6.x86_64',
			'3.17.8-300.fc21.armv7hl',
			'5.14.21-150500.55.39-default',
			'6.0.11-arch1-1',
			'4.4.9-v7+',
			'5.4.259-qgki-gbb5b3f695614',
			'4.17.0-rc1-00062-g00bf5d83b483-dirty',
			'3.6.11+'
		].map((v) => kernelVendor(v)?.name.split(' ')[0] ?? null);
		expect(names).toEqual(['Red', 'Fedora', 'SUSE', 'Arch', 'Raspberry', 'the', null, null]);
	});

	it('a firmware notice has no such steps to change (MTRR_WARN, RHEL 6)', async () => {
		const s = await steps(MTRR_WARN);
		expect(s.some((x) => x.includes('built by'))).toBe(false);
	});
});

describe('an RCU stall’s fault location is of what stalled', () => {
	it('none for a preempted reader, not the `RIP:` of the CPU the grace-period kthread last ran on (syzkaller 720: had been common_interrupt_return+0x1a/0xcc)', async () => {
		const [f] = (await crashesOf(fixture('syzkaller/720.log').split('\n'))).filter(
			(x) => x.rule === 'crash.rcu-stall'
		);
		expect(f.title).toBe('INFO: rcu detected stall in corrupted');
		expect(f.stack?.fault_location).toBeNull();
	});
});
