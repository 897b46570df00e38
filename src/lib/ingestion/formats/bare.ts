import type { LogRecord } from '../../models/log-record.ts';
import { looksBinary } from './common.ts';
import type { FormatContext, LineFormat } from './types.ts';

/**
 * Lines with no prefix at all: `dmesg -t`, reports copied without timestamps, `journalctl -o cat`.
 * In a log whose other lines carry a kernel prefix, an indented unprefixed line continues the
 * previous record and any other unprefixed line is foreign text (shell prompts, fuzzer output):
 * it is still scanned for reports but counted as unparsed.
 * This format is tried last and claims every line that is text.
 */
export const bareFormat: LineFormat = {
	id: 'bare',
	label: 'no timestamp (dmesg -t, copied report)',
	examples: [
		{
			line: 'BUG: kernel NULL pointer dereference, address: 0000000000000008',
			text: 'BUG: kernel NULL pointer dereference, address: 0000000000000008'
		},
		{ line: ' dump_stack+0x1/0x2', text: ' dump_stack+0x1/0x2' }
	],
	negatives: ['\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f\u0010'],
	parse(line: string, rec: LogRecord, ctx: FormatContext): boolean {
		if (looksBinary(line)) {
			rec.kind = 'unparsed';
			rec.reason = 'binary or control characters';
			rec.text = line;
			return true;
		}
		rec.text = line;
		if (ctx.seenPrefixed) {
			const c = line.charCodeAt(0);
			if (c === 32 || c === 9) {
				rec.kind = 'continuation';
				rec.format = 'continuation';
			} else {
				rec.kind = 'unparsed';
				rec.reason = 'no kernel prefix in a log whose other lines have one';
			}
			return true;
		}
		rec.kind = 'kernel';
		rec.format = 'bare';
		return true;
	}
};
