/**
 * syzkaller's title normalisation (pkg/report/report.go), so titles match syzbot's:
 * executor names, addresses, IPs, file:line, offsets, CPU numbers and decimal numbers are
 * replaced by placeholders; the result is ASCII, single-spaced and at most 120 bytes.
 */
const PANIC = 'kernel panic: ';

/**
 * The first 120 bytes. NecroScope: a panic's message is free text, the kernel's own words
 * (hpwdt: `02: An NMI occurred. Depending on your system the reason for the NMI is logged in any
 * one of the following resources:`), so a panic title that is too long ends with its last
 * whole sentence (`kernel panic: NUM: An NMI occurred`), else its last whole word, instead of in
 * the middle of a word (`... any one of the followin`).
 */
function cut(t: string): string {
	const head = t.slice(0, 120);
	if (!t.startsWith(PANIC)) return head;
	const sentence = head.lastIndexOf('. ');
	if (sentence > PANIC.length) return head.slice(0, sentence);
	const space = head.lastIndexOf(' ');
	return space > PANIC.length && t[120] !== ' ' ? head.slice(0, space) : head;
}

export function normalizeTitle(title: string): string {
	let t = title;
	t = t.replace(/syz-executor\.?\d+(?:\/\d+)?/g, 'syz-executor');
	t = t.replace(/syzkaller\d+/g, 'syzkaller');
	t = t.replace(/([^a-zA-Z0-9])(?:0x)?[0-9a-f]{6,}\b/g, '$1ADDR');
	t = t.replace(/\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/g, 'IP');
	t = t.replace(/(\.\w+):\d+/g, '$1:LINE');
	t = t.replace(/\+0x[0-9a-f]+\/0x[0-9a-f]+/g, '');
	t = t.replace(/CPU#\d+/g, 'CPU');
	t = t.replace(/\d{7,}/g, 'NUM');
	for (let i = 0; i < 3; i++) t = t.replace(/(^|[^\w.])\d+(?=$|[^\w.])/g, '$1NUM');
	if (t.length > 120) t = cut(t);
	t = t.replace(/\t/g, ' ');
	// eslint-disable-next-line no-control-regex
	t = t.replace(/[\x00-\x1f\x7f-\uffff]/g, '');
	t = t.replace(/ {2,}/g, ' ');
	return t.trim();
}

/**
 * hpwdt's panic (drivers/watchdog/hpwdt.c hpwdt_pretimeout(): `hex_byte_pack(panic_msg, mynmi)`
 * over `00: An NMI occurred. …`): the two hex digits are the iLO's NMI status, which syzkaller's
 * number blanking turns into `NUM`. The title a user reads keeps them (`kernel panic: 02: An NMI
 * occurred`), syzkaller's form is its alt title; syzbot's machines have no HPE iLO, so no
 * syzkaller title depends on it.
 */
const HPWDT_PANIC = /^kernel panic: ([0-9A-Fa-f]{2}): An NMI occurred(?=[.,]|$)/;

/** The title a report shows instead of its normalised one, or null (see HPWDT_PANIC). */
export function shownTitle(raw: string): string | null {
	const m = HPWDT_PANIC.exec(raw);
	return m ? `kernel panic: ${m[1]}: An NMI occurred` : null;
}
