/**
 * Advice that was wrong for virtual machines, found by a QA reading of the real-log corpus
 * (../shared/corpus/real), with verbatim excerpts: abrt-nmi-oops-hash.log (a hard lockup in the
 * idle path of a QEMU/KVM guest, `Hardware name: Bochs`), cmpe283-assignment1-dmesg-log.log
 * (MMIO Stale Data without microcode on Google Compute Engine) and dioxis33-errors-dmesg-txt.log
 * (a VirtualBox guest's `[Firmware Bug]: TSC doesn't count with P0 frequency!`). In a virtual
 * machine the first step names the host; on bare metal the advice is what it was.
 */
import { describe, expect, it } from 'vitest';
import { CRASH_EXPLANATIONS } from '../../src/lib/providers/crash-explanations.ts';
import { VM_STEPS } from '../../src/lib/providers/heuristic.ts';
import { LINE_RULES } from '../../src/lib/analysis/rules/index.ts';
import { findingsOf } from '../support/analyze.ts';
import { ABRT_NMI_HARD_LOCKUP } from '../support/excerpts.ts';

const NMI = ABRT_NMI_HARD_LOCKUP;

/** cmpe283-assignment1-dmesg-log.log lines 38-39 and 206 */
const GCE = [
	'[    0.000000] DMI: Google Google Compute Engine/Google Compute Engine, BIOS Google 10/11/2022',
	'[    0.000000] Hypervisor detected: KVM',
	'[    0.438493] MMIO Stale Data: Vulnerable: Clear CPU buffers attempted, no microcode'
];

/** dioxis33-errors-dmesg-txt.log lines 3, 17-18 and 133 */
const VBOX = [
	"[    0.000000] [Firmware Bug]: TSC doesn't count with P0 frequency!",
	'[    0.000000] DMI: innotek GmbH VirtualBox/VirtualBox, BIOS VirtualBox 12/01/2006',
	'[    0.000000] Hypervisor detected: KVM',
	'[    0.066005] Speculative Return Stack Overflow: Vulnerable: Safe RET, no microcode'
];

/** the lines that make the machine a virtual machine, left out: the same log on bare metal */
const bare = (lines: string[]) =>
	lines.filter((l) => !/Hardware name: |DMI: |Hypervisor detected: /.test(l));

const only = async (lines: string[], rule: string) => {
	const f = (await findingsOf(lines)).filter((x) => x.rule === rule);
	expect(f).toHaveLength(1);
	return f[0];
};

describe('a hard lockup in a QEMU/KVM guest (abrt-nmi-oops-hash.log)', () => {
	it('first points at the host: overcommit, steal time, nmi_watchdog=0', async () => {
		const f = await only(NMI, 'crash.hard-lockup');
		const steps = f.explanation.next_steps;
		expect(steps[0]).toMatch(/^This machine is a virtual machine \(Bochs\): /);
		expect(steps[0]).toContain('steal time');
		expect(steps[0]).toContain('nmi_watchdog=0');
		expect(steps.join('\n')).not.toContain('hardware health');
		expect(f.severity).toBe((await only(bare(NMI), 'crash.hard-lockup')).severity);
	});

	it('keeps the firmware and hardware step on bare metal', async () => {
		const steps = (await only(bare(NMI), 'crash.hard-lockup')).explanation.next_steps;
		expect(steps.join('\n')).toContain('check the firmware version and hardware health');
		expect(steps.join('\n')).not.toContain('virtual machine (');
	});
});

describe('microcode missing in a cloud VM (cmpe283-assignment1-dmesg-log.log)', () => {
	it('is for the host or the provider, not a package in the guest', async () => {
		const f = await only(GCE, 'firmware.microcode-missing');
		const steps = f.explanation.next_steps;
		expect(steps[0]).toMatch(/^This machine is a virtual machine \(Google Compute Engine\): /);
		expect(steps[0]).toContain('provider');
		expect(steps.join('\n')).not.toContain('intel-microcode');
		// the check of the state stays
		expect(steps.join('\n')).toContain('/sys/devices/system/cpu/vulnerabilities');
		expect(f.severity).toBe('low');
	});

	it('still says to install the microcode package on bare metal', async () => {
		const steps = (await only(bare(GCE), 'firmware.microcode-missing')).explanation.next_steps;
		expect(steps[0]).toMatch(/^Install\/update intel-microcode/);
	});
});

