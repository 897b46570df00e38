/**
 * syzkaller's title normalisation (pkg/report/report.go), so titles match syzbot's:
 * executor names, addresses, IPs, file:line, offsets, CPU numbers and decimal numbers are
 * replaced by placeholders; the result is ASCII, single-spaced and at most 120 bytes.
 */
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
	if (t.length > 120) t = t.slice(0, 120);
	t = t.replace(/\t/g, ' ');
	// eslint-disable-next-line no-control-regex
	t = t.replace(/[\x00-\x1f\x7f-\uffff]/g, '');
	t = t.replace(/ {2,}/g, ' ');
	return t.trim();
}
