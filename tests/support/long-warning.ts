/**
 * A synthetic crash report longer than the lines a finding keeps (MAX_EVIDENCE, 160), for the
 * tests of what is said when a report is cut (the CLI's --lines, the page's Save crash report).
 */

/** a WARNING whose call trace runs to `frames` frames, after two lines of boot */
export function longWarning(frames: number): string {
	const lines = [
		'[    0.000000] Linux version 6.1.0-test (builder@host1) (gcc 12) #1 SMP',
		'[    1.000000] usb 1-1: new high-speed USB device number 2 using xhci_hcd',
		'[    5.000000] ------------[ cut here ]------------',
		'[    5.000001] WARNING: CPU: 1 PID: 42 at drivers/misc/deep.c:77 deep_call+0x10/0x20',
		'[    5.000002] Modules linked in: deep',
		'[    5.000003] CPU: 1 PID: 42 Comm: kworker/1:0 Not tainted 6.1.0-test #1',
		'[    5.000004] RIP: 0010:deep_call+0x10/0x20',
		'[    5.000005] Call Trace:',
		'[    5.000006]  <TASK>'
	];
	for (let i = 0; i < frames; i++)
		lines.push(`[    5.000007]  deep_call_${i}+0x${(16 + i).toString(16)}/0x100`);
	lines.push('[    5.000008]  </TASK>', '[    5.000009] ---[ end trace 0000000000000000 ]---');
	return lines.join('\n') + '\n';
}