describe("a VirtualBox guest's TSC firmware bug (dioxis33-errors-dmesg-txt.log)", () => {
	it('says the TSC is the hypervisor’s, not to update the BIOS', async () => {
		const f = await only(VBOX, 'firmware.firmware-bug');
		const steps = f.explanation.next_steps;
		expect(steps[0]).toMatch(/^This machine is a virtual machine \(VirtualBox\): the TSC/);
		expect(steps.join('\n')).not.toContain('Update the BIOS/UEFI');
		expect(f.severity).toBe((await only(bare(VBOX), 'firmware.firmware-bug')).severity);
	});

	it('leaves other firmware bugs of a VM alone', async () => {
		const f = await only(
			[VBOX[1], '[    0.000000] AMD-Vi: [Firmware Bug]: : No southbridge IOAPIC found'],
			'firmware.firmware-bug'
		);
		expect(f.explanation.next_steps.join('\n')).not.toContain('virtual machine (');
	});

	it('gives its microcode finding the host step too', async () => {
		const f = await only(VBOX, 'firmware.microcode-missing');
		expect(f.explanation.next_steps[0]).toMatch(
			/^This machine is a virtual machine \(VirtualBox\)/
		);
	});
});

describe('the table of VM steps', () => {
	it('gives an unstable TSC in a guest the hypervisor step, without the BIOS one', async () => {
		const f = await only(
			[
				VBOX[1],
				"[   20.000000] clocksource: timekeeping watchdog on CPU3: Marking clocksource 'tsc' as unstable because the skew is too large:"
			],
			'hardware.clocksource-unstable'
		);
		const steps = f.explanation.next_steps;
		expect(steps[0]).toMatch(/^This machine is a virtual machine \(VirtualBox\)/);
		expect(steps.join('\n')).not.toContain('On bare metal update the BIOS');
		expect(steps.join('\n')).toContain('In a VM nothing is needed');
	});

	// amdmsrtweaker-lnx-dmesg-txt.log lines 23 and 246-248: a Lenovo laptop's TSC warp at boot
	const LENOVO = [
		'[    0.000000] DMI: LENOVO Sabine/Torpedo, BIOS 54CN18WW 07/20/2011',
		'[    0.593580] TSC synchronization [CPU#0 -> CPU#1]:',
		'[    0.593580] Measured 131240517 cycles TSC warp between CPUs, turning off TSC clock.',
		'[    0.593580] tsc: Marking TSC unstable due to check_tsc_sync_source failed'
	];

	it('does not offer a virtual machine as the cause of an unstable TSC on bare metal', async () => {
		const f = await only(LENOVO, 'hardware.clocksource-unstable');
		const text = JSON.stringify(f.explanation.causes) + f.explanation.next_steps.join('\n');
		expect(text).not.toMatch(/virtual machine|In a VM|most common case/);
		expect(f.explanation.causes.map((c) => c.kind)).toEqual(['firmware', 'hardware', 'kernel']);
		expect(f.explanation.next_steps[1]).toMatch(/^On bare metal update the BIOS/);
	});

	it('keeps the virtual machine cause when the log does not say what the machine is', async () => {
		const f = await only(LENOVO.slice(1), 'hardware.clocksource-unstable');
		expect(f.explanation.causes[0].text).toMatch(/^In a virtual machine, /);
		expect(f.explanation.next_steps.join('\n')).toContain('In a VM nothing is needed');
	});

	const explanation = (rule: string) =>
		CRASH_EXPLANATIONS[rule] ?? LINE_RULES.find((r) => r.id === rule)?.explanation;

	it('names causes and steps for bare metal that are the rule’s own', () => {
		for (const [rule, v] of Object.entries(VM_STEPS)) {
			const e = explanation(rule);
			for (const d of v.bareMetal?.causes ?? [])
				expect(
					e?.causes.some((c) => c.text.startsWith(d)),
					`${rule}: ${d}`
				).toBe(true);
			for (const d of v.bareMetal?.steps ?? [])
				expect(
					e?.next_steps.some((s) => s.startsWith(d)),
					`${rule}: ${d}`
				).toBe(true);
		}
	});

	it('names rules that exist, and each step it drops is one of the rule’s', () => {
		for (const [rule, v] of Object.entries(VM_STEPS)) {
			const e = explanation(rule);
			expect(e, rule).toBeDefined();
			for (const d of v.drops ?? [])
				expect(
					e?.next_steps.some((s) => s.startsWith(d)),
					`${rule}: ${d}`
				).toBe(true);
		}
	});
});
