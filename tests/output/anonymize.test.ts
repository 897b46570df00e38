import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/lib/output/json.ts';
import { formatText } from '../../src/lib/output/text.ts';
import { formatMarkdown } from '../../src/lib/output/markdown.ts';
import { Anonymizer, NameCollector } from '../../src/lib/util/anonymize.ts';
import { analyzeText } from '../../src/lib/index.ts';
import { analyzeFile, fixtureLogs, OUTPUT_FIXTURES } from './helpers.ts';

const SYNTHETIC = join(OUTPUT_FIXTURES, 'synthetic-personal.log');

/** Every personal value in synthetic-personal.log (all made up). */
const SECRETS = [
	'wombat-desk',
	'alice',
	'01293805A6A5',
	'54:e1:ad:12:34:56',
	'12:34:56:78:9a:bc',
	'24:5a:4c:a2:b1:0b',
	'74:7a:11:22:33:44',
	'0c1d2e3f-4a5b-6c7d-8e9f-a0b1c2d3e4f5',
	'4f1f422d-02c3-491b-8a19-39e0c4db532a',
	'198.51.100.7',
	'192.0.2.46',
	'203.0.113.9',
	'192.0.2.10',
	'192.0.2.99',
	'fe80::56e1:adff:fe12:3456',
	'Susanita',
	'iqn.2001-04.com.example',
	'20001100aa000002',
	'alice.smith@example.org'
];

describe('Anonymizer.text', () => {
	it('replaces each kind with a numbered placeholder, the same value with the same one', () => {
		const a = new Anonymizer({ hosts: ['wombat-desk'], users: ['alice'] });
		expect(a.text('eth0: 54:e1:ad:12:34:56 then 54:E1:AD:12:34:56 and 00:11:22:33:44:55')).toBe(
			'eth0: <mac-1> then <mac-1> and <mac-2>'
		);
		expect(a.text('SRC=192.0.2.46 DST=203.0.113.9 LEN=60, again 192.0.2.46.')).toBe(
			'SRC=<ipv4-1> DST=<ipv4-2> LEN=60, again <ipv4-1>.'
		);
		// `server` ends in `ver`, which only a word of its own says is a version
		expect(a.text('nfs: server 192.0.2.46 not responding, fw 1.2.3.4, ver 5.6.7.8')).toBe(
			'nfs: server <ipv4-1> not responding, fw 1.2.3.4, ver 5.6.7.8'
		);
		expect(a.text('addr fe80::56e1:adff:fe12:3456 and 2001:db8:0:0:1:2:3:4')).toBe(
			'addr <ipv6-1> and <ipv6-2>'
		);
		expect(a.text('first mount of filesystem 4f1f422d-02c3-491b-8a19-39e0c4db532a')).toBe(
			'first mount of filesystem <uuid-1>'
		);
		expect(a.text('-- Boot 3f2a9c1d0b7e4f5a8c6d2e1f0a9b8c7d --')).toBe('-- Boot <id-1> --');
		expect(a.text('usb 1-3: SerialNumber: 01293805A6A5')).toBe('usb 1-3: SerialNumber: <serial-1>');
		expect(a.text('host wwpn 0x20001100aa000002 rport wwpn 0x20001100aa000003')).toBe(
			'host wwpn <wwn-1> rport wwpn <wwn-2>'
		);
		expect(
			a.text('new ctrl: NQN "nqn.2014-08.org.nvmexpress:uuid:0c1d2e3f-4a5b-6c7d-8e9f-a0b1c2d3e4f5"')
		).toBe('new ctrl: NQN "<nqn-1>"');
		expect(a.text('login to iqn.2001-04.com.example:storage.disk1 ok')).toBe('login to <iqn-1> ok');
		expect(a.text('BTRFS: device label Susanita devid 6')).toBe(
			'BTRFS: device label <label-1> devid 6'
		);
		expect(a.text('mail alice.smith@example.org now')).toBe('mail <email-1> now');
		expect(a.text('Linux version 6.7.0 (alice@wombat-desk) (gcc)')).toBe(
			'Linux version 6.7.0 (<user-1>@<host-1>) (gcc)'
		);
		expect(a.text('from /home/alice/bin/tool on wombat-desk.example.net')).toBe(
			'from /home/<user-1>/bin/tool on <host-1>.example.net'
		);
		expect(a.text('enx54e1ad123456: renamed from eth0')).toBe('enx<mac-1>: renamed from eth0');
		expect(a.text('BD Address: 54-E1-AD-12-34-56')).toBe('BD Address: <mac-1>');
		expect(a.text('IN=br0 MAC=24:5a:4c:a2:b1:0b:74:7a:11:22:33:44:08:00 SRC=x')).toBe(
			'IN=br0 MAC=<mac-3>:<mac-4>:08:00 SRC=x'
		);
		expect(a.replaced).toEqual({
			host: 1,
			user: 1,
			email: 1,
			mac: 4,
			ipv4: 2,
			ipv6: 2,
			uuid: 1,
			id: 1,
			serial: 1,
			wwn: 2,
			nqn: 1,
			iqn: 1,
			label: 1
		});
	});

	it('leaves kernel text that only looks like personal data alone', () => {
		const a = new Anonymizer({ hosts: ['wombat-desk'], users: ['alice'] }, { pointers: false });
		const kept = [
			'Linux version 6.7.0-rc2+ #1 SMP PREEMPT_DYNAMIC Mon, 04 Dec 2023 00:29:19 +0000',
			'pci 0000:00:1f.6: [8086:15bb] type 00 class 0x020000',
			'brcmfmac: Firmware version = wl0: Dec 15 2015 18:10:45 version 7.45.41.23 (r606571)',
			'usb 1-3: New USB device strings: Mfr=1, Product=2, SerialNumber=3',
			'lo: 127.0.0.1 and ::1 and 0.0.0.0 and ff:ff:ff:ff:ff:ff',
			'RIP: 0010:do_raw_spin_lock+0x8b/0x370 RAX: ffff888012345678',
			'KASAN: use-after-free Read in refcount_inc_not_zero_checked',
			'nvme nvme0: NQN nqn.2014-08.org.nvmexpress.discovery',
			'Sep 25 14:42:07 08:00:27 std::vector a::b',
			'BUG: unable to handle page fault for address: ffffffffffffff00',
			'Code: 48 89 e5 41 57 41 56 <0f> 0b',
			'7990@NOTICE.FW,rai0,UniCmdBssInfoRate() 360'
		];
		for (const t of kept) expect(a.text(t)).toBe(t);
		expect(a.replaced).toEqual({});
	});

	it('replaces kernel pointers and the KASLR offset only when asked', () => {
		const line =
			'RSP: 0018:ffffc90000a77b48 RAX: ffff888012345678 Kernel Offset: 0x2a000000 from 0xffffffff81000000';
		expect(new Anonymizer().text(line)).toBe(line);
		expect(new Anonymizer(undefined, { pointers: true }).text(line)).toBe(
			'RSP: 0018:<ptr-1> RAX: <ptr-2> Kernel Offset: <kaslr-1> from <ptr-3>'
		);
	});

	it('never rewrites inside a placeholder, even for a learned name like one', () => {
		const a = new Anonymizer({ hosts: ['mac-1', 'ipv4'], users: [] });
		expect(a.text('54:e1:ad:12:34:56 ipv4 mac-1 192.0.2.1')).toBe(
			'<mac-1> <host-1> <host-2> <ipv4-1>'
		);
	});

	it('runs in linear time on hostile strings', () => {
		const a = new Anonymizer({ hosts: ['wombat-desk'], users: ['alice'] }, { pointers: true });
		const hostile = [
			'a'.repeat(200_000) + '@',
			'1.'.repeat(100_000),
			':'.repeat(200_000),
			'f'.repeat(200_000),
			'0a:'.repeat(70_000),
			'a:'.repeat(100_000) + 'g',
			'/home/'.repeat(30_000),
			'SerialNumber: ' + ' '.repeat(200_000),
			'serial='.repeat(30_000),
			'(' + 'a@'.repeat(100_000),
			// the SSID, file server, volume group and bare MAC patterns
			"ssid '".repeat(30_000),
			'SSID="'.repeat(30_000) + 'a'.repeat(100),
			'\\\\'.repeat(100_000) + 'CIFS',
			'//a'.repeat(60_000) + ' cifs',
			'nfs a:'.repeat(30_000) + '/',
			'vg_.'.repeat(50_000) + '/lv_root',
			'vg_a-'.repeat(40_000),
			'nfs: server '.repeat(20_000),
			'mac '.repeat(50_000) + 'f85e3caaab2b',
			'Connected to network '.repeat(10_000),
			// the login patterns
			'a.'.repeat(100_000) + '(uid=1000)',
			'New session 1 of user '.repeat(10_000) + 'a.'.repeat(50_000),
			'User Slice of '.repeat(10_000) + 'a.'.repeat(50_000),
			'Accepted a for '.repeat(10_000)
		];
		const t0 = performance.now();
		const n = new NameCollector();
		for (const h of hostile) {
			a.text(h);
			n.line(h);
		}
		// About 0.3 s on an idle machine. The bound only catches super-linear backtracking: one
		// quadratic pattern over these 200,000-character strings makes tens of billions of steps
		// (minutes), while a machine busy with other work had taken a sound run to 4-5 s.
		expect(performance.now() - t0).toBeLessThan(20_000);
	});
});

