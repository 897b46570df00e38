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
			'(' + 'a@'.repeat(100_000)
		];
		const t0 = performance.now();
		for (const h of hostile) a.text(h);
		expect(performance.now() - t0).toBeLessThan(2_000);
	});
});

describe('NameCollector', () => {
	it('learns host and user names from banners, paths and systemd lines', () => {
		const c = new NameCollector();
		c.host('wombat-desk');
		c.host('localhost');
		c.line('systemd[1]: Hostname set to <catalina>.');
		c.line('Linux version 6.7.0-rc2+ (psusi@faldara) (gcc)');
		c.line('UBSAN: in /usr/local/google/home/dvyukov/src/linux2/x.c:263:56');
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
			'faldara',
			'kiwi',
			'tundra',
			'wombat-desk'
		]);
		expect([...c.users].sort()).toEqual(['bob', 'dvyukov', 'psusi']);
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
			'Nov 21 16:56:27 faldara kernel: NFS: server faldara-nas not responding, still trying',
			'Nov 21 16:56:28 faldara kernel: netconsole: sending to faldara at port 6666'
		].join('\n');
		const r = await analyzeText(log, { anonymize: true, year: 2024 });
		const json = formatJson(r);
		expect(json).not.toMatch(/faldara(?!-nas)/);
		const plain = formatJson(await analyzeText(log, { year: 2024 }));
		expect(plain).not.toContain('"anonymization": {\n      "enabled": true');
	});
	it("learn the host of other programs' lines too (a log server collects several machines)", async () => {
		const log = [
			'Nov 21 16:56:20 tarnwick-db postgres[812]: LOG:  checkpoint starting: time',
			'Nov 21 16:56:27 faldara kernel: nfs: server tarnwick-db not responding, still trying'
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

describe('NameCollector and Anonymizer, names and ids of real logs (shapes21)', () => {
	// amdgpu-crash-crash1-txt.log lines 1, 2 and 3632
	const ARCH = [
		'Jan 06 14:17:18 archlinux kernel: Linux version 6.1.2-zen1-1-zen (linux-zen@archlinux) (gcc (GCC) 12.2.0, GNU ld (GNU Binutils) 2.39.0) #1 ZEN SMP PREEMPT_DYNAMIC Sat, 31 Dec 2022 17:40:33 +0000',
		'Jan 06 14:17:18 archlinux kernel: Command line: rd.luks.name=d5a148a4-a3ec-46ba-8bc8-f1f889902c04=luks rd.luks.options=discard root=/dev/mapper/luks rootflags=subvol=@ rd.luks.options=discard rw add_efi_memmap initrd=amd-ucode.img initrd=initramfs-linux-zen.img',
		`Jan 06 14:17:38 archdesktop kernel: audit: type=1100 audit(1673011058.981:604): pid=4493 uid=0 auid=4294967295 ses=4294967295 msg='op=PAM:authentication grantors=pam_shells,pam_faillock,pam_permit,pam_faillock,pam_gnome_keyring acct="dorian" exe="/usr/lib/gdm-session-worker" hostname=archdesktop addr=? terminal=/dev/tty1 res=success'`
	];

	it('learns the user name of an audit acct= field (it had stayed in the report)', () => {
		const n = new NameCollector();
		for (const l of ARCH) n.line(l);
		expect([...n.users]).toContain('dorian');
		const a = new Anonymizer(n);
		const out = a.text(ARCH[2].slice(ARCH[2].indexOf('audit:')));
		expect(out).not.toContain('dorian');
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
		expect([...b.hosts]).toEqual(['lists.debian.org']);
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
