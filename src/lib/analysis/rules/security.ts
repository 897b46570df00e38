import type { Explanation } from '../../models/finding.ts';
import type { LineRule } from './types.ts';

/** Read `key="value"` or `key=value` from an audit record. Runs only on matched lines. */
export function auditField(s: string, key: string): string | null {
	const i = s.indexOf(` ${key}=`);
	if (i < 0) return null;
	const j = i + key.length + 2;
	if (s[j] === '"') {
		const end = s.indexOf('"', j + 1);
		return s.slice(j + 1, end < 0 ? s.length : end);
	}
	const end = s.indexOf(' ', j);
	return s.slice(j, end < 0 ? s.length : end) || null;
}

const HEX_STRING = /^(?:[0-9A-F]{2})+$/;

/**
 * A string field of an audit record (comm, exe, name, path, profile): audit_log_untrustedstring
 * prints a value that holds a space, a quote or a control character as unquoted upper-case hex
 * (a thread named `Core Thread` is `comm=436F726520546872656164`), which is decoded here.
 */
export function auditString(s: string, key: string): string | null {
	const v = auditField(s, key);
	if (v === null || s[s.indexOf(` ${key}=`) + key.length + 2] === '"' || !HEX_STRING.test(v))
		return v;
	const bytes = new Uint8Array(v.length / 2);
	for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(v.slice(2 * i, 2 * i + 2), 16);
	return new TextDecoder().decode(bytes);
}

/** security/apparmor/audit.c: `apparmor="DENIED" operation="open" profile="/usr/sbin/cupsd" ...` */
export const apparmorDenied: LineRule = {
	id: 'security.apparmor-denied',
	category: 'security',
	severity: 'low',
	triggers: ['apparmor="DENIED"', 'apparmor="ALLOWED"'],
	pattern: /apparmor="(DENIED|ALLOWED)" operation="([^"]*)"/,
	title: (m) => {
		const who =
			auditString(m.input, 'profile') ?? auditString(m.input, 'label') ?? 'unknown profile';
		return `AppArmor ${m[1] === 'DENIED' ? 'denied' : 'allowed (complain mode)'} ${m[2]} for ${who}`;
	},
	details: (m) => ({
		profile: auditString(m.input, 'profile') ?? auditString(m.input, 'label'),
		operation: m[2],
		comm: auditString(m.input, 'comm'),
		name: auditString(m.input, 'name') ?? auditString(m.input, 'path'),
		requested:
			auditField(m.input, 'requested_mask') ??
			auditField(m.input, 'mask') ??
			auditField(m.input, 'capname'),
		enforced: m[1] === 'DENIED'
	}),
	severityOf: (m) => (m[1] === 'DENIED' ? 'low' : 'info'),
	examples: [
		'audit: type=1400 audit(1700000000.123:45): apparmor="DENIED" operation="open" profile="/usr/sbin/cupsd" name="/etc/ssl/private/" pid=1234 comm="cupsd" requested_mask="r" denied_mask="r" fsuid=0 ouid=0',
		'audit: type=1107 audit(1600000000.100:99): pid=850 uid=103 auid=4294967295 ses=4294967295 subj=unconfined msg=\'apparmor="DENIED" operation="dbus_method_call"  bus="system" path="/org/freedesktop/NetworkManager" interface="org.freedesktop.NetworkManager" member="state" mask="send" name=":1.9" pid=2470 label="snap.spotify.spotify" peer_pid=900 peer_label="unconfined"'
	],
	negatives: [
		'audit: type=1400 audit(1600000000.100:5): apparmor="STATUS" operation="profile_load" profile="unconfined" name="/usr/bin/man" pid=600 comm="apparmor_parser"'
	],
	explanation: {
		meaning:
			'AppArmor (a security module) blocked a program from doing something its profile does not allow. Usually a profile that is too strict for what the program legitimately does (snaps reading system files are common and harmless); the program may fail at that operation.',
		causes: [
			{
				kind: 'configuration',
				text: 'The AppArmor profile does not cover a legitimate access (new program version, unusual paths).'
			},
			{
				kind: 'userspace',
				text: 'The program really attempts something it should not (a bug, or a contained attack).'
			}
		],
		next_steps: [
			'See all denials for the profile: `journalctl -k | grep apparmor=\\"DENIED\\"`; `aa-status` lists profiles and modes.',
			'If the program misbehaves, extend the profile (`aa-logprof`) or report the denial to the package/snap maintainers; `aa-complain <profile>` only for testing.'
		],
		references: ['https://docs.kernel.org/admin-guide/LSM/apparmor.html']
	}
};

