/**
 * DMI strings (`vendor product/board`, as `DMI:` at boot and `Hardware name:` in oops reports
 * print them): the machine they name. A module of its own so that the page's main thread, which
 * reads a crash's hardware fact against the System table (output/common.ts), does not load
 * ingestion's metadata collector.
 */

/** a name the firmware or kernel padded with runs of spaces (`CPU           U7300  @`), tidied */
export function squeezeSpaces(s: string): string {
	return s.replace(/ {2,}/g, ' ').trim();
}

/**
 * What a board vendor's firmware template leaves in the DMI fields nobody filled in (`To be filled
 * by O.E.M.`, `Default string`, ASUS's `System manufacturer System Product Name`), a whole
 * space-separated field: it names no machine. `x{4,}` only as a word of its own (`15-fa0xxx` is
 * HP's model name).
 */
const DMI_PLACEHOLDERS =
	'(?:to be filled by o\\.e\\.m\\.?|default string|system product name|system manufacturer|not specified|not applicable|x{4,})';
const DMI_PLACEHOLDER = new RegExp(`(?:^| )${DMI_PLACEHOLDERS}(?= |$)`, 'gi');
/** the vendor-product part of a DMI string ends with a placeholder: the product is one */
const DMI_PLACEHOLDER_LAST = new RegExp(`(?:^| )${DMI_PLACEHOLDERS} *$`, 'i');

/**
 * The machine named by a DMI string, `vendor product/board` (drivers/firmware/dmi_scan.c,
 * dmi_format_ids), without its placeholders, or '' when nothing else is left. A product dropped
 * from between vendor and board leaves `vendor board` (`ASUS PRIME B550-PLUS`); a string with no
 * placeholder is returned as it is.
 */
export function dmiMachine(s: string): string {
	const slash = s.indexOf('/');
	const head = slash === -1 ? s : s.slice(0, slash);
	const board = slash === -1 ? '' : s.slice(slash + 1);
	const headKept = squeezeSpaces(head.replace(DMI_PLACEHOLDER, ''));
	const boardKept = squeezeSpaces(board.replace(DMI_PLACEHOLDER, ''));
	// vendor and product left blank, only the board named: `                 /DX58SO` (an Intel
	// desktop board, lkp-calltrace-dmesg-002.log)
	if (headKept === '' && boardKept !== '') return boardKept;
	if (headKept === squeezeSpaces(head) && boardKept === squeezeSpaces(board)) return s;
	if (boardKept === '') return headKept;
	if (headKept === '') return boardKept;
	// with the product gone the board names the model: `ASUS PRIME B550-PLUS`
	return `${headKept}${DMI_PLACEHOLDER_LAST.test(head) ? ' ' : '/'}${boardKept}`;
}