describe('NameCollector', () => {
	it('learns host and user names from banners, paths and systemd lines', () => {
		const c = new NameCollector();
		c.host('wombat-desk');
		c.host('localhost');
		c.line('systemd[1]: Hostname set to <catalina>.');
		c.line('Linux version 6.7.0-rc2+ (quill@wrenfield) (gcc)');
		c.line('UBSAN: in /usr/local/google/home/devon/src/linux2/x.c:263:56');
		c.line('_HOSTNAME=tundra');
		c.line('exe="/Users/bob/bin/x" and /home/root/ and /home/ab/');
		c.line('systemd[1]: Hostname set to <raspberrypi>.');
		c.line(
			'Kernel command line: root=/dev/nfs ip=192.0.2.5::192.0.2.1:255.255.255.0:kiwi:eth0:off'
		);
		c.line('Command line: quiet hostname=emu.example.net');
		c.host('server');
		expect([...c.hosts].sort()).toEqual([
			'catalina',
			// the machine's name with its domain, and alone
			'emu',
			'emu.example.net',
			'kiwi',
			'tundra',
			'wombat-desk',
			'wrenfield'
		]);
		expect([...c.users].sort()).toEqual(['bob', 'devon', 'quill']);
	});
});

describe('anonymized reports', () => {
	it('leave no personal value of the log in any format, and say what was replaced', async () => {
		const r = await analyzeFile(SYNTHETIC, { anonymize: true, name: 'kern-wombat-desk.log' });
		expect(r.input.name).toBe('kern-<host-1>.log');
		expect(r.input.anonymization.enabled).toBe(true);
		expect(r.input.anonymization.replaced.host).toBe(1);
		expect(r.input.anonymization.replaced.user).toBe(1);
		for (const out of [formatJson(r), formatText(r), formatMarkdown(r)]) {
			for (const s of SECRETS) expect(out.toLowerCase(), s).not.toContain(s.toLowerCase());
		}
		expect(formatJson(r)).toContain('<user-1>');
	});

	it('keep finding ids and certainties under link keys, and replace log text under the same keys', async () => {
		const r = await analyzeText('[    1.000000] usb 1-1: device descriptor read/64, error -71\n');
		const f = r.findings[0];
		f.details.cause = 'host wombat-desk';
		r.cascades.push({
			id: 'cascade-00000001',
			chain: [f.id, f.id],
			links: [{ cause: f.id, effect: f.id, certainty: 'possible', reason: 'seen on wombat-desk' }],
			description: 'on wombat-desk'
		} as (typeof r.cascades)[number]);
		const a = new Anonymizer({ hosts: ['wombat-desk'], users: [] }).report(r);
		expect(a.findings[0].details.cause).toBe('host <host-1>');
		expect(a.cascades.at(-1)?.links[0]).toEqual({
			cause: f.id,
			effect: f.id,
			certainty: 'possible',
			reason: 'seen on <host-1>'
		});
	});

	it('keep findings, titles, ids, line numbers and counts', async () => {
		const logs = fixtureLogs();
		expect(logs.length).toBeGreaterThan(3);
		for (const path of logs) {
			const plain = await analyzeFile(path);
			const anon = await analyzeFile(path, { anonymize: { pointers: true } });
			const shape = (r: typeof plain) =>
				r.findings.map((f) => [f.id, f.rule, f.severity, f.first_line, f.last_line, f.count]);
			expect(shape(anon), path).toEqual(shape(plain));
			expect(anon.summary.verdict).toBe(plain.summary.verdict);
			// syzbot-style titles are already normalised: they never change
			if (path.includes('syzkaller'))
				expect(anon.findings.map((f) => f.title)).toEqual(plain.findings.map((f) => f.title));
			// a title changes only where a personal value stood: the rest is the same text
			anon.findings.forEach((f, i) => {
				const pattern = f.title
					.split(/<[a-z\d]+-\d+>/)
					.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
					.join('[^\\s]+?');
				expect(plain.findings[i].title, path).toMatch(new RegExp(`^${pattern}$`));
			});
		}
	});

	it('are deterministic and numbered in order of first appearance', async () => {
		const a = formatJson(await analyzeFile(SYNTHETIC, { anonymize: { pointers: true } }));
		const b = formatJson(await analyzeFile(SYNTHETIC, { anonymize: { pointers: true } }));
		expect(a).toBe(b);
		for (const kind of ['ptr', 'ipv4', 'user', 'host']) {
			const seen = [...a.matchAll(new RegExp(`<${kind}-(\\d+)>`, 'g'))].map((m) => Number(m[1]));
			let max = 0;
			for (const n of seen) {
				expect(n).toBeLessThanOrEqual(max + 1);
				max = Math.max(max, n);
			}
		}
		expect(a).not.toMatch(/ffff[\da-f]{12}/);
	});

	it('replace a host name learned from the syslog prefix wherever it appears', async () => {
		const log = [
			'Nov 21 16:56:27 wrenfield kernel: NFS: server wrenfield-nas not responding, still trying',
			'Nov 21 16:56:28 wrenfield kernel: netconsole: sending to wrenfield at port 6666'
		].join('\n');
		const r = await analyzeText(log, { anonymize: true, year: 2024 });
		const json = formatJson(r);
		expect(json).not.toMatch(/wrenfield(?!-nas)/);
		const plain = formatJson(await analyzeText(log, { year: 2024 }));
		expect(plain).not.toContain('"anonymization": {\n      "enabled": true');
	});
	it("learn the host of other programs' lines too (a log server collects several machines)", async () => {
		const log = [
			'Nov 21 16:56:20 tarnwick-db postgres[812]: LOG:  checkpoint starting: time',
			'Nov 21 16:56:27 wrenfield kernel: nfs: server tarnwick-db not responding, still trying'
		].join('\n');
		const r = await analyzeText(log, { anonymize: true, year: 2024 });
		expect(r.findings.length).toBeGreaterThan(0);
		for (const out of [formatJson(r), formatText(r), formatMarkdown(r)])
			expect(out).not.toContain('tarnwick');
		expect(formatJson(await analyzeText(log, { year: 2024 }))).toContain('tarnwick-db');
	});

	it('replace a learned name in any case, one placeholder for all, and keep documentation links', async () => {
		const log = [
			'2026-05-22T02:40:45.276053Z DEBUG kernel: [ 10.000000] nfs: server Tarnwick-DB not responding, still trying',
			'2026-05-22T02:40:46.276053Z DEBUG kernel: [ 11.000000] ACPI Error: AE_NOT_FOUND, While resolving a named reference package element (20210730/dspkginit-438)',
			'2026-05-22T02:40:47.276053Z DEBUG kernel: [ 12.000000] nfs: server tarnwick-db not responding, still trying',
			'2026-05-22T02:40:48.276053Z tarnwick-db postgres[812]: LOG:  checkpoint starting: time'
		].join('\n');
		const r = await analyzeText(log, { anonymize: true });
		for (const out of [formatJson(r), formatText(r), formatMarkdown(r)]) {
			expect(out).not.toMatch(/tarnwick/i);
			expect(out).not.toMatch(/\bDEBUG\b/);
		}
		// both spellings get the same placeholder
		const nfs = r.findings.filter((f) => f.rule === 'network.nfs-not-responding');
		expect(new Set(nfs.map((f) => f.title)).size).toBe(1);
		expect(nfs[0].title).toContain('<host-');
		// the project's own links are not log text: a host named like a word in them stays out
		const refs = r.findings.flatMap((f) => f.explanation.references);
		const plain = await analyzeText(log);
		expect(refs).toEqual(plain.findings.flatMap((f) => f.explanation.references));
	});
});

