import type { Explanation } from '../../models/finding.ts';
import type { LineRule } from './types.ts';

/** Decode the x86 page-fault error code printed by show_signal_msg (arch/x86/mm/fault.c). */
export function decodePageFaultError(code: number): string {
	const parts = [
		code & 1 ? 'protection violation' : 'page not present',
		code & 2 ? 'write' : 'read',
		code & 4 ? 'user mode' : 'kernel mode'
	];
	if (code & 16) parts.push('instruction fetch');
	if (code & 32) parts.push('protection key');
	return parts.join(', ');
}

/**
 * The file the faulting instruction is in: the `in file[base+size]` mapping, unless the ip lies
 * outside it (kernels before 6.1 printed find_vma's answer, the next mapping above the address,
 * for a jump into unmapped memory).
 */
function objectOf(m: RegExpExecArray): string | null {
	const name = m[9];
	if (name === undefined || m[10] === undefined) return name ?? null;
	const ip = BigInt(`0x${m[4] ?? m[7]}`);
	const base = BigInt(`0x${m[10]}`);
	return ip >= base && ip < base + BigInt(`0x${m[11]}`) ? name : null;
}

/**
 * The legacy vsyscall page of x86-64, at ffffffffff600000 (one page): a jump into it, printed as
 * a segfault whose ip is in it, is a call of the old vsyscall time()/gettimeofday()/getcpu() that
 * this kernel does not map (`vsyscall=none`, CONFIG_LEGACY_VSYSCALL_NONE).
 */
const VSYSCALL = /^f{10}600[0-9a-f]{3}$/;

const isVsyscall = (m: RegExpExecArray): boolean => VSYSCALL.test(m[4] ?? m[7] ?? '');

/** the init process: the kernel panics when it dies (`Attempted to kill init!`) */
const isInit = (m: RegExpExecArray): boolean => m[2] === '1';

const VSYSCALL_CAUSE = {
	kind: 'configuration',
	text: 'The program jumped into the legacy vsyscall page (address ffffffffff600xxx: the old fast time(), gettimeofday() and getcpu() of glibc before 2.14, still in static binaries, old containers, chroots and initramfs images), and this kernel does not provide it: it was booted with `vsyscall=none` or built with CONFIG_LEGACY_VSYSCALL_NONE (the kernel says so on the line `vsyscall attempted with vsyscall=none` next to this one).'
} as const;

const VSYSCALL_STEPS = [
	'Boot with `vsyscall=xonly` (the default since 5.3: calls are emulated) or `vsyscall=emulate` on the kernel command line, or build the kernel with CONFIG_LEGACY_VSYSCALL_XONLY; check the current setting with `grep -o "vsyscall=[a-z]*" /proc/cmdline`.',
	'Or replace the program with one built against a newer C library (glibc 2.14 or later does not use the vsyscall page).'
];

/**
 * A user program's `trap int3`: a breakpoint instruction it ran on purpose, with no debugger to
 * take it, the way Chromium and Electron apps (CHECK() failures, IMMEDIATE_CRASH()) and GLib
 * (g_error(), G_BREAKPOINT) stop on a fatal internal error: SIGTRAP ends the program. Not a memory
 * fault, and never a sign of bad RAM (venroot-logs-dmesg-log.log: `Chrome_IOThread` of the
 * Electron app PreMiD; ms912x-error-log-txt.log: GNOME's Cheese in GLib), which the rule's own
 * explanation had said it could be.
 */
const INT3: Explanation = {
	meaning:
		'A user-space program stopped itself: `trap int3` is a breakpoint instruction (int3), which programs run on purpose when they find a fatal internal error and want to stop at once, with no debugger attached to take it; the kernel then sends SIGTRAP and the program dies (a core dump when those are enabled). Chromium, Chrome and Electron apps do this on a failed internal check (`CHECK()`, `IMMEDIATE_CRASH()`, in a thread named after its role: `Chrome_IOThread`, `CrBrowserMain`), and GLib programs on `g_error()` or a failed assertion. Not a memory fault and not a kernel crash: the bug, or the condition the program could not handle, is in the program or the library named after `in`.',
	causes: [
		{
			kind: 'userspace',
			text: 'A check that failed inside the program or the library named after `in` (an unexpected state, a missing resource, an incompatible library or GPU driver).'
		}
	],
	next_steps: [
		'Run the program from a terminal, or read its log and `coredumpctl info <pid>`: the message printed just before the trap says which check failed (Chromium and Electron write it as `[FATAL:…]` or `Check failed:`; GLib as `ERROR:` or `**`).',
		'Update the program (an Electron app bundles its own Chromium); report the crash to its developers with that message and the backtrace.'
	],
	references: ['https://man7.org/linux/man-pages/man1/coredumpctl.1.html']
};