/** what the title of a denial's finding says before the domain */
const SELINUX_MODES = ['SELinux denials logged (permissive)', 'SELinux denials'];
const FOR_DOMAIN = ' for domain ';

/**
 * The domain (type) of a security context, `httpd_t` of `system_u:system_r:httpd_t:s0`, or
 * `unknown`: also when the third field is a level (`s0` of `u:rzrecovery:s0`, whose `:` a
 * flipped bit turned into `z`), which no domain is named.
 */
export function selinuxDomain(scontext: string | null): string {
	const domain = scontext?.split(':')[2];
	return domain === undefined || domain === '' || /^s\d+$/.test(domain) ? 'unknown' : domain;
}

/** The mode (what the title says before the domain) and domain of a denial finding's title. */
export function selinuxTitleParts(title: string): { mode: string; domain: string } | null {
	const at = title.indexOf(FOR_DOMAIN);
	const mode = title.slice(0, at);
	if (at < 0 || !SELINUX_MODES.includes(mode)) return null;
	return { mode, domain: title.slice(at + FOR_DOMAIN.length) };
}

/**
 * A denial of Android's policy (its contexts are `u:r:<domain>:s0`): the user of the phone has no
 * audit tools (ausearch, restorecon, setsebool) and cannot change the policy, which is built into
 * the system and vendor images. Real logs: logcat-reports (a phone's HAL services), arcvm
 * (ChromeOS's Android VM), cykeek-stuff's console-ramoops and iamslightlywin's Samsung tablet: every
 * SELinux denial of the corpus is Android's, and all had been told to run ausearch and restorecon.
 */
const SELINUX_ANDROID: Explanation = {
	meaning:
		'Android’s SELinux policy (the `u:r:…` contexts are Android’s) denied an access to the process named: the operation failed, unless permissive=1 (a permissive domain or device, where it was only logged). Denials are common on Android, above all at boot and on custom ROMs, GSIs, ported kernels and vendor builds, and most do no visible harm: the process does without the access or gets it another way. One matters when the feature of that process (`comm`; the domain in the title, such as hal_usb_default for the USB service) does not work. The policy is part of the system and vendor images: the owner of the device cannot change it.',
	causes: [
		{
			kind: 'configuration',
			text: 'A device policy that does not cover what the process does: a custom ROM, GSI or ported kernel, system and vendor images from different builds, or a file with the wrong label (file_contexts).'
		},
		{
			kind: 'userspace',
			text: 'A process (a vendor service, an app) trying something its domain may not do, which the policy stops on purpose.'
		}
	],
	next_steps: [
		'If the device works as it should, nothing needs doing.',
		'If a feature fails, look for denials of its service or app (`comm`, the domain) at that time: `adb logcat -d | grep "avc: denied"`, and `adb shell getenforce` for the mode; report them with these lines to the maintainers of the ROM or device.',
		'For a ROM or device developer: add the missing rule to the device’s sepolicy (`audit2allow -p <compiled policy>` on the denials gives a draft; check it against the neverallow rules), or fix the label in `file_contexts`.'
	],
	references: [
		'https://source.android.com/docs/security/features/selinux',
		'https://source.android.com/docs/security/features/selinux/validate'
	]
};

/** a SELinux denial's explanation, but for Android's (SELINUX_ANDROID) */
const SELINUX: Explanation = {
	meaning:
		'SELinux blocked (or, with permissive=1, only logged) an access that the policy does not allow. Common after moving files (wrong labels) or with custom setups; the program fails at that operation when enforcing.',
	causes: [
		{
			kind: 'configuration',
			text: 'Files with the wrong SELinux label (copied/moved files, custom paths) or a missing policy boolean.'
		},
		{
			kind: 'userspace',
			text: 'A program doing something its domain should not (a bug or a contained attack).'
		}
	],
	next_steps: [
		'Explain the denial: `ausearch -m avc -ts recent | audit2why`; fix labels with `restorecon -Rv <path>`.',
		'Enable a documented boolean (`getsebool -a`, `setsebool -P`) or, as a last resort, build a local module with `audit2allow`.'
	],
	references: [
		'https://docs.kernel.org/admin-guide/LSM/SELinux.html',
		'https://github.com/SELinuxProject/selinux-notebook'
	]
};

