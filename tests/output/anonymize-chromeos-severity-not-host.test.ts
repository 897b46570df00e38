import { describe, expect, it } from 'vitest';
import { formatText } from '../../src/lib/output/text.ts';
import { Anonymizer, NameCollector } from '../../src/lib/util/anonymize.ts';
import { analyzeText } from '../../src/lib/index.ts';

describe('ChromeOS syslog severities are no host names', () => {
	it("does not learn the severity ChromeOS writes in the host's place", async () => {
		// syslogs-messages-3.log lines 349 and 354: `warning` had been learned as a host and
		// replaced in kernel text (`… split_locks and <host-1> on user-space split_locks`)
		const log = [
			"2026-05-18T17:59:47.298704Z WARNING rsyslogd[477]: warning: ~ action is deprecated, consider using the 'stop' statement instead",
			'2026-05-18T17:59:47.299366Z INFO kernel: [    0.000000] x86/split lock detection: #AC: crashing the kernel on kernel split_locks and warning on user-space split_locks',
			'2026-05-18T17:59:48.000000Z NOTICE kernel: [    1.000000] i8042: PNP: No PS/2 controller found.'
		].join('\n');
		const r = await analyzeText(log, { anonymize: true });
		const text = formatText(r);
		expect(text).toContain('and warning on user-space split_locks');
		expect(text).not.toContain('<host-');
		expect(r.input.anonymization.replaced).toEqual({});
		const n = new NameCollector();
		for (const h of ['INFO', 'WARNING', 'NOTICE', 'ERR', 'DEBUG', 'CRIT', 'host1']) n.host(h);
		expect([...n.hosts]).toEqual(['host1']);
	});

	it("keeps ChromeOS's hidden home folders, replaces a Samsung device id glued by `_`", () => {
		const n = new NameCollector();
		// syslogs-syslog.log line 486 (the id shortened)
		n.line(
			'2026-05-18T17:59:50.000000Z INFO cryptohomed[1563]: Created vault subdirectory: /home/.shadow/fe955082b5b6/vault'
		);
		expect([...n.users]).toEqual([]);
		const a = new Anonymizer(n);
		expect(a.text('Created vault subdirectory: /home/.shadow/x')).toBe(
			'Created vault subdirectory: /home/.shadow/x'
		);
		// fishlogs-dmesg-log.log's kernel command line (the id made up)
		expect(a.text('cordon=x connie=SM-G930V_VZW_USA_0123456789abcdef0123456789abcdef a=1')).toBe(
			'cordon=x connie=SM-G930V_VZW_USA_<id-1> a=1'
		);
	});
});