/**
 * The explanation of a segfault of the init process (PID 1) or of a call into the vsyscall page,
 * else none (the rule's own). lkp-09.log and lkp-49.log: `init[1]: segfault at ffffffffff600400
 * ip ffffffffff600400 … error 15`, then `Kernel panic - not syncing: Attempted to kill init!
 * exitcode=0x0000000b`: init was a static binary of an old glibc and the test kernel had
 * `vsyscall=none`; the finding had been a low "Segfault in init", unlinked to the panic.
 */
function segfaultExplanation(m: RegExpExecArray): Explanation | undefined {
	const init = isInit(m);
	const vsyscall = isVsyscall(m);
	if (!init && !vsyscall) return m[6] === 'trap int3' ? INT3 : undefined;
	const own = segfault.explanation;
	const meaning = [
		init
			? 'The init process (PID 1, the first program the kernel started: systemd, SysV init, busybox or an initramfs’s /init) crashed. The kernel cannot run without it: an init that does not handle the signal dies and the kernel panics at once (`Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b`, 0xb = SIGSEGV, 0x7 = SIGBUS, 0x4 = SIGILL); systemd catches it, writes a core dump and freezes (`Caught <SEGV>, dumped core … Freezing execution.`), so services can no longer be started or stopped and the machine needs a reboot.'
			: own.meaning,
		vsyscall
			? 'The address is the legacy vsyscall page, which this kernel does not map: the program called the old vsyscall time functions, and crashes at once every time it runs.'
			: ''
	]
		.filter((x) => x !== '')
		.join(' ');
	const causes = vsyscall
		? [VSYSCALL_CAUSE, ...own.causes.slice(0, 1)]
		: [
				...own.causes.slice(0, 1),
				{
					kind: 'userspace' as const,
					text: 'A damaged or mismatched root filesystem or initramfs: an init binary or library that is corrupt, of another architecture, or does not match the kernel’s features.'
				},
				own.causes[2]
			];
	const steps = [
		...(vsyscall ? VSYSCALL_STEPS : []),
		...(init
			? [
					'Read the lines right after it: a `Kernel panic - not syncing: Attempted to kill init!` means the machine stopped here; on systemd look for `systemd[1]: Caught <SEGV>` and the core dump (`coredumpctl info 1`).'
				]
			: []),
		...(init && !vsyscall
			? [
					'Boot an older kernel or a rescue system and check the init binary and its libraries (`rpm -Va`, `debsums -s`, `file /sbin/init`), rebuild the initramfs (`dracut -f`, `update-initramfs -u`).'
				]
			: []),
		...(vsyscall ? [] : own.next_steps.slice(1))
	];
	const references = vsyscall
		? [...own.references, 'https://docs.kernel.org/admin-guide/kernel-parameters.html']
		: own.references;
	return { ...own, meaning, causes, next_steps: steps, references };
}