/**
 * A denial's `permissive=` value (`1` or `0`), or null. A log corrupted by flipped bits (the
 * corpus's cykeek-stuff-console-ramoops-0.log) garbles the key of its last field while the value
 * stays readable: `purmissyve=1`, `permiwsive=1`, `permissive?1`, `pes}issive}1`. Without the
 * key, the last field is taken when it is ten characters at most three of them off `permissive`,
 * a separator, and `1` or `0`; a garbled value (`permissivu=q`) is still unknown.
 */
export function selinuxPermissive(s: string): string | null {
	const v = auditField(s, 'permissive');
	if (v !== null) return v;
	const t = s.trimEnd();
	const n = t.length;
	if (n < 13 || t[n - 13] !== ' ') return null;
	const value = t[n - 1];
	if (value !== '1' && value !== '0') return null;
	let off = 0;
	for (let i = 0; i < 10; i++) if (t[n - 12 + i] !== 'permissive'[i]) off++;
	return off <= 3 ? value : null;
}

/** security/selinux/avc.c: `avc:  denied  { read } for  pid=1234 comm="httpd" ... scontext=... tcontext=... tclass=file permissive=0` */
export const selinuxDenied: LineRule = {
	id: 'security.selinux-denied',
	category: 'security',
	severity: 'low',
	triggers: ['avc: '],
	pattern: /avc: {1,2}denied {1,2}\{ ([^}]*) \} for/,
	title: (m) => {
		const mode = SELINUX_MODES[selinuxPermissive(m.input) === '1' ? 0 : 1];
		return `${mode}${FOR_DOMAIN}${selinuxDomain(auditField(m.input, 'scontext'))}`;
	},
	details: (m) => ({
		permissions: m[1].trim(),
		comm: auditString(m.input, 'comm'),
		name: auditString(m.input, 'name') ?? auditString(m.input, 'path'),
		scontext: auditField(m.input, 'scontext'),
		tcontext: auditField(m.input, 'tcontext'),
		tclass: auditField(m.input, 'tclass'),
		permissive: selinuxPermissive(m.input) === '1'
	}),
	severityOf: (m) => (selinuxPermissive(m.input) === '1' ? 'info' : 'low'),
	// Android's contexts: the process's `u:r:…`, or the target's `u:object_r:…` or `u:r:…` (a
	// garbled line, as in a console-ramoops, may have lost its scontext; the target is read either way)
	explanationOf: (m) =>
		auditField(m.input, 'scontext')?.startsWith('u:r:') ||
		/^u:(?:object_)?r:/.test(auditField(m.input, 'tcontext') ?? '')
			? SELINUX_ANDROID
			: undefined,
	examples: [
		'audit: type=1400 audit(1700000000.123:456): avc:  denied  { read } for  pid=1234 comm="httpd" name="index.html" dev="sda1" ino=12345 scontext=system_u:system_r:httpd_t:s0 tcontext=unconfined_u:object_r:user_home_t:s0 tclass=file permissive=0',
		'type=1400 audit(1600000000.0:1): avc: denied { search } for comm="init" name="/" dev="tmpfs" scontext=u:r:init:s0 tcontext=u:object_r:device:s0 tclass=dir permissive=1'
	],
	negatives: [
		'audit: type=1403 audit(1600000000.100:2): policy loaded auid=4294967295 ses=4294967295'
	],
	explanation: SELINUX,
	// a denial whose contexts the flipped bits of a ramoops left unreadable is Android's too when
	// the log is an Android device's (cykeek-stuff-console-ramoops-0.log)
	android: [[SELINUX, SELINUX_ANDROID]]
};

/**
 * security/lockdown with module signatures enforced (kernel/module/signing.c): a module without a
 * valid signature, most often one built by DKMS (NVIDIA, VirtualBox, ZFS, v4l2loopback).
 */
const LOCKDOWN_UNSIGNED_MODULE: Explanation = {
	meaning:
		'The kernel runs in lockdown mode (usually because UEFI Secure Boot is on) and refused to load a module that has no valid signature; `modprobe` reports "Key was rejected by service". Modules built on the machine (DKMS: NVIDIA, VirtualBox, ZFS, v4l2loopback, out-of-tree Wi-Fi drivers) are unsigned unless they are signed with a key the firmware trusts, so the device or feature they drive does not work.',
	causes: [
		{
			kind: 'configuration',
			text: 'Secure Boot on, and a DKMS or hand-built module not signed with an enrolled Machine Owner Key (MOK).'
		}
	],
	next_steps: [
		'Find the module: `journalctl -k -b | grep -i -e lockdown -e "module verification"` and `dkms status`; check Secure Boot with `mokutil --sb-state`.',
		'Sign it with an enrolled key: most distributions’ DKMS do this once their key is enrolled (`mokutil --import <key.der>`, then confirm at the next boot in MokManager; Ubuntu: `update-secureboot-policy --enroll-key`), then rebuild the module (`dkms autoinstall`).',
		'Or use the distribution’s signed package of the driver; turning Secure Boot off also lifts lockdown.'
	],
	references: [
		'https://man7.org/linux/man-pages/man7/kernel_lockdown.7.html',
		'https://docs.kernel.org/admin-guide/module-signing.html'
	]
};

