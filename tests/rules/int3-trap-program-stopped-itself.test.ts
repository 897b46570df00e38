/**
 * A user program's `trap int3` is a breakpoint it ran on purpose on a fatal internal error
 * (Chromium's and Electron's failed checks, GLib's g_error), not a memory fault: no RAM test.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

// venroot-logs-dmesg-log.log lines 1307-1308 (Pop!_OS 6.4 on an MSI Z270 desktop: the Electron
// app PreMiD's I/O thread)
const PREMID = [
	'[   48.598974] show_signal: 23 callbacks suppressed',
	'[   48.598977] traps: Chrome_IOThread[6646] trap int3 ip:556373547ab4 sp:7f4f33ffb490 error:0 in premid[556370f6f000+5f8d000]'
];

// ms912x-error-log-txt.log line 5 (Ubuntu's 6.8: GNOME's Cheese in GLib)
const CHEESE =
	'[336294.094068] traps: cheese[1724283] trap int3 ip:7fbd589eb0ef sp:7ffdad1902c0 error:0 in libglib-2.0.so.0.8000.0[7fbd589a7000+a0000]';

// the same kernel's segfault of a program, for comparison (the rule's example)
const SEGFAULT =
	'[   12.000000] geany[53075]: segfault at 7f6b267132c2 ip 00007f6b267132c2 sp 00007ffd1c3c6a68 error 14 in mime.cache[7f6b2674b000+3000]';

const segfaults = async (lines: string[]) =>
	(await findingsOf(lines)).filter((f) => f.rule === 'userspace.segfault');

describe('a user program’s trap int3', () => {
	it('is a program that stopped itself on a failed check (an Electron app)', async () => {
		const [f] = await segfaults(PREMID);
		expect([f.title, f.severity]).toEqual(['Trap (int3) in Chrome_IOThread (premid)', 'low']);
		const e = f.explanation;
		expect(e.meaning).toMatch(/^A user-space program stopped itself: `trap int3` is a breakpoint/);
		expect(e.meaning).toContain('Chromium, Chrome and Electron apps');
		// it had been told of memory it may not use, faulty RAM and memtest86+
		expect(e.meaning).not.toContain('touched memory it may not use');
		expect(e.next_steps.join(' ')).not.toMatch(/memtest|overclock/);
		expect(e.next_steps.join(' ')).toContain('`[FATAL:…]`');
	});

	it('reads the same in a GLib program, and a segfault keeps its own explanation', async () => {
		const [cheese] = await segfaults([CHEESE]);
		expect(cheese.explanation.meaning).toMatch(/^A user-space program stopped itself/);
		const [geany] = await segfaults([SEGFAULT]);
		expect(geany.explanation.meaning).toMatch(/^A user-space program crashed: it touched memory/);
		expect(geany.explanation.next_steps.join(' ')).toContain('memtest86+');
	});
});