/** arch/x86/mm/fault.c show_signal_msg; arch/x86/kernel/traps.c for `traps:` lines. */
export const segfault: LineRule = {
	id: 'userspace.segfault',
	category: 'userspace',
	severity: 'low',
	// the init process: the machine panics or freezes with it (lkp-09.log, lkp-49.log)
	severityOf: (m) => (isInit(m) ? 'high' : 'low'),
	explanationOf: segfaultExplanation,
	triggers: ['segfault at', 'traps: '],
	pattern:
		/^(?:traps: )?(\S(?:.*\S)?)\[(\d+)\]:? (?:segfault at ([0-9a-f]+) ip ([0-9a-f]+) sp [0-9a-f]+ error ([0-9a-f]+)|(general protection fault|trap [\w ]+) ip:([0-9a-f]+) sp:[0-9a-f]+ error:([0-9a-f]+))(?: in ([^[\s]+)\[(?:([0-9a-f]{1,16})\+([0-9a-f]{1,16})\])?)?/,
	title: (m) => {
		const kind =
			m[3] !== undefined
				? 'Segfault'
				: m[6] === 'general protection fault'
					? 'General protection fault'
					: `Trap (${m[6].slice(5)})`;
		const object = objectOf(m);
		const init = isInit(m) ? ', the init process (PID 1)' : '';
		return `${kind} in ${m[1]}${object && object !== m[1] ? ` (${object})` : ''}${init}`;
	},
	details: (m) => {
		// printed with %lx: `error 14` is 0x14 (user-mode instruction fetch of an absent page);
		// error_code is its value (20), error_hex the digits as printed (14)
		const code = parseInt(m[5] ?? m[8], 16);
		const object = objectOf(m);
		return {
			program: m[1],
			pid: Number(m[2]),
			address: m[3] ?? null,
			ip: m[4] ?? m[7] ?? null,
			error_code: code,
			error_hex: m[5] ?? m[8],
			error_decoded: m[3] !== undefined ? decodePageFaultError(code) : null,
			object,
			...(isVsyscall(m) ? { vsyscall: true } : {}),
			// older kernels name the next mapping above an address that is in none (find_vma)
			...(m[9] !== undefined && object === null ? { next_mapping: m[9] } : {})
		};
	},
	examples: [
		'emulator64-x86[4563]: segfault at fffffffe02c670d0 ip 0000000000487ad0 sp 00007ffca9bc5700 error 5 in emulator64-x86[400000+51d000]',
		'a.out[25311]: segfault at 0 ip 0000000000400546 sp 00007fff2fb08610 error 4 in a.out[400000+1000] likely on CPU 3 (core 3, socket 0)',
		'traps: WebKitNetworkPr[5820] general protection fault ip:7f91a8e1d944 sp:7fff1bd83228 error:0 in libc-2.28.so[7f91a8cde000+14d000]',
		'traps: cheese[1724283] trap int3 ip:7fbd589eb0ef sp:7ffdad1902c0 error:0 in libglib-2.0.so.0.8000.0[7fbd589a7000+a0000]',
		'traps: a.out[1234] trap divide error ip:401136 sp:7ffc2c1d4e40 error:0 in a.out[401000+1000]',
		'geany[53075]: segfault at 7f6b267132c2 ip 00007f6b267132c2 sp 00007ffd1c3c6a68 error 14 in mime.cache[7f6b2674b000+3000]',
		// lkp-09.log: the init process called the vsyscall page of a kernel without it
		'init[1]: segfault at ffffffffff600400 ip ffffffffff600400 sp 00007fffc5ff7228 error 15'
	],
	negatives: [
		'general protection fault, probably for non-canonical address 0xdffffc0000000002: 0000 [#1] PREEMPT SMP KASAN'
	],
	explanation: {
		meaning:
			'A user-space program crashed: it touched memory it may not use (or hit a CPU trap) and the kernel stopped it. This is a bug in that program or a library it uses, not a kernel crash.',
		causes: [
			{ kind: 'userspace', text: 'A bug in the program or in the library named after `in`.' },
			{
				kind: 'userspace',
				text: 'A `trap int3` in a library such as GLib usually means the program aborted itself on a fatal internal error (g_error / assertion).'
			},
			{
				kind: 'hardware',
				text: 'If many unrelated programs crash at random places, faulty RAM or an unstable overclock.'
			}
		],
		next_steps: [
			'Check the program’s own logs and `coredumpctl list` / `coredumpctl info <pid>` for a core dump and backtrace.',
			'Update the program and the library named in the line; report the crash to its developers with the backtrace.',
			'If crashes hit many different programs, test the memory (memtest86+) and remove overclocking.'
		],
		references: ['https://man7.org/linux/man-pages/man1/coredumpctl.1.html']
	}
};

/** arch/arm64/mm/fault.c and arch/arm/mm/fault.c: a user program's fatal memory fault on ARM. */
export const armUserFault: LineRule = {
	id: 'userspace.arm-fault',
	category: 'userspace',
	severity: 'low',
	triggers: [': unhandled '],
	pattern:
		/^([^\s[:]+)(?:\[(\d+)\])?: unhandled ([a-z][\w ]*) \((\d+)\) at 0x([0-9a-f]+), (?:esr|code) 0x([0-9a-f]+)(?:, in ([^[\s]+)\[)?/,
	title: (m) => `Unhandled ${m[3]} in ${m[1]}${m[7] && m[7] !== m[1] ? ` (${m[7]})` : ''}`,
	details: (m) => ({
		program: m[1],
		pid: m[2] ? Number(m[2]) : null,
		fault: m[3],
		signal: Number(m[4]),
		address: m[5],
		syndrome: m[6],
		object: m[7] ?? null
	}),
	examples: [
		'test_hwcomposer[1234]: unhandled level 3 translation fault (11) at 0x00000008, esr 0x92000007, in libhwc.so[7f8a000000+20000]',
		'powerd: unhandled page fault (11) at 0x00000000, code 0x017'
	],
	negatives: ['Unhandled fault: imprecise external abort (0x1406) at 0x00000000'],
	explanation: {
		meaning:
			'A user-space program on an ARM system crashed: it touched memory it may not use and the kernel killed it (signal 11 = SIGSEGV, 7 = SIGBUS). A bug in that program or a library, not a kernel crash.',
		causes: [
			{ kind: 'userspace', text: 'A bug in the program or the library named after `in`.' },
			{ kind: 'hardware', text: 'If many unrelated programs crash, faulty RAM or unstable clocks.' }
		],
		next_steps: [
			'Get a core dump and backtrace (`coredumpctl`, or `ulimit -c unlimited` and gdb) and report it to the program’s developers.',
			'Update the program and its libraries; test memory if crashes are random.'
		],
		references: ['https://man7.org/linux/man-pages/man1/coredumpctl.1.html']
	}
};