/**
 * kernel/power/hibernate.c hibernation_available(): under lockdown the kernel says hibernation is
 * restricted whenever something asks whether it may hibernate: the kernel itself at boot
 * (`swapper/0`, looking for an image to resume from) and systemd-logind when it starts (CanHibernate),
 * on every boot of a Secure Boot machine. A statement of policy, not a failed hibernation.
 */
const LOCKDOWN_HIBERNATION: Explanation = {
	meaning:
		'The kernel runs in lockdown mode (usually because UEFI Secure Boot is on), and in that mode it does not offer hibernation (suspend to disk): a hibernation image written to swap could be changed before it is loaded again, around the signature checks lockdown protects. The line is printed whenever something asks whether the machine may hibernate: the kernel at boot, looking for an image to resume from (`swapper/0`), and systemd-logind or a desktop when they start. It is a statement of policy on every boot, not a hibernation that failed; suspend to RAM is not affected.',
	causes: [
		{
			kind: 'configuration',
			text: 'Secure Boot on (which turns lockdown on in most distributions’ kernels), or `lockdown=integrity`/`confidentiality` on the kernel command line.'
		}
	],
	next_steps: [
		'Nothing needs doing unless you want to hibernate: the desktop then simply does not offer it. Check the mode with `cat /sys/kernel/security/lockdown` and Secure Boot with `mokutil --sb-state`.',
		'To hibernate, use suspend to RAM instead, or (if the loss of protection is acceptable) turn Secure Boot off in the firmware setup, which lifts lockdown.'
	],
	references: ['https://man7.org/linux/man-pages/man7/kernel_lockdown.7.html']
};

/**
 * drivers/char/mem.c open_port(): under lockdown opening /dev/mem, /dev/kmem or /dev/port is
 * refused (LOCKDOWN_DEV_MEM). systemd, starting as init, prints it once per boot
 * (askubuntu-dmesg-journalctl-lastdayorso.log line 978, Ubuntu 20.04 with Secure Boot, right after
 * `systemd[1]: Set hostname`) and goes on without: like the hibernation line, a statement of the
 * policy at boot, not something that failed for the user (info). Another program refused the
 * same files (a firmware flasher, dmidecode's fallback, an old X driver) keeps the general
 * explanation and low.
 */
const LOCKDOWN_DEV_MEM_SYSTEMD: Explanation = {
	meaning:
		'The kernel runs in lockdown mode (usually because UEFI Secure Boot is on), and in that mode nothing may open /dev/mem, /dev/kmem or /dev/port, the raw views of the machine’s memory and I/O ports through which a program could change the running kernel. systemd, starting as the init process at boot, opened one of them and was refused; it carries on without it, and nothing the machine or its user does depends on it. The line comes once per boot on such systems and is harmless.',
	causes: [
		{
			kind: 'configuration',
			text: 'Secure Boot on (which turns lockdown on in most distributions’ kernels), or `lockdown=integrity`/`confidentiality` on the kernel command line.'
		}
	],
	next_steps: [
		'Nothing needs doing. To see the mode: `cat /sys/kernel/security/lockdown`; Secure Boot: `mokutil --sb-state`.'
	],
	references: ['https://man7.org/linux/man-pages/man7/kernel_lockdown.7.html']
};

/** `Lockdown: systemd: /dev/mem,kmem,port is restricted`: systemd refused the raw memory files at boot */
const systemdDevMem = (m: RegExpExecArray): boolean =>
	m[1] === 'systemd' && m[2] === '/dev/mem,kmem,port';