describe('Anonymizer.text, values found in real logs', () => {
	it('replaces a UUID glued to a word and keeps kernel versions', () => {
		const a = new Anonymizer();
		expect(
			a.text(
				'initrd=\\EFI\\Pop_OS-cf7df0cb-a60c-4338-acf3-ee5255c6ca73\\initrd.img root=UUID=cf7df0cb-a60c-4338-acf3-ee5255c6ca73'
			)
		).toBe('initrd=\\EFI\\Pop_OS-<uuid-1>\\initrd.img root=UUID=<uuid-1>');
		expect(
			a.text(
				'task_memcg=/kubepods.slice/kubepods-burstable-pod0c1d2e3f_4a5b_6c7d_8e9f_a0b1c2d3e4f5.slice/docker-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.scope pod0c1d2e3f-4a5b-6c7d-8e9f-a0b1c2d3e4f5'
			)
		).toBe(
			'task_memcg=/kubepods.slice/kubepods-burstable-pod<uuid-2>.slice/docker-<id-1>.scope pod<uuid-2>'
		);
		for (const t of [
			'Pid: 4008, comm: rm Tainted: G    B       2.6.38.6-27.fc15.i686 #1 ECS',
			'gcc (Uos 8.3.0.7-1+dde) 8.3.0',
			'Not tainted  (2.6.22.9-61.fc6)'
		])
			expect(a.text(t)).toBe(t);
		expect(a.text('bcm2709.serial=0xd2e6e8cb smsc95xx.macaddr=B8:27:EB:E6:E8:CB')).toBe(
			'bcm2709.serial=<serial-1> smsc95xx.macaddr=<mac-1>'
		);
		expect(a.text('androidboot.serialno=015d07875404060f quiet')).toBe(
			'androidboot.serialno=<serial-2> quiet'
		);
	});
});

