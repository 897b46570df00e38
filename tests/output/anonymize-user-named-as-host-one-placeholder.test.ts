import { describe, expect, it } from 'vitest';
import { Anonymizer, NameCollector } from '../../src/lib/util/anonymize.ts';

// A builder's machine named after them (porting-log-syslog.log's banner, `(user@host)` with the
// same name twice; invented names here) had got two placeholders, `(<user-1>@<host-1>)`, and a
// home folder named as the machine a user's: one value, one placeholder, wherever it is written.
describe('a name learned both as a user and as a host', () => {
	it('has one placeholder in the banner, in paths and in text', () => {
		const lines = [
			'Nov 30 15:39:28 ubuntu-phablet kernel: [    0.000000] Linux version 3.4.0-cyanogenmod (tarnwick@tarnwick) (gcc version 4.8 (GCC) ) #1 SMP PREEMPT Mon Feb 12 00:32:01 CST 2018',
			'WARNING: at /home/tarnwick/android/kernel/drivers/base/core.c:551 device_create_file+0xa0/0xb4()',
			'sync for tarnwick: Tarnwick done'
		];
		const n = new NameCollector();
		for (const l of lines) n.line(l);
		const a = new Anonymizer(n);
		expect(lines.map((l) => a.text(l))).toEqual([
			'Nov 30 15:39:28 ubuntu-phablet kernel: [    0.000000] Linux version 3.4.0-cyanogenmod (<host-1>@<host-1>) (gcc version 4.8 (GCC) ) #1 SMP PREEMPT Mon Feb 12 00:32:01 CST 2018',
			'WARNING: at /home/<host-1>/android/kernel/drivers/base/core.c:551 device_create_file+0xa0/0xb4()',
			'sync for <host-1>: <host-1> done'
		]);
		expect(a.replaced).toEqual({ host: 1 });
	});

	it("a home folder named as the banner's machine is that host", () => {
		const lines = [
			'Linux version 5.4.0 (alice@alice-pc) (gcc) #1 SMP',
			'audit: type=1400 audit(1.2:3): apparmor="DENIED" operation="open" name="/home/alice-pc/.cache/x" pid=1 comm="x"',
			'alice-pc: link up'
		];
		const n = new NameCollector();
		for (const l of lines) n.line(l);
		const a = new Anonymizer(n);
		expect(lines.map((l) => a.text(l))).toEqual([
			'Linux version 5.4.0 (<user-1>@<host-1>) (gcc) #1 SMP',
			'audit: type=1400 audit(1.2:3): apparmor="DENIED" operation="open" name="/home/<host-1>/.cache/x" pid=1 comm="x"',
			'<host-1>: link up'
		]);
	});
});