/**
 * arch/x86/kernel/ioport.c ksys_ioperm()/iopl: under lockdown raw I/O port access is refused
 * (LOCKDOWN_IOPORT) to a process that has CAP_SYS_RAWIO. The X server started as root asks for it
 * at every start (xf86EnableIO: iopl(3), for the legacy VGA ports) and goes on without it
 * (`xf86EnableIO: failed to enable I/O ports 0000-03ff (Operation not permitted)` in Xorg.0.log):
 * only drivers that program the VGA hardware or call the video BIOS themselves (vesa, int10) need
 * the ports. Real log: askubuntu-dmesg-journalctl-lastdayorso.log line 2327 (Ubuntu 20.04 with
 * Secure Boot and NVIDIA's driver, whose X server runs as root), which had been told that the
 * feature does not work and to turn Secure Boot off.
 */
const LOCKDOWN_XORG_IOPORT: Explanation = {
	meaning:
		'The kernel runs in lockdown mode (usually because UEFI Secure Boot is on), and in that mode no program may use the processor’s I/O ports directly. The X server, started as root, asks for them at every start for the old VGA registers and goes on without them: its log says `xf86EnableIO: failed to enable I/O ports 0000-03ff (Operation not permitted)`. The graphics drivers in use today (modesetting, amdgpu, intel, nouveau, NVIDIA’s) do not use them, so the desktop is not affected; only the old `vesa` driver and programs that call the video BIOS need them. The line comes once per start of X.',
	causes: [
		{
			kind: 'configuration',
			text: 'Secure Boot on (which turns lockdown on in most distributions’ kernels) and an X server that runs as root (as it does with NVIDIA’s driver, or without a kernel modesetting driver).'
		}
	],
	next_steps: [
		'Nothing needs doing when the desktop works.',
		'If X does not start, read its log (`/var/log/Xorg.0.log`, or `~/.local/share/xorg/Xorg.0.log`): with the `vesa` driver, install the GPU’s own driver (a kernel modesetting driver needs no ports); `cat /sys/kernel/security/lockdown` shows the lockdown mode.'
	],
	references: [
		'https://man7.org/linux/man-pages/man7/kernel_lockdown.7.html',
		'https://man7.org/linux/man-pages/man2/iopl.2.html'
	]
};

/** `Lockdown: Xorg: raw io port access is restricted`: the X server refused the I/O ports at its start */
const xorgIoPort = (m: RegExpExecArray): boolean =>
	(m[1] === 'Xorg' || m[1] === 'X') && m[2] === 'raw io port access';

/** security/lockdown: `Lockdown: Xorg: raw io port access is restricted; see man kernel_lockdown.7` */
export const lockdown: LineRule = {
	id: 'security.lockdown',
	category: 'security',
	severity: 'low',
	triggers: ['is restricted; see man kernel_lockdown'],
	pattern: /^Lockdown: ([^:]+): (.+?) is restricted; see man kernel_lockdown/,
	title: (m) =>
		m[2] === 'hibernation'
			? 'Hibernation not available under kernel lockdown'
			: systemdDevMem(m)
				? 'Kernel lockdown kept systemd from /dev/mem, /dev/kmem and /dev/port at boot'
				: xorgIoPort(m)
					? 'Kernel lockdown kept the X server from raw I/O ports at its start'
					: `Kernel lockdown blocked ${m[2]}`,
	details: (m) => ({ comm: m[1], what: m[2] }),
	// hibernation, systemd's /dev/mem at boot and the X server's I/O ports at its start: the
	// policy stated at every boot, not trouble (info)
	severityOf: (m) => (m[2] === 'hibernation' || systemdDevMem(m) || xorgIoPort(m) ? 'info' : 'low'),
	explanationOf: (m) =>
		m[2] === 'unsigned module loading'
			? LOCKDOWN_UNSIGNED_MODULE
			: m[2] === 'hibernation'
				? LOCKDOWN_HIBERNATION
				: systemdDevMem(m)
					? LOCKDOWN_DEV_MEM_SYSTEMD
					: xorgIoPort(m)
						? LOCKDOWN_XORG_IOPORT
						: undefined,
	examples: [
		'Lockdown: Xorg: raw io port access is restricted; see man kernel_lockdown.7',
		'Lockdown: flashrom: raw io port access is restricted; see man kernel_lockdown.7',
		'Lockdown: modprobe: unsigned module loading is restricted; see man kernel_lockdown.7',
		'Lockdown: systemd-logind: hibernation is restricted; see man kernel_lockdown.7',
		// askubuntu-dmesg-journalctl-lastdayorso.log: the kernel itself at boot
		'Lockdown: swapper/0: hibernation is restricted; see man kernel_lockdown.7',
		// askubuntu-dmesg-journalctl-lastdayorso.log line 978: systemd starting at boot
		'Lockdown: systemd: /dev/mem,kmem,port is restricted; see man kernel_lockdown.7'
	],
	negatives: ['Kernel is locked down from EFI Secure Boot mode; see man kernel_lockdown.7'],
	explanation: {
		meaning:
			'The kernel runs in lockdown mode (usually because of UEFI Secure Boot) and refused an operation that could modify the running kernel: e.g. hibernation, raw port I/O, unsigned modules. The feature named does not work while lockdown is on.',
		causes: [
			{
				kind: 'configuration',
				text: 'Secure Boot enabled, which turns on lockdown; the program needs a capability lockdown forbids.'
			}
		],
		next_steps: [
			'Check the mode: `cat /sys/kernel/security/lockdown`.',
			'Use an alternative (suspend instead of hibernate, signed modules) or, if acceptable, disable Secure Boot.'
		],
		references: ['https://man7.org/linux/man-pages/man7/kernel_lockdown.7.html']
	}
};

