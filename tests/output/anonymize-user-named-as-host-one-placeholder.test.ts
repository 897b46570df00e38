import { describe, expect, it } from 'vitest';
import { Anonymizer, NameCollector } from '../../src/lib/util/anonymize.ts';

// A builder's machine named after them (porting-log-syslog.log's banner, `(user@host)` with the
// same name twice; invented names here) had got two placeholders, `(<user-1>@<host-1>)`, and a
// home folder named as the machine a user's: one value, one placeholder, wherever it is written.
// That placeholder is a `user` (it had been a `host`, and the home folder read `/home/<host-1>/`):
// the name is a person's account, given to the machine too; a host whose name only a folder has
// stays a host.
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
			'Nov 30 15:39:28 ubuntu-phablet kernel: [    0.000000] Linux version 3.4.0-cyanogenmod (<user-1>@<user-1>) (gcc version 4.8 (GCC) ) #1 SMP PREEMPT Mon Feb 12 00:32:01 CST 2018',
			'WARNING: at /home/<user-1>/android/kernel/drivers/base/core.c:551 device_create_file+0xa0/0xb4()',
			'sync for <user-1>: <user-1> done'
		]);
		expect(a.replaced).toEqual({ user: 1 });
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

describe('a host named as a user who logged in', () => {
	it('is that user, in the syslog prefix, the login and the home folder', () => {
		const lines = [
			'Mar  2 10:00:00 tarnwick systemd-logind[512]: New session 3 of user tarnwick.',
			'Mar  2 10:00:01 tarnwick kernel: audit: type=1400 audit(1.2:3): apparmor="DENIED" name="/home/tarnwick/.cache/x"'
		];
		const n = new NameCollector();
		n.host('tarnwick');
		for (const l of lines) n.line(l);
		const a = new Anonymizer(n);
		expect(lines.map((l) => a.text(l))).toEqual([
			'Mar  2 10:00:00 <user-1> systemd-logind[512]: New session 3 of user <user-1>.',
			'Mar  2 10:00:01 <user-1> kernel: audit: type=1400 audit(1.2:3): apparmor="DENIED" name="/home/<user-1>/.cache/x"'
		]);
		expect(a.replaced).toEqual({ user: 1 });
	});
});
