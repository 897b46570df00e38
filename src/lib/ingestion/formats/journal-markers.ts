import type { LogRecord } from '../../models/log-record.ts';
import type { FormatContext, LineFormat } from './types.ts';
import { codeAt } from '../../util/text.ts';

const MARKER =
	/^-- (?:Boot ([0-9a-f]{32}) --|Reboot --|No entries --|Journal begins at .*|Logs begin at .*|cursor: .*)$/;

/** the end of the journal's header: `, end at Thu 2019-10-31 20:20:53 EDT. --`, `, ends at …` */
const JOURNAL_END = /, ends? at \w+ (\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\b/;

/** the all-zero id some exported or merged journals print in `-- Boot <id> --`: no boot has it */
const NULL_BOOT_ID = '00000000000000000000000000000000';

/**
 * journalctl's informational lines. `-- Boot <id> --` and `-- Reboot --` separate boots
 * (the ingestor reads `rec.reason` to split them); the others are skipped, as is a boot
 * marker with the null id, which names no boot.
 */
export const journalMarkerFormat: LineFormat = {
	id: 'journal-marker',
	label: 'journalctl marker',
	examples: [
		{
			line: '-- Boot 3f2a9c1d0b7e4f5a8c6d2e1f0a9b8c7d --',
			text: '3f2a9c1d0b7e4f5a8c6d2e1f0a9b8c7d',
			kind: 'skipped'
		},
		{ line: '-- Boot 00000000000000000000000000000000 --', text: '', kind: 'skipped' },
		{ line: '-- Reboot --', text: '', kind: 'skipped' },
		{ line: '-- No entries --', text: '', kind: 'skipped' },
		{ line: '\u2591\u2591 Subject: Unit succeeded', text: '', kind: 'skipped' },
		{
			line: '-- Journal begins at Mon 2023-08-28 17:12:05 EDT, ends at Tue 2023-11-21 17:00:31 EST. --',
			text: '',
			kind: 'skipped'
		}
	],
	negatives: ['---[ end trace 0000000000000000 ]---', '-- foo'],
	parse(line: string, rec: LogRecord, ctx: FormatContext): boolean {
		if (codeAt(line, 0) === 0x2591 && codeAt(line, 1) === 0x2591) {
			// `journalctl -x` catalog explanations under an entry
			rec.kind = 'skipped';
			rec.format = 'journal-marker';
			rec.reason = 'journal catalog text (journalctl -x)';
			rec.text = '';
			return true;
		}
		if (codeAt(line, 0) !== 45 || codeAt(line, 1) !== 45 || codeAt(line, 2) !== 32) return false;
		const m = MARKER.exec(line);
		if (!m) return false;
		rec.kind = 'skipped';
		rec.format = 'journal-marker';
		if (m[1] === NULL_BOOT_ID) {
			rec.reason = 'boot marker with the null id';
			rec.text = '';
		} else if (m[1] !== undefined || line === '-- Reboot --') {
			rec.reason = 'boot marker';
			rec.text = m[1] ?? '';
		} else {
			rec.reason = 'journal marker';
			rec.text = '';
			// the header's end (`…, end at Thu 2019-10-31 20:20:53 EDT. --`), a local time as the
			// lines' prefixes are: a boot whose lines stop long before it did not go on (boot-end.ts)
			const end = JOURNAL_END.exec(line);
			if (end !== null)
				rec.wall =
					Date.UTC(
						Number(end[1]),
						Number(end[2]) - 1,
						Number(end[3]),
						Number(end[4]),
						Number(end[5]),
						Number(end[6])
					) - ctx.localOffsetMs;
		}
		return true;
	}
};
