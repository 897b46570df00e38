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

/** arch/x86/mm/fault.c show_signal_msg; arch/x86/kernel/traps.c for `traps:` lines. */
export const segfault: LineRule = {
	id: 'userspace.segfault',
	category: 'userspace',
	severity: 'low',
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
		return `${kind} in ${m[1]}${object && object !== m[1] ? ` (${object})` : ''}`;
	},
	details: (m) => {
		// printed with %lx: `error 14` is 0x14 (user-mode instruction fetch of an absent page)
		const code = parseInt(m[5] ?? m[8], 16);
		const object = objectOf(m);
		return {
			program: m[1],
			pid: Number(m[2]),
			address: m[3] ?? null,
			ip: m[4] ?? m[7] ?? null,
			error_code: code,
			error_decoded: m[3] !== undefined ? decodePageFaultError(code) : null,
			object,
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
		'geany[53075]: segfault at 7f6b267132c2 ip 00007f6b267132c2 sp 00007ffd1c3c6a68 error 14 in mime.cache[7f6b2674b000+3000]'
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
