import { describe, expect, it } from 'vitest';
import { Anonymizer, NameCollector } from '../../src/lib/util/anonymize.ts';

// The host names that images give every machine (Ubuntu Server's live installer, NVIDIA Jetson's
// L4T, Ubuntu Touch) had been replaced in the banner of a kernel built on such a machine
// (jetsontx2-samsung-dmesg-samsung-log.log, log-files-dmesg-log.log) and learned from the syslog
// host field (porting-log-syslog.log): they name no one.
describe("images' default host names", () => {
	it('are kept in the banner and not learned', () => {
		const n = new NameCollector();
		for (const line of [
			'[    0.000000] Linux version 4.9.140-tegra (root@tegra-ubuntu) (gcc version 7.3.1 20180425 [linaro-7.3-2018.05 revision d29120a424ecfbc167ef90065c0eeb7f91977701] (Linaro GCC 7.3-2018.05) ) #1 SMP PREEMPT Wed Apr 8 18:10:49 PDT 2020',
			'[    0.000000] Linux version 5.15.0-25-generic (root@ubuntu-server) (gcc (Ubuntu 11.2.0-19ubuntu1) 11.2.0) #25 SMP',
			'Nov 30 15:39:28 ubuntu-phablet kernel: [    0.000000] Booting Linux on physical CPU 0x0'
		])
			n.line(line);
		n.host('ubuntu-phablet');
		expect([...n.hosts]).toEqual([]);
		const a = new Anonymizer(n);
		const banner =
			'Linux version 4.9.140-tegra (root@tegra-ubuntu) (gcc version 7.3.1 (Linaro GCC 7.3-2018.05) ) #1 SMP PREEMPT';
		expect(a.text(banner)).toBe(banner);
		// a person's machine is still replaced
		expect(a.text('Linux version 5.15.0 (root@alice-jetson) (gcc) #1 SMP')).toBe(
			'Linux version 5.15.0 (root@<host-1>) (gcc) #1 SMP'
		);
	});
});
