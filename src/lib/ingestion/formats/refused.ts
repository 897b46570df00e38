/**
 * What `dmesg` and `journalctl` print instead of the log when the user may not read it. Where the
 * kernel restricts its log (`kernel.dmesg_restrict = 1`, Debian's and Ubuntu's default), `dmesg`
 * without root prints `dmesg: read kernel buffer failed: Operation not permitted`; `journalctl -k`
 * run by a user outside the adm, systemd-journal and wheel groups prints a notice and no kernel
 * message. Users asked for their `dmesg` paste that (or save it with `2>&1`); read as a bare kernel
 * message, it had made a healthy report of a machine of which nothing was read.
 */

/** `rec.reason` of dmesg's refusal (a skipped line) */
export const SKIP_DMESG_REFUSED =
	'error message of dmesg, which could not read the kernel log (not a kernel message)';
/** `rec.reason` of journalctl's notice to a user who may not read the journal (a skipped line) */
export const SKIP_JOURNAL_REFUSED =
	'notice of journalctl, which could not read the journal (not a kernel message)';

/** util-linux's dmesg (and BusyBox's) refused the kernel's buffer */
const DMESG =
	/^dmesg: (?:read kernel buffer failed|klogctl(?: failed)?): (?:Operation not permitted|Permission denied)$/;
/** journalctl run by a user outside the adm, systemd-journal and wheel groups */
const JOURNAL_REFUSED = [
	/^No journal files were opened due to insufficient permissions\.$/,
	/^Hint: You are currently not seeing messages from other users and the system\.$/
];
/** journalctl's other lines of that notice */
const JOURNAL_NOTICE = [
	/^Users in groups? .* can see all messages\.$/,
	/^Pass -q to turn off this notice\.$/
];

/**
 * Whose refusal a line is: 'dmesg' for dmesg's, 'journalctl' for journalctl's notice that says it
 * read nothing, 'notice' for the rest of that notice, null for any other line. Only lines
 * starting with `d`, `N`, `H`, `U` or `P` can be one.
 */
export function refusalOf(line: string): 'dmesg' | 'journalctl' | 'notice' | null {
	const t = line.trim();
	if (DMESG.test(t)) return 'dmesg';
	if (JOURNAL_REFUSED.some((re) => re.test(t))) return 'journalctl';
	if (JOURNAL_NOTICE.some((re) => re.test(t))) return 'notice';
	return null;
}

/** the skip reason of a line refusalOf names, or null */
export function refusalReason(line: string): string | null {
	const who = refusalOf(line);
	return who === null ? null : who === 'dmesg' ? SKIP_DMESG_REFUSED : SKIP_JOURNAL_REFUSED;
}

/**
 * What such an input is and what to do instead (`what`: "This input", "The pasted text"): the
 * report's note (first among the input's notes: it answers "No kernel messages were recognised"),
 * or, with `page`, the page's message, which names the commands plainly and asks for the file to
 * be opened there (components/refused.ts).
 */
export function refusalNote(
	who: 'dmesg' | 'journalctl',
	what = 'This input',
	page = false
): string {
	const cmd = (s: string) => (page ? s : `\`${s}\``);
	const open = page ? 'open that file here' : 'analyse that file';
	return who === 'dmesg'
		? `${what} is dmesg's error message, not a kernel log: this system lets only root read the kernel log, so nothing was read. Save ${page ? 'it' : 'the log'} with ${cmd('sudo dmesg > dmesg.txt')} and ${open}${page ? ' (or paste what sudo dmesg prints)' : ''}.`
		: `${what} is journalctl's notice, not a kernel log: this user may not read the system's journal, so it showed no kernel message. Save ${page ? 'them' : 'the log'} with ${cmd('sudo journalctl -k -b > kernel.txt')} (${cmd('-b -1')} for the boot before) and ${open}.`;
}