const AUDIT_LOST: Explanation = {
	meaning:
		'The kernel audit subsystem dropped records, so the audit trail (and the SELinux/AppArmor denials it carries) is incomplete. `backlog limit exceeded` and `hold queue overflow`: records came faster than the audit daemon took them and the queue overflowed (medium). `rate limit exceeded`: more records per second than the configured rate limit (`audit_rate_limit=` on the line before) allows were thrown away on purpose (low); Android’s logd sets a limit of 5 per second, so a burst of SELinux denials at boot shows this and is harmless there.',
	causes: [
		{
			kind: 'configuration',
			text: 'A backlog limit too small for the audit rules in use, or auditd not running; for `rate limit exceeded`, a rate limit set on purpose (auditctl -r, Android’s logd).'
		},
		{
			kind: 'userspace',
			text: 'A noisy audit rule or program generating huge numbers of events (on Android, a burst of SELinux denials).'
		}
	],
	next_steps: [
		'On Android, `rate limit exceeded` needs nothing: logd sets that limit, and the device has no auditctl.',
		'Check `auditctl -s` (lost, backlog, backlog_limit, rate_limit); for a backlog overflow raise the limit (`-b 8192` or `audit_backlog_limit=` on the kernel command line).',
		'Make sure auditd runs and trim overly broad rules (`auditctl -l`); for the rate limit, raise or remove it (`auditctl -r 0`) only if you need every record.'
	],
	references: ['https://man7.org/linux/man-pages/man8/auditctl.8.html']
};

/**
 * On an Android device there is no auditd and no auditctl: logd's `logd.auditd` thread reads the
 * audit records (SELinux denials, mostly, and iptables' NETFILTER_CFG records of netd's firewall
 * set up at boot) and copies them to logcat, with the kernel's default backlog of 64 records and
 * the rate limit logd sets (5 a second; fishlogs-dmesg-log.log's Samsung 3.18, `audit_rate_limit=20`
 * with `iptables` and `ip6tables` on the lines' task prefix, had been told they were denials). Real log:
 * cykeek-stuff-console-ramoops-0.log (an Oppo phone in recovery, MediaTek 4.14), whose permissive
 * denials (some 240) overflowed the backlog (`audit_backlog=70 > audit_backlog_limit=64`), and
 * which had been told to run auditctl and auditd.
 */
const AUDIT_LOST_ANDROID: Explanation = {
	meaning:
		'The kernel audit subsystem dropped records. On an Android device these are mostly SELinux denials, and the netfilter records (`NETFILTER_CFG`) the kernel writes each time a firewall table is loaded, many at once when netd sets up the firewall at boot (the task that hit the limit, on the lines’ prefix, is then `iptables`, `ip6tables` or `ip6tables-restore`); logd reads them (its `logd.auditd` thread) to copy them to logcat and the kernel log. A burst overflows the kernel’s default backlog of 64 records when logd does not read them fast enough or has not started yet, at boot or in recovery (`backlog limit exceeded`), or goes over the rate logd sets (`rate limit exceeded`; the `audit_rate_limit=` of the `audit_lost=` line before it: 5 a second on most devices, 20 on some). Only copies of these records are lost; nothing on the device depends on them.',
	causes: [
		{
			kind: 'userspace',
			text: 'A burst of SELinux denials (at boot, in recovery, on custom ROMs, GSIs or ported kernels) faster than logd reads them.'
		},
		{
			kind: 'userspace',
			text: 'netd loading the firewall’s iptables and ip6tables tables at boot: each table loaded writes a record.'
		},
		{
			kind: 'configuration',
			text: 'The kernel’s default audit backlog of 64 records: Android runs no auditd and does not raise it.'
		}
	],
	next_steps: [
		'Nothing needs doing: the device works the same.',
		'Only if you are debugging SELinux and need every denial: read logd’s copy (`adb logcat -b all -d | grep avc`), or build the boot image with `audit_backlog_limit=8192` on the kernel command line.'
	],
	references: ['https://source.android.com/docs/security/features/selinux/validate']
};