describe('NameCollector and Anonymizer, names and ids of real logs', () => {
	// amdgpu-crash-crash1-txt.log lines 1, 2 and 3632
	const ARCH = [
		'Jan 06 14:17:18 archlinux kernel: Linux version 6.1.2-zen1-1-zen (linux-zen@archlinux) (gcc (GCC) 12.2.0, GNU ld (GNU Binutils) 2.39.0) #1 ZEN SMP PREEMPT_DYNAMIC Sat, 31 Dec 2022 17:40:33 +0000',
		'Jan 06 14:17:18 archlinux kernel: Command line: rd.luks.name=d5a148a4-a3ec-46ba-8bc8-f1f889902c04=luks rd.luks.options=discard root=/dev/mapper/luks rootflags=subvol=@ rd.luks.options=discard rw add_efi_memmap initrd=amd-ucode.img initrd=initramfs-linux-zen.img',
		`Jan 06 14:17:38 archdesktop kernel: audit: type=1100 audit(1673011058.981:604): pid=4493 uid=0 auid=4294967295 ses=4294967295 msg='op=PAM:authentication grantors=pam_shells,pam_faillock,pam_permit,pam_faillock,pam_gnome_keyring acct="marlow" exe="/usr/lib/gdm-session-worker" hostname=archdesktop addr=? terminal=/dev/tty1 res=success'`
	];

	it('learns the user name of an audit acct= field (it had stayed in the report)', () => {
		const n = new NameCollector();
		for (const l of ARCH) n.line(l);
		expect([...n.users]).toContain('marlow');
		const a = new Anonymizer(n);
		const out = a.text(ARCH[2].slice(ARCH[2].indexOf('audit:')));
		expect(out).not.toContain('marlow');
		expect(out).toContain('acct="<user-1>"');
		// generic accounts stay: they name nobody
		n.line(
			'audit: type=1101 audit(1673011072.385:641): acct="root" exe="/usr/bin/sudo" res=success'
		);
		expect([...n.users]).not.toContain('root');
	});

	it("learns no user from PAM's `(unknown)` nor from a system service's account", () => {
		// a failed sshd login as no known user, and gdm's greeter; the words had been learned as
		// user names and replaced wherever the log has them
		const n = new NameCollector();
		const lines = [
			`audit: type=1100 audit(1673011058.981:604): pid=4493 uid=0 auid=4294967295 ses=4294967295 msg='op=PAM:authentication grantors=? acct="(unknown)" exe="/usr/sbin/sshd" hostname=? addr=? terminal=ssh res=failed'`,
			`audit: type=1101 audit(1673011058.990:605): pid=1201 uid=0 auid=4294967295 ses=4294967295 msg='op=PAM:accounting grantors=pam_permit acct="gdm" exe="/usr/lib/gdm-session-worker" hostname=archdesktop addr=? terminal=/dev/tty1 res=success'`,
			'usb 1-1: Manufacturer: (unknown)'
		];
		for (const l of lines) n.line(l);
		expect([...n.users]).toEqual([]);
		const a = new Anonymizer(n);
		expect(a.text(lines[2])).toBe(lines[2]);
		expect(a.text(lines[1])).toContain('exe="/usr/lib/gdm-session-worker"');
	});

	it("keeps Arch Linux's package build user (linux-zen@archlinux) and the initramfs it names", async () => {
		const r = await analyzeText(ARCH.join('\n'), { anonymize: true, year: 2023 });
		// `linux-zen` had been learned as a user: `initrd=initramfs-<user-1>.img`
		expect(r.metadata.command_line).toContain('initrd=initramfs-linux-zen.img');
		expect(r.metadata.command_line).toContain('rd.luks.name=<uuid-1>=luks');
		expect(r.metadata.kernel_build).toContain('(linux-zen@archlinux)');
		expect(r.input.anonymization.replaced.user).toBeUndefined();
	});

	it('learns the short name of a host that a syslog prefix gives with its domain', () => {
		// abrt-oops-full-hostname.log line 1; the second line uses the short name alone
		const n = new NameCollector();
		n.host('coprbox.den');
		const a = new Anonymizer(n);
		expect(
			a.text(
				'Oct 12 23:25:16 coprbox.den kernel: mce: [Hardware Error]: Machine check events logged'
			)
		).toBe('Oct 12 23:25:16 <host-1> kernel: mce: [Hardware Error]: Machine check events logged');
		expect(a.text('nfs: server coprbox not responding, still trying')).toBe(
			'nfs: server <host-2> not responding, still trying'
		);
		// a build host's domain is not the machine's: its first label is often a word
		const b = new NameCollector();
		b.line(
			'[    0.000000] Linux version 6.12.9+bpo-arm64 (debian-kernel@lists.debian.org) (aarch64-linux-gnu-gcc-12) #1 SMP Debian 6.12.9-1~bpo12+1 (2025-01-19)'
		);
		// (a distribution's banner names no one: nothing of it is learned)
		expect([...b.hosts]).toEqual([]);
		// a service's name is not learned alone: it would be replaced in every URL
		const c = new NameCollector();
		c.host('www.example.org');
		expect([...c.hosts]).toEqual(['www.example.org']);
	});

	it('replaces the SAS addresses and disk WWNs mpt3sas prints in parentheses', () => {
		// the format of mpt3sas_scsih.c's _scsih_display_sata_capabilities / device add messages
		const a = new Anonymizer();
		expect(
			a.text(
				'scsi 1:0:0:0: SATA: handle(0x0019), sas_addr(0x4433221103000000), phy(3), device_name(0x5000c5008dd9d0ef)'
			)
		).toBe('scsi 1:0:0:0: SATA: handle(0x0019), sas_addr(<wwn-1>), phy(3), device_name(<wwn-2>)');
		expect(a.text('scsi 1:0:0:0: enclosure logical id (0x500605b004f1c660), slot(3)')).toBe(
			'scsi 1:0:0:0: enclosure logical id (<wwn-3>), slot(3)'
		);
	});

	it('learns the host name an installer gave the LVM volume group (it had stayed in the report)', () => {
		// m11x-hwinfo-m11x-dmesg-log.log (Debian 8): the volume group is the host's name
		const debian = [
			'[    0.000000] Command line: BOOT_IMAGE=/vmlinuz-3.16.0-4-amd64 root=/dev/mapper/dyngar-root ro apparmor=1 security=apparmor quiet',
			'[   12.368420] Adding 4784124k swap on /dev/mapper/dyngar-swap_1.  Priority:-1 extents:1 across:4784124k SSFS'
		];
		// Debian 9 and later name it `<host>-vg`, Fedora and RHEL `<distribution>_<host>`
		// (the kernel command line's format; device-mapper doubles a `-` inside a name)
		const others = [
			'[    0.000000] Command line: root=/dev/mapper/kestrel--vg-root ro quiet',
			'[    0.000000] Command line: BOOT_IMAGE=(hd0,gpt2)/vmlinuz-6.11.4-301.fc41.x86_64 root=/dev/mapper/fedora_tarn--wick-root ro rd.lvm.lv=fedora_tarn-wick/root rd.lvm.lv=fedora_tarn-wick/swap rhgb quiet',
			// CentOS Linux 8's installer names the group `cl_<host>`
			'[    0.000000] Command line: BOOT_IMAGE=(hd0,msdos1)/vmlinuz-4.18.0-348.el8.x86_64 root=/dev/mapper/cl_ravensby-root ro resume=/dev/mapper/cl_ravensby-swap rd.lvm.lv=cl_ravensby/root rd.lvm.lv=cl_ravensby/swap rhgb quiet'
		];
		// installers' default names and module names stay
		const kept = [
			'[    0.000000] Command line: root=/dev/mapper/ubuntu--vg-ubuntu--lv ro',
			'[    0.000000] Command line: root=/dev/mapper/fedora-root ro rd.lvm.lv=fedora/root rd.lvm.lv=fedora/swap',
			'[    0.000000] Command line: root=/dev/mapper/luks-5b6f0c1e-8d2a-4c3b-9e7f-1a2b3c4d5e6f ro',
			'[    3.100000] kvm_intel: VMX not supported by CPU 0',
			'[    0.000000] Command line: root=/dev/mapper/vg_data-lv_root ro'
		];
		const n = new NameCollector();
		for (const l of [...debian, ...others, ...kept]) n.line(l);
		const a = new Anonymizer(n);
		expect(a.text(debian[0])).toContain('root=/dev/mapper/<host-1>-root ro');
		expect(a.text(debian[1])).toContain('/dev/mapper/<host-1>-swap_1.');
		expect(a.text(others[0])).toContain('root=/dev/mapper/<host-2>--vg-root ro');
		expect(a.text(others[1])).toContain(
			'root=/dev/mapper/fedora_<host-3>-root ro rd.lvm.lv=fedora_<host-3>/root rd.lvm.lv=fedora_<host-3>/swap'
		);
		expect(a.text(others[2])).toContain(
			'root=/dev/mapper/cl_<host-4>-root ro resume=/dev/mapper/cl_<host-4>-swap rd.lvm.lv=cl_<host-4>/root'
		);
		// the machine's name is learned alone, so it goes wherever else the log names it
		expect(a.text('[   31.200000] CIFS: VFS: \\\\ravensby Send error in SessSetup = -13')).toBe(
			'[   31.200000] CIFS: VFS: \\\\<host-4> Send error in SessSetup = -13'
		);
		for (const l of [kept[0], kept[1], kept[3], kept[4]]) expect(a.text(l)).toBe(l);
		expect(a.replaced.host).toBe(4);
	});
});

