// A module of its own: the page's check of dmesg's refusal (components/refused.ts) reads prompts
// too, without the line formats.

/**
 * A shell's prompt, alone or with the command typed after it, as users paste it with a command's
 * output: `$ dmesg`, `# dmesg -T`, `[alice@host1 ~]$ dmesg`, `alice@host1:~$ sudo dmesg`,
 * `pi@host1:~ $ dmesg`, `root@OpenWrt:/# dmesg`, `host1:~ # dmesg`, `/ # dmesg`, `sh-4.2# `,
 * `% dmesg`. The prompt's sign must be followed by spaces and a command word or by nothing:
 * `#PF: supervisor read access` is the kernel's.
 */
const SHELL_PROMPT =
	/^(?:\[[\w.-]+@[^\]]+\]|[\w.-]+@[\w.-]+(?::[^\s#$]*)?|[\w.-]+:[~/][^\s#$]*|(?:ba|da|k|z)?sh-\d[\d.]*|[~/][^\s#$]*)? ?[#$%](?: +[\w./~-]| *$)/;

/** Is `line` a shell's prompt or a command typed after one (SHELL_PROMPT)? */
export function isShellLine(line: string): boolean {
	return SHELL_PROMPT.test(line);
}