/** kernel/audit.c: lost audit records. */
export const auditLost: LineRule = {
	id: 'security.audit-lost',
	category: 'security',
	severity: 'medium',
	triggers: ['limit exceeded', 'hold queue overflow'],
	pattern: /^audit: (backlog limit exceeded|kauditd hold queue overflow|rate limit exceeded)/,
	title: (m) =>
		m[1].startsWith('rate')
			? 'Audit records dropped by the rate limit'
			: 'Audit backlog overflowed: records lost',
	severityOf: (m) => (m[1].startsWith('rate') ? 'low' : 'medium'),
	details: (m) => ({ event: m[1] }),
	examples: [
		'audit: backlog limit exceeded',
		'audit: kauditd hold queue overflow',
		'audit: rate limit exceeded'
	],
	negatives: [
		'audit: initializing netlink subsys (disabled)',
		// accompanies the lines above: one event, one count
		'audit: audit_lost=12 audit_rate_limit=0 audit_backlog_limit=64'
	],
	explanation: AUDIT_LOST,
	android: [[AUDIT_LOST, AUDIT_LOST_ANDROID]],
	// on a phone only logd's copies of SELinux denials are lost: nothing needs doing
	androidAtMost: 'low'
};

/**
 * include/uapi/linux/audit.h AUDIT_ARCH_*: the ELF machine (EM_*) with __AUDIT_ARCH_64BIT
 * (0x80000000) and __AUDIT_ARCH_LE (0x40000000), as audit prints it (`arch=c000003e`)
 */
const AUDIT_ARCHES: Record<string, string> = {
	c000003e: 'x86_64',
	'40000003': 'i386',
	c00000b7: 'aarch64',
	'40000028': 'arm',
	c00000f3: 'riscv64',
	c0000015: 'ppc64le',
	'80000015': 'ppc64',
	'80000016': 's390x',
	c0000102: 'loongarch64'
};

const SECCOMP_EXPLANATION: Explanation = {
	meaning:
		'A program’s seccomp filter (a sandbox listing allowed system calls) caught a forbidden system call: with sig≠0 the program was killed, with sig=0 the call was only logged.',
	causes: [
		{
			kind: 'userspace',
			text: 'The sandbox policy of the program (browser, systemd service with SystemCallFilter=, container runtime) misses a system call a new library version uses.'
		}
	],
	next_steps: [
		'Look up the syscall number for the arch (`ausyscall <arch> <number>`) and report it to the program or adjust the service’s SystemCallFilter=.'
	],
	references: ['https://docs.kernel.org/userspace-api/seccomp_filter.html']
};

/** kernel/seccomp.c audit: `audit: type=1326 audit(...): ... comm="x" exe="/usr/bin/x" sig=31 arch=c000003e syscall=57 ...` */
export const seccompKill: LineRule = {
	id: 'security.seccomp',
	category: 'security',
	severity: 'low',
	triggers: ['type=1326 '],
	pattern: /type=1326 audit\([\d.:]+\): .*? sig=(\d+) arch=([0-9a-f]+) syscall=(\d+)/,
	title: (m) => {
		const exe = auditString(m.input, 'exe');
		const who = exe
			? exe.slice(exe.lastIndexOf('/') + 1)
			: (auditString(m.input, 'comm') ?? 'a program');
		return `Seccomp ${m[1] === '0' ? 'logged' : 'killed'} ${who} (syscall ${m[3]})`;
	},
	details: (m) => ({
		comm: auditString(m.input, 'comm'),
		exe: auditString(m.input, 'exe'),
		signal: Number(m[1]),
		arch: m[2],
		// the name `ausyscall` takes (null for an architecture not listed)
		arch_name: AUDIT_ARCHES[m[2]] ?? null,
		syscall: Number(m[3])
	}),
	severityOf: (m) => (m[1] === '0' ? 'info' : 'low'),
	examples: [
		'audit: type=1326 audit(1600000000.123:77): auid=1000 uid=1000 gid=1000 ses=2 subj=unconfined pid=4242 comm="chrome" exe="/opt/google/chrome/chrome" sig=31 arch=c000003e syscall=57 compat=0 ip=0x7f0000 code=0x0'
	],
	negatives: ['audit: type=1327 audit(1600000000.123:78): proctitle="chrome"'],
	// the lookup command for the architecture and number of the first occurrence
	explanationOf: (m) => {
		const arch = AUDIT_ARCHES[m[2]];
		if (arch === undefined) return undefined;
		return {
			...SECCOMP_EXPLANATION,
			next_steps: [
				`Look up the system call: \`ausyscall ${arch} ${m[3]}\` names it (syscall ${m[3]} of ${arch}); report it to the program or adjust the service’s SystemCallFilter=.`
			]
		};
	},
	explanation: SECCOMP_EXPLANATION
};