describe('NameCollector and Anonymizer, Wi-Fi networks, file servers and serials (anon25)', () => {
	// askubuntu-dmesg-journalctl-lastdayorso.log lines 2031, 2037, 2043 and 2084
	const NM_WPA = [
		"Feb 09 12:29:35 hpPav NetworkManager[925]: <info>  [1644406175.7169] device (wlp2s0): Activation: (wifi) access point 'SophieIstToll' has security, but secrets are required.",
		"Feb 09 12:29:35 hpPav NetworkManager[925]: <info>  [1644406175.7258] Config: added 'ssid' value 'SophieIstToll'",
		"Feb 09 12:29:35 hpPav wpa_supplicant[961]: wlp2s0: SME: Trying to authenticate with c8:0e:14:ed:b1:07 (SSID='SophieIstToll' freq=5260 MHz)",
		'Feb 09 12:29:36 hpPav NetworkManager[925]: <info>  [1644406176.5481] device (wlp2s0): Activation: (wifi) Stage 2 of 5 (Device Configure) successful. Connected to wireless network "SophieIstToll"'
	];
	// izassafar-one-syslog-1.log line 725, crash-logs-log12-04-txt.log line 1925,
	// logcat-reports-dmesg-txt.log line 8681 (Android's bcmdhd), porting-log-syslog.log lines 2279 and
	// 2286
	const OTHERS = [
		"Feb  3 18:34:23 ubuntu wpa_supplicant[1141]: wlan0: Trying to associate with SSID 'home_net'",
		'Dec 04 16:56:47 peter-x1c wpa_supplicant[796]: wlp2s0: CTRL-EVENT-SSID-TEMP-DISABLED id=0 ssid="Longfields" auth_failures=1 duration=10 reason=CONN_FAILED',
		'[   34.134216] [pid:1572,cpu3,wpa_supplicant]BCMDHD:Connecting withec:f0:**:**:2c:77 ssid "WIND_2.4G", len (9) with rcc channels \\x0a',
		'Nov 30 15:54:13 ubuntu-phablet NetworkManager[2213]: <info>  [1543593253.1836] keyfile: add connection in-memory (8b218705-dcf3-41f6-9112-03effba608a4,"ChinaNet-myself")',
		"Nov 30 15:54:13 ubuntu-phablet NetworkManager[2213]: <info>  [1543593253.2980] device (wlan0): Activation: (wifi) access point 'ChinaNet-myself' has security, but secrets are required."
	];

	it('learns the Wi-Fi networks the machine joined and replaces them everywhere (they had been kept)', () => {
		const n = new NameCollector();
		for (const l of [...NM_WPA, ...OTHERS]) n.line(l);
		expect([...n.ssids]).toEqual([
			'SophieIstToll',
			'home_net',
			'Longfields',
			'WIND_2.4G',
			'ChinaNet-myself'
		]);
		// NetworkManager's `'scan_ssid' value '1'` names no network
		n.line(
			"Feb 09 12:29:35 hpPav NetworkManager[925]: <info>  [1644406175.7259] Config: added 'scan_ssid' value '1'"
		);
		expect(n.ssids.size).toBe(5);
		const a = new Anonymizer(n);
		const out = [...NM_WPA, ...OTHERS].map((l) => a.text(l));
		expect(out[0]).toContain("access point '<ssid-1>' has security");
		expect(out[1]).toContain("added 'ssid' value '<ssid-1>'");
		expect(out[2]).toContain("authenticate with <mac-1> (SSID='<ssid-1>' freq=5260 MHz)");
		expect(out[3]).toContain('Connected to wireless network "<ssid-1>"');
		expect(out[4]).toContain("associate with SSID '<ssid-2>'");
		expect(out[5]).toContain('ssid="<ssid-3>" auth_failures=1');
		expect(out[6]).toContain('ssid "<ssid-4>", len (9)');
		// a learned network is replaced where no SSID context names it (a connection's name)
		expect(out[7]).toContain('(<uuid-1>,"<ssid-5>")');
		expect(a.replaced.ssid).toBe(5);
		for (const s of ['Sophie', 'home_net', 'Longfields', 'WIND', 'ChinaNet'])
			expect(out.join('\n')).not.toContain(s);
	});

	it('replaces an SSID in its context without a learned name, and keeps SSID-like words', () => {
		const a = new Anonymizer();
		// iwd's shape as log-shapes.md lists it (made up network)
		expect(a.text('iwd[612]: station: Connected to network KookaburraNest')).toBe(
			'iwd[612]: station: Connected to network <ssid-1>'
		);
		expect(a.text("wlan0: Trying to associate with SSID 'kookaburranest'")).toBe(
			"wlan0: Trying to associate with SSID '<ssid-1>'"
		);
		for (const t of [
			'<info>  [1644406171.3195] sup-iface[0x561ceab54120,wlp2s0]: supports 4 scan SSIDs',
			"Config: added 'scan_ssid' value '1'",
			'wlp2s0: CTRL-EVENT-DISCONNECTED bssid=<mac-1> reason=4 locally_generated=1'
		])
			expect(a.text(t)).toBe(t);
	});

	it('learns the file servers of NFS and SMB messages and mount sources (they had stayed in the report)', async () => {
		// net/sunrpc/clnt.c's, fs/nfs's and fs/smb/client's formats (the corpus's NFS server is an
		// address: apimnewyear-vmcore-dmesg-txt.log; the names here are made up)
		const log = [
			'[  100.000000] nfs: server fileserver not responding, still trying',
			'[  160.000000] nfs: server fileserver OK',
			'[  200.000000] CIFS: VFS: \\\\nasbox has not responded in 180 seconds. Reconnecting...',
			'[  300.000000] CIFS: VFS: \\\\smbhost Send error in SessSetup = -13',
			'[  300.000100] CIFS: VFS: cifs_mount failed w/return code = -13'
		];
		const r = await analyzeText(log.join('\n'), { anonymize: true });
		for (const out of [formatJson(r), formatText(r), formatMarkdown(r)])
			for (const s of ['fileserver', 'nasbox', 'smbhost']) expect(out).not.toContain(s);
		const titles = r.findings.map((f) => f.title).sort();
		expect(titles).toEqual([
			'NFS server <host-1> stopped answering for a while, then came back',
			'SMB/CIFS mount failed: EACCES (permission denied)',
			'SMB/CIFS server <host-2> not responding'
		]);
		expect(r.findings.find((f) => f.rule === 'network.smb-mount-failed')?.details.server).toBe(
			'<host-3>'
		);
		expect(r.input.anonymization.replaced).toEqual({ host: 3 });

		const n = new NameCollector();
		for (const l of [
			'[   10.000000] NFS: state manager: check lease failed on NFSv4 server filer01 with error 10008',
			'[   11.000000] NFS: v4 server filer02.example.org does not accept raw uid/gids. Reenabling the idmapper.',
			'[   12.000000] lockd: server filer03 not responding, timed out',
			'[    0.000000] Kernel command line: root=/dev/nfs nfsroot=filer04:/srv/nfsroot,vers=3 ip=dhcp',
			'Mar  1 10:00:00 tarnwick mount[812]: mount.nfs: access denied by server while mounting filer05:/export/home',
			'[   20.000000] CIFS: Attempting to mount //filer06/public',
			'[   21.000000] CIFS: VFS: \\\\filer07\\public BAD_NETWORK_NAME: \\\\filer07\\public',
			'[   22.000000] CIFS VFS: Server filer08 has not responded in 120 seconds. Reconnecting...'
		])
			n.line(l);
		expect([...n.hosts]).toEqual([
			'filer01',
			'filer02.example.org',
			'filer02',
			'filer03',
			'filer04',
			'filer05',
			'filer06',
			'filer07',
			'filer08'
		]);
		// addresses are replaced by their own pass; URLs and other `name:/path` are no mount source
		const m = new NameCollector();
		for (const l of [
			'[  100.000000] nfs: server 10.143.140.121 not responding, timed out',
			'[   20.000000] CIFS: Attempting to mount \\\\192.168.1.5\\share',
			'[    1.000000] NFS: Registering the id_resolver key type',
			'Jan 06 14:17:31 archdesktop systemd[1]: Starting NFS server and services... see https://nfs.sourceforge.net/',
			'[    0.500000] smbus: reading udev:/sys/devices/platform'
		])
			m.line(l);
		expect([...m.hosts]).toEqual([]);
	});

	it("keeps a driver's name after `serial:` (it had been replaced as a serial number), replaces smartd's WWN and prefixed serials", async () => {
		// lkp-05.log line 4: the title says `refused to serial: goldfish_pdev_bus holds it`
		const r = await analyzeText(
			'[   29.096478] genirq: Flags mismatch irq 4. 00000000 (serial) vs. 00000080 (goldfish_pdev_bus)',
			{ anonymize: true }
		);
		expect(r.findings[0].title).toBe('Interrupt 4 refused to serial: goldfish_pdev_bus holds it');
		expect(r.input.anonymization.replaced).toEqual({});
		const a = new Anonymizer();
		for (const t of [
			'Serial: 8250/16550 driver, 4 ports, IRQ sharing enabled',
			'serial: ttyS0 at I/O 0x3f8',
			'msm_serial: driver initialized'
		])
			expect(a.text(t)).toBe(t);
		// zictes-log-syslog.log line 1909 (smartd); syslogs-messages-3.log line 2189 (ChromeOS's
		// hardware_verifier, shortened): a disk's WWN as smartd writes it, and a prefixed serial,
		// had been kept
		expect(
			a.text(
				'May  9 01:39:01 stephen smartd[1269]: Device: /dev/sda [SAT], SanDisk SDSSDP128G, S/N:152705403409, WWN:5-001b44-e99888611, FW:3.2.0, 126 GB'
			)
		).toContain('S/N:<serial-1>, WWN:<wwn-1>, FW:3.2.0');
		expect(a.text('wwn-0x5001b44e99888611')).toBe('wwn-<wwn-1>');
		expect(
			a.text('name: "DV4032"#012  mmc_prv: 1#012  mmc_serial: 1583161905#012  mmc_oemid: 256')
		).toBe('name: "DV4032"#012  mmc_prv: 1#012  mmc_serial: <serial-2>#012  mmc_oemid: 256');
		const zeros = 'androidboot.subpcb=0 androidboot.ap_serial=0x00000000 ccic_info=1';
		expect(a.text(zeros)).toBe(zeros);
		// serials stay replaced
		expect(a.text('usb 1-3: serial: 01293805A6A5')).toBe('usb 1-3: serial: <serial-3>');
		expect(a.text('androidboot.serialno=9924b89b quiet')).toBe(
			'androidboot.serialno=<serial-4> quiet'
		);
	});

	it('replaces a MAC a driver prints without separators or glued to its key, as the same MAC', () => {
		// z8803be-research-dmesg-log.log line 8 (MediaTek's Wi-Fi driver)
		const a = new Anonymizer();
		expect(
			a.text('[   38.345914] 7990@NOTICE.CFG,ra0,parse_hostapd_ftie() 12564: OwnMac: f85e3caaab2b')
		).toBe('[   38.345914] 7990@NOTICE.CFG,ra0,parse_hostapd_ftie() 12564: OwnMac: <mac-1>');
		expect(a.text('ra0: connected to F8:5E:3C:AA:AB:2B')).toBe('ra0: connected to <mac-1>');
		expect(a.text('androidboot.wifimacaddr=F85E3CAAAB2B androidboot.bt_mac=f85e3caaab2c')).toBe(
			'androidboot.wifimacaddr=<mac-1> androidboot.bt_mac=<mac-2>'
		);
		// androiddmesg-dmesg-txt.log line 151 (Qualcomm's wlan driver), and net/bridge's format
		// `own address as source address (addr:%pM, vlan:%u)`: a MAC glued to its key by `:` had
		// been kept
		expect(
			a.text(
				'wlan: [30402:E:IPA] wlan_ipa_setup_iface: net:0000000000000000 mode:0 MAC:78:d2:94:0d:52:78 id:0'
			)
		).toBe(
			'wlan: [30402:E:IPA] wlan_ipa_setup_iface: net:0000000000000000 mode:0 MAC:<mac-3> id:0'
		);
		expect(
			a.text(
				'br0: received packet on eth0 with own address as source address (addr:54:e1:ad:12:34:56, vlan:0)'
			)
		).toBe(
			'br0: received packet on eth0 with own address as source address (addr:<mac-4>, vlan:0)'
		);
		// a 12-digit number elsewhere is no MAC
		expect(a.text('audit(1363880447.284:964985914354)')).toBe('audit(1363880447.284:964985914354)');
	});

	it("learns the host of RHEL 6's `vg_<host>` volume group, not an administrator's group", () => {
		// the names RHEL 6's installer gave (made up host), in the kernel command line's format
		const n = new NameCollector();
		n.line(
			'[    0.000000] Command line: ro root=/dev/mapper/vg_ravensby-lv_root rd_LVM_LV=vg_ravensby/lv_root rd_LVM_LV=vg_ravensby/lv_swap rd_NO_LUKS'
		);
		n.line(
			'[    0.000000] Command line: ro root=/dev/mapper/vg_data-lv_root rd_LVM_LV=vg_data/lv_root'
		);
		n.line(
			'[    0.000000] Command line: ro root=/dev/mapper/VolGroup00-LogVol00 rd_LVM_LV=VolGroup00/LogVol00'
		);
		n.line('[    0.000000] Command line: ro root=/dev/mapper/vg_ssd-data');
		expect([...n.hosts]).toEqual(['ravensby']);
		const a = new Anonymizer(n);
		expect(a.text('root=/dev/mapper/vg_ravensby-lv_root rd_LVM_LV=vg_ravensby/lv_swap')).toBe(
			'root=/dev/mapper/vg_<host-1>-lv_root rd_LVM_LV=vg_<host-1>/lv_swap'
		);
	});

	it('learns the users who logged in from PAM, logind, systemd and sshd lines, not service accounts', () => {
		const lines = [
			// amdgpu-crash-crash1-txt.log line 3864
			'Jan 06 14:17:52 archdesktop sudo[5977]: pam_unix(sudo:session): session opened for user root(uid=0) by marlow(uid=1000)',
			// ideapad320-15ikb-defconf-genkernel-dmesg.log lines 892 and 899
			'[   14.041846] elogind-daemon[3036]: New session c1 of user sddm.',
			'[  156.067330] elogind-daemon[3036]: New session 1 of user kyrylo.',
			// zictes-log-syslog.log line 2045, logs-srv-messages.log line 9038
			'May  9 01:41:21 stephen systemd[1]: Started Session 1 of user locque.',
			'Nov 22 15:28:29 openshiftrunner1 systemd: Created slice User Slice of soporte.bizware.',
			// loghub-linux-2k.log line 92: the uid is the caller's, `test` a generic name
			'Jun 17 20:29:26 combo sshd(pam_unix)[30631]: session opened for user test by (uid=509)',
			// sshd's formats (made-up names): an attacker's guess is nobody's name
			'Mar  1 10:00:00 tarnwick sshd[901]: Accepted publickey for marisol from 192.0.2.5 port 52144 ssh2',
			'Mar  1 10:00:01 tarnwick sshd[902]: Failed password for invalid user oracle from 192.0.2.6 port 40000 ssh2',
			// GDM 42's greeter is a dynamic user
			'Mar  1 10:00:02 tarnwick gdm-launch-environment][903]: pam_unix(gdm-launch-environment:session): session opened for user gdm-greeter(uid=60578) by (uid=0)',
			'Mar  1 10:00:03 tarnwick systemd[1]: Created slice User Slice of UID 1000.'
		];
		const n = new NameCollector();
		for (const l of lines) n.line(l);
		expect([...n.users]).toEqual(['marlow', 'kyrylo', 'locque', 'soporte.bizware', 'marisol']);
		const a = new Anonymizer(n);
		expect(a.text(lines[0])).toContain('for user root(uid=0) by <user-1>(uid=1000)');
		expect(a.text(lines[3])).toContain('Started Session 1 of user <user-2>.');
	});

	it("learns the owner a Bluetooth device is named after (Apple's `<name>'s Magic Keyboard`)", () => {
		// drivers/hid/hid-core.c's hid_connect() and the input core's formats (no corpus log pairs a
		// Bluetooth keyboard; the name is made up)
		const lines = [
			"[ 5012.331218] input: Marisol's Magic Keyboard as /devices/virtual/misc/uhid/0005:004C:0267.0006/input/input27",
			"[ 5012.331905] hid-generic 0005:004C:0267.0006: input,hidraw3: BLUETOOTH HID v1.14 Keyboard [Marisol's Magic Keyboard] on 00:1a:7d:da:71:13",
			// a USB device's name and a possessive elsewhere are no owner
			'[    2.100000] input: Logitech USB Receiver as /devices/pci0000:00/0000:00:14.0/usb1/1-2/1-2:1.0/0003:046D:C52B.0001/input/input5',
			"[    9.000000] systemd[1]: Started Daemon's helper."
		];
		const n = new NameCollector();
		for (const l of lines) n.line(l);
		expect([...n.users]).toEqual(['Marisol']);
		const a = new Anonymizer(n);
		expect(a.text(lines[1])).toBe(
			"[ 5012.331905] hid-generic 0005:004C:0267.0006: input,hidraw3: BLUETOOTH HID v1.14 Keyboard [<user-1>'s Magic Keyboard] on <mac-1>"
		);
	});

	it("learns the host of older systemd's `Set hostname to <x>.` and of hostnamed's and NetworkManager's changes", () => {
		const n = new NameCollector();
		// zictes-log-dmesg.log line 1157: a dmesg has no syslog prefix that names the host
		n.line('[   23.805453] systemd[1]: Set hostname to <stephen>.');
		// systemd-hostnamed's and NetworkManager's formats (made-up names)
		n.line(
			"Mar  1 10:00:00 localhost systemd-hostnamed[700]: Changed static host name to 'tarnwick'"
		);
		n.line(
			"Mar  1 10:00:01 localhost NetworkManager[650]: <info>  [1709287201.1234] policy: set-hostname: set hostname to 'ravensby' (from DHCP)"
		);
		n.line(
			"Mar  1 10:00:02 localhost systemd-hostnamed[700]: Changed pretty host name to 'Peter Laptop'"
		);
		// debian-clearfog-gt-8k-dmesg.log line 548's is the board's default name, like raspberrypi
		n.line('[   14.020735] systemd[1]: Set hostname to <clearfog>.');
		// venroot-logs-dmesg-log.log line 1042: Pop!_OS's default name had replaced the
		// distribution's name in `/etc/pop-os/os-release`
		n.line('[    6.187869] systemd[1]: Hostname set to <pop-os>.');
		// the pretty host name is learned too (it had been kept)
		expect([...n.hosts]).toEqual(['stephen', 'tarnwick', 'ravensby', 'Peter Laptop']);
	});

	it('learns the user of a removable medium mounted under /run/media/<user>/ or /media/<user>/', () => {
		const n = new NameCollector();
		for (const l of [
			// crash-logs-log12-11-txt.log line 2025, logging-syslog.log line 1386
			'Dec 10 19:45:25 peter-x1c udisksd[1405]: Mounted /dev/sdb1 at /run/media/peter/2A98-4124 on behalf of uid 1000',
			'Jan 16 11:42:47 rakeshelk-VirtualBox udisksd[698]: Cleaning up mount point /media/rakesh-elk/VBox_GAs_6.0.0 (device 11:0 is not mounted)',
			// Android's storage and a kernel source path name nobody: fishlogs-dmesg-log.log line
			// 4126, dns-airtab-m973w-enginee-kernel-log-last-kmsg.log line 330
			'[   19.971109]  [3:mm-qcamera-daem:  930] [syscamera][msm_companion_fw_binary_set::309] PathIDX = 1, NameIDX = 1, path = /data/media/0/MasterX.bin',
			'<6>[    2.370718] sensor_probe..drivers/media/video/../../../wisky/camera/wisky_camera_hi704.c..2583  ret = 0',
			'[    1.000000] init: mounting /media/usb0/ and /media/0/'
		])
			n.line(l);
		expect([...n.users]).toEqual(['peter', 'rakesh-elk']);
	});
});