/**
 * The boot-time W+X check (CONFIG_DEBUG_WX; arch/x86/mm/dump_pagetables.c, arch/arm64/mm/ptdump.c,
 * mm/ptdump.c, v6.12): `x86/mm: Found insecure W+X mapping at address c00a0000/0xc00a0000` inside
 * a WARN_ONCE, then `x86/mm: Checked W+X mappings: FAILED, 96 W+X pages found.` (arm64 adds `, N
 * non-UXN pages found`). The summary line may come alone (the WARN is printed once per boot).
 */
export const wxMappings: LineRule = {
	id: 'security.wx-mappings',
	category: 'security',
	severity: 'low',
	triggers: ['Found insecure W+X mapping', 'Checked W+X mappings: FAILED'],
	pattern:
		/^(?:(\w+)\/mm: )?(?:Found insecure W\+X mapping at address (\S+)|Checked W\+X mappings: FAILED, (\d+) W\+X pages found)/,
	title: () => 'Kernel memory both writable and executable (W+X)',
	details: (m) => ({
		arch: m[1] ?? null,
		address: m[2] ?? null,
		pages: m[3] === undefined ? null : Number(m[3])
	}),
	// the summary after the WARN that named the first mapping, with the same `x86/mm: ` prefix
	// (the key that lets it join across the WARN's lines): one finding, with the count
	follow: [
		{
			trigger: 'Checked W+X mappings: FAILED',
			pattern: /^(?<arch>\w+)\/mm: Checked W\+X mappings: FAILED, (\d+) W\+X pages found/,
			details: (m) => ({ pages: Number(m[2]) }),
			within: 200,
			claims: true,
			examples: ['x86/mm: Checked W+X mappings: FAILED, 96 W+X pages found.']
		}
	],
	examples: [
		// lkp-05.log (kernel test robot, QEMU, 4.8.0-rc1 i386)
		'x86/mm: Found insecure W+X mapping at address c00a0000/0xc00a0000',
		'x86/mm: Checked W+X mappings: FAILED, 96 W+X pages found.'
	],
	negatives: [
		'x86/mm: Checked W+X mappings: passed, no W+X pages found.',
		'Checked W+X mappings: passed, no W+X pages found'
	],
	explanation: {
		meaning:
			'At boot the kernel checked its own page tables and found memory that is both writable and executable (W+X). That is a hardening weakness, not a fault: code that could write there through some bug could also run what it wrote, which the kernel’s W^X protection is meant to rule out. The machine works normally. It usually comes from the firmware (EFI runtime regions, the legacy BIOS area below 1 MB that some boards and virtual machines map so) or from a driver or kernel code that maps memory so; the address names the region (the WARNING printed around it names the checker, note_page, not the culprit).',
		causes: [
			{
				kind: 'firmware',
				text: 'Firmware memory (EFI runtime services, the legacy BIOS area between 640 KB and 1 MB) that the kernel maps writable and executable on this machine.'
			},
			{
				kind: 'kernel',
				text: 'A kernel version or configuration that leaves a region W+X, usually fixed in a later release.'
			},
			{
				kind: 'driver',
				text: 'A driver or out-of-tree module that allocates executable memory and leaves it writable.'
			}
		],
		next_steps: [
			'Note the address and the number of W+X pages (the `Checked W+X mappings` line).',
			'Update the kernel and the BIOS/UEFI; if it stays on the distribution’s current kernel, report it to the distribution with these lines and the machine’s model.',
			'Nothing is needed for the machine to work; the check itself comes from `CONFIG_DEBUG_WX`.'
		],
		references: ['https://docs.kernel.org/security/self-protection.html']
	}
};
