/**
 * Anonymization of a finished report: personal and identifying values are replaced by numbered
 * placeholders (`<host-1>`, `<mac-2>`, `<ipv4-1>` ...), the same value always by the same
 * placeholder within one report, numbered in order of first appearance (report key order).
 *
 * The report is anonymized after the analysis, so findings, titles, ids and line numbers are those
 * of the original log. Host and user names are also learned from the whole input while it streams
 * (syslog/journal host fields, `Hostname set to <x>` and its kin, `_HOSTNAME=`, `(user@host)` of
 * a person's `Linux version` banner (not a publisher's: publisherBanner; its words are replaced
 * only where they stand as names, COMPOUND_NAME), `/home/<user>/`, `/Users/<user>/`,
 * `/run/media/<user>/`, logins, PAM's and sudo's users, NFS and SMB file servers, ChromeOS's
 * obfuscated user names, the machine's own module-signing key), and the Wi-Fi networks (SSIDs) the
 * machine joined, and replaced wherever they appear in the report, at word boundaries.
 *
 * Every regular expression runs in linear time (eslint-plugin-regexp).
 */
import type { AnalysisResult } from '../models/report.ts';

export interface AnonymizeOptions {
	/** also replace kernel pointers (ffff… addresses) and the `Kernel Offset:` (KASLR slide) */
	pointers?: boolean;
}

/** Kinds of replaced values, in the order input.anonymization.replaced lists them. */
export const ANON_KINDS = [
	'host',
	'user',
	'email',
	'mac',
	'ipv4',
	'ipv6',
	'uuid',
	'id',
	'serial',
	'wwn',
	'nqn',
	'iqn',
	'label',
	'ssid',
	'share',
	'domain',
	'org',
	'place',
	'ptr',
	'kaslr'
] as const;
export type AnonKind = (typeof ANON_KINDS)[number];

/** Generic names that identify nobody: never learned as host or user names. */
const GENERIC_NAMES = new Set([
	'localhost',
	'localhost.localdomain',
	'localdomain',
	'(none)',
	'none',
	'unknown',
	'kernel',
	'root',
	'linux',
	'user',
	'users',
	'home',
	'ubuntu',
	'debian',
	'fedora',
	'centos',
	'archlinux',
	'buildd',
	'mockbuild',
	'builder',
	'build',
	'abuild',
	'nixbld',
	'portage',
	'syzkaller',
	// continuous integration's build accounts (GitHub Actions' `runner`), and the default user of
	// a distribution for phones and boards (Ubuntu Touch's `phablet`, ChromeOS's `chronos`, Arch
	// Linux ARM's `alarm`, Sailfish OS's `nemo` and `defaultuser`): no person, and `alarm` is a
	// word of kernel text
	'jenkins',
	'runner',
	'gitlab-runner',
	'phablet',
	'chronos',
	'alarm',
	'nemo',
	'defaultuser',
	// postmarketOS's pmbootstrap builds kernels in a chroot as `pmos` (`pmos@<the person's host>`)
	'pmos',
	// default names of boards and distributions, vendor names: they name hardware, not a person,
	// and also occur in kernel text (module and driver names)
	'android',
	'raspberrypi',
	'orangepi',
	'odroid',
	'beaglebone',
	'clearfog',
	'bananapi',
	'nanopi',
	'pine64',
	'rock64',
	'tinkerboard',
	'kali',
	'archiso',
	// distributions' and appliances' default host names (`Hostname set to <pop-os>.`)
	'pop-os',
	'manjaro',
	'nixos',
	'dietpi',
	'openwrt',
	'libreelec',
	'steamdeck',
	'localhost-live',
	// Ubuntu Server's live installer, NVIDIA Jetson's L4T image and Ubuntu Touch: a kernel built on
	// one names it in its banner (`root@tegra-ubuntu`), and the log's host field
	'ubuntu-server',
	'tegra-ubuntu',
	'ubuntu-phablet',
	'endeavouros',
	'alpine',
	'gentoo',
	'lenovo',
	'dell',
	'asus',
	'acer',
	'intel',
	'amd',
	'nvidia',
	// common words a host may be called that kernel messages also use
	'server',
	'desktop',
	'laptop',
	'computer',
	'workstation',
	'test',
	'router',
	'gateway',
	'node',
	'host',
	'client',
	'system',
	'machine',
	'device',
	'live'
]);

/**
 * ChromeOS's syslog (/var/log/messages) writes the severity where syslog writes the host
 * (`2026-05-18T17:59:47.299366Z WARNING rsyslogd[477]: …`): in upper case, no host name. Learned,
 * they had replaced `warning`, `notice` and `info` in kernel text.
 */
const SYSLOG_SEVERITIES: ReadonlySet<string> = new Set([
	'EMERG',
	'ALERT',
	'CRIT',
	'ERR',
	'ERROR',
	'WARNING',
	'WARN',
	'NOTICE',
	'INFO',
	'DEBUG'
]);

/**
 * ChromeOS names a user's folders by the user's obfuscated name, 40 hex digits made from the
 * account (`/home/.shadow/<hash>`, `/home/user/<hash>`, `/home/root/<hash>`, `/home/chronos/u-<hash>`,
 * `/run/daemon-store/chaps/<hash>/`, a kiosk's `/var/lib/device_local_accounts/<hash>`): the same
 * user on every ChromeOS machine, learned as a user and replaced wherever the hash is written
 * (cryptohomed's `Started mounting for: <hash>`)
 */
const CROS_USER =
	/(\/home\/(?:user|root|\.shadow)\/|\/home\/chronos\/u-|\/daemon-store(?:-cache)?\/[\w.-]+\/|\/device_local_accounts\/)([\da-f]{40})(?![\da-f])/gi;
/** Whether `t` holds a folder CROS_USER looks in (a cheap test before it runs). */
function mayNameCrosUser(t: string): boolean {
	return (
		t.indexOf('/home/') !== -1 ||
		t.indexOf('/daemon-store') !== -1 ||
		t.indexOf('/device_local_accounts/') !== -1
	);
}

/** Whether the `n` characters before `offset` in `whole` match `before` (a pattern ending in `$`). */
function precededBy(before: RegExp, whole: string, offset: number, n: number): boolean {
	return before.test(whole.slice(Math.max(0, offset - n), offset));
}
/** a user's home (not a hidden folder: ChromeOS's `/home/.shadow/`, eCryptfs's `/home/.ecryptfs/`) */
const HOME_G = /\/(?:home|Users)\/([^/\s"'`:;,()<>[\]{}=]+)/g;
/**
 * udisks2 mounts removable media under `/run/media/<user>/` (`/media/<user>/` on Debian and
 * Ubuntu): `/run/media/marlow/2A98-4124`, `/media/marlow/VBox_GAs_6.0.0`. Not a path inside
 * another (`drivers/media/video/`), nor Android's `/media/0/` or the words of MEDIA_DIRS.
 */
const MEDIA_G = /(?<![\w.-])(?:\/run)?\/media\/([a-z_][\w.-]*)\//gi;
/**
 * the volume's folder under a user's (MEDIA_G) once the user is replaced: the volume's label
 * (`/media/<user-1>/Backup`) or, without one, its FAT serial (`/run/media/<user-1>/5E6F-0A1B`);
 * not the label of a public image (VirtualBox's Guest Additions CD, `VBox_GAs_6.0.0`: PUBLIC_MEDIA)
 */
const MEDIA_MOUNT = /(\/media\/<(?:user|host)-\d+>\/)([^/\s"'`:;,()<>[\]{}]+)/g;
const PUBLIC_MEDIA = /^VBox_GAs_[\d.]+$/i;
const MEDIA_DIRS = new Set([
	'video',
	'fuse',
	'usb',
	'usb0',
	'cdrom',
	'cdrom0',
	'floppy',
	'sdcard',
	'disk',
	'data',
	'removable',
	'external',
	'mmc'
]);
const USER_AT_HOST = /\(([\w.+-]+)@([\w.-]+)\)/;
// systemd's `Hostname set to <x>.` (older: `Set hostname to <x>.`); systemd-hostnamed's
// `Changed host name to 'x'` (`Changed static host name to 'x'`), NetworkManager's
// `set-hostname: set hostname to 'x' (from DHCP)`
const HOSTNAME_SET =
	/(?:Hostname set|Set hostname) to <([^<>\s]+)>|Changed (?:static |transient )?host ?name to '([^'\s]+)'|set hostname to '([^'\s]+)'/;
// NetworkManager's DHCP options, the name and domain the network gives the machine:
// `dhcp4 (wlp2s0): option host_name            => 'alice-laptop'`, `option domain_name => 'lan.example.net'`
const DHCP_NAME = /\boption (host_name|domain_name) *=> '([^'\s]+)'/;
// a journal entry's host: `journalctl -o export`'s `_HOSTNAME=x` and the JSON outputs'
// `"_HOSTNAME":"x"` (`json`) and `"_HOSTNAME" : "x",` (`json-pretty`), learned from the line
// itself too: an excerpt the journal's parser does not take (a `json-pretty` entry pasted
// without its `__CURSOR`) is read as plain text and had kept the host
const HOSTNAME_FIELD = /_HOSTNAME(?:=|" ?: ?")([^\s"]+)/;
// kernel parameters: ip=<client>:<server>:<gw>:<netmask>:<hostname>:… and hostname=<x>
const IP_PARAM = /\bip=[^\s:]*:[^\s:]*:[^\s:]*:[^\s:]*:([^\s:]+)/;
const HOSTNAME_PARAM = /\bhostname=([^\s:,]+)/;
// audit records of PAM and shadow-utils (USER_AUTH, USER_ACCT, CRED_REFR ...): `acct="alice"`, or
// hex-encoded when the name holds a space or a quote (`acct=616C696365`, left alone). Only a
// name-shaped value: PAM's `acct="(unknown)"` of a login as no known user had been learned, and
// every `(unknown)` of the log (`Manufacturer: (unknown)`) replaced
const ACCT = /\bacct="([a-z_][\w.-]*\$?)"/gi;
/**
 * Logins: PAM's `session opened for user root(uid=0) by marlow(uid=1000)` (an account of a
 * person has a uid from 1000 to 59999), systemd-logind's `New session 3 of user marlow.` and
 * systemd's `Started Session 3 of user marlow.` (`of User` since systemd 246), `Created slice
 * User Slice of marlow.`, sshd's
 * `Accepted publickey for marlow from 192.0.2.5 port 52144 ssh2` (not `invalid user`, a guess of
 * whoever knocked)
 */
const UID_USER = /(?<![\w.$-])([a-z_][\w.-]*\$?)\(uid=(\d+)\)/gi;
const LOGIN_USER =
	/\b(?:New|Started|Starting) session \S+ of user ([a-z_][\w.-]*\$?)\.|\bUser Slice of (?!UID )([a-z_][\w.-]*\$?)\.|\b(?:Accepted|Failed) \w+ for (?!invalid user )([a-z_][\w.-]*\$?) from /i;
/**
 * A Bluetooth device named after its owner (Apple's `Marlow's Magic Keyboard`), as hid-core names a
 * Bluetooth HID device (`hid-generic 0005:004C:0267.0006: input,hidraw3: BLUETOOTH HID v1.14
 * Keyboard [Marlow's Magic Keyboard] on 00:1a:7d:da:71:13`) and the input core the one BlueZ makes
 * through uhid (`input: Marlow's Magic Keyboard as /devices/virtual/misc/uhid/0005:…`), through
 * the kernel's HIDP (`input: Alice's Keyboard as /devices/…/bluetooth/hci0/hci0:256/…`) and
 * through uinput for a headset's media keys (`input: Alice’s AirPods Pro (AVRCP) as
 * /devices/virtual/input/input24`): the owner is a user. (The quotation mark is written `\u2019`:
 * the CLI's bundle stays ASCII, see scripts/cli.mjs.)
 */
const BT_OWNER =
	/(?:BLUETOOTH HID v[\d.]+ \w+ \[|\binput: )([A-Z][a-z]+(?:-[A-Z][a-z]+)?)['\u2019]s /;
/**
 * The machine's own key for signing modules (a Machine Owner Key), which Ubuntu's
 * update-secureboot-policy names after the machine and DKMS makes on each machine:
 * `integrity: Loaded X.509 cert 'alice-laptop Secure Boot Module Signature key: <40 hex>'`,
 * `Loaded X.509 cert 'DKMS module signing key: <40 hex>'`. The name is the machine's (a host),
 * the key's id (made on that machine) an `id`; a vendor's or distribution's key is kept.
 */
const MOK_HOST = /\bX\.509 cert '([\w.-]+) Secure Boot Module Signature key: /;
const MOK_HOST_G = /(\bX\.509 cert ')([\w.-]+)( Secure Boot Module Signature key: )/g;
const MOK_KEY =
	/(\b(?:Secure Boot Module Signature key|DKMS module signing key): )([\da-f]{40})\b/gi;
/**
 * accounts of system services that PAM's records name (a display manager's greeter, sshd's
 * privilege separation): no person, and words of the log too (`/usr/lib/gdm-session-worker`)
 */
const SERVICE_ACCOUNTS: ReadonlySet<string> = new Set([
	'nobody',
	'gdm',
	'gdm-greeter',
	'lightdm',
	'sddm',
	'sshd',
	// Debian's GDM and GNOME's first-login setup
	'debian-gdm',
	'gnome-initial-setup',
	// accounts every machine may have, that PAM's `user=` names (loghub-linux-2k.log's `guest`):
	// they name no one, and `guest` is a word of kernel text (`KVM guest`)
	'guest',
	'admin',
	'administrator',
	'www-data',
	'postgres',
	'mysql',
	'oracle',
	'ftp',
	'mail',
	'news'
]);
/**
 * PAM's records: pam_unix's `authentication failure; logname= uid=0 euid=0 tty= ruser= rhost=
 * user=alice` (older: `sshd(pam_unix)[…]: authentication failure; … user=alice`), pam_warn's
 * `user=[alice] ruser=[<unknown>]`: the user, also as `ruser=` and `logname=`
 */
const PAM_USER = /(?<![\w-])((?:r?user|logname)=\[?)([a-z_][\w.-]*\$?)(?=[\]\s;,]|$)/gim;
/** sudo's record of a command: `sudo[5977]:   alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ;` */
const SUDO_USER = /\bsudo(?:\[\d+\])?: +([a-z_][\w.-]*\$?) : (?:TTY|PWD)=/;
/** NetworkManager's `Config: added 'identity' value 'alice'` (also `anonymous_identity`) of 802.1X */
const IDENTITY_NM = /('(?:anonymous_)?identity' value ')([^'\r\n]+)'/g;
/**
 * The subject of a certificate, as wpa_supplicant writes the chain of an 802.1X network's
 * authentication server: `CTRL-EVENT-EAP-PEER-CERT depth=0 subject='/C=US/O=Acme Corp/CN=radius.acme.example'`,
 * `CTRL-EVENT-EAP-TLS-CERT-ERROR … subject='…'`, OpenSSL's `tls_verify_cb … buf='/C=…'`; also
 * in the `CN=…, O=…` style. The organisation (`O=`, `OU=`) is an `org`, a common name a host when
 * it is a dotted name (the same as EAP-PEER-ALT's `DNS:`), a `user` when a person's own certificate
 * (below) names its owner (PERSON_NAME: `CN=Alice Example`), else an `org` too (`CN=Acme Root CA`).
 * A value the log names elsewhere keeps that name's placeholder (`CN=alice` of a user who logged in
 * is that `user`), and an e-mail address is left to the e-mail addresses' pass (`CN=alice@example.org`
 * is the `email` of its `emailAddress=`). The state and locality (`ST=`, `L=`) of an organisation's certificate (one with `O=`: a CA's, a
 * vendor's, the network's) are its address and kept; those of a certificate without `O=`, a
 * person's own (`/C=DE/ST=Bavaria/L=Springfield/CN=Alice Example`), are where the person lives: a
 * `place`.
 */
const CERT_SUBJECT = /(\b(?:subject|issuer|buf)=')([^'=\r\n]*=[^'\r\n]*)'/g;
const DN_SLASH = /(?<=^|\/)(O|OU|CN|ST|L)=([^/]+)/g;
const DN_COMMA = /(?<=^|,)( ?)(O|OU|CN|ST|L) ?= ?([^,]+)/g;
type DnKey = 'O' | 'OU' | 'CN' | 'ST' | 'L';
/** whether a subject names an organisation (DN_SLASH's and DN_COMMA's `O=`) */
const DN_HAS_O = /(?:^|[/,]) ?O ?=/;
/**
 * a person's name as the common name of a certificate without `O=`: two to four capitalised words
 * (`Alice Example`, `Jean-Luc O'Brien`), none a word of a CA's, a server's or a company's name
 */
const PERSON_NAME =
	/^\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*(?: (?:(?:van|von|de|der|den|da|di|du|del|le|la|ten|ter) )*\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*){1,3}$/u;
const NOT_PERSON_WORD =
	/\b(?:root|server|certificate|certification|authority|network|wireless|radius|intermediate|issuing|trust|secure|services?|global|class|signing|device|client|wifi|wlan|eduroam|university|college|school|company|corporation|limited|inc|ltd|llc|gmbh|test|default|lab|home)\b/i;
/** a whole value that is an e-mail address (EMAIL) */
const EMAIL_ONLY = /^[\w.+-]+@[a-z\d-]+(?:\.[a-z\d-]+)+$/i;
/** the last labels of names with `@` that are no e-mail addresses: systemd's units, Android's APEXes */
const NOT_EMAIL_TLDS: ReadonlySet<string> = new Set([
	'service',
	'socket',
	'target',
	'mount',
	'automount',
	'timer',
	'path',
	'slice',
	'scope',
	'device',
	'swap',
	'apex'
]);
/**
 * file system labels that installers and images give every machine (RHEL's `LABEL=/`, Ubuntu's
 * `writable` and `cloudimg-rootfs`, DigitalOcean's `DOROOT`, Raspberry Pi OS's `rootfs`):
 * compared in lower case
 */
const DEFAULT_LABELS: ReadonlySet<string> = new Set([
	'/',
	'/boot',
	'/home',
	'writable',
	'system-boot',
	'cloudimg-rootfs',
	'uefi',
	'doroot',
	'rootfs',
	'root',
	'boot',
	'bootfs',
	'efi',
	'esp',
	'system',
	'home',
	'swap',
	'cidata',
	'config-2'
]);
/**
 * what precedes the `(user@host)` of a `Linux version` banner (the report's `kernel_build` starts
 * with it)
 */
const BANNER_BEFORE = /(?:^|Linux version \S+ )\($/;
const DOTTED_HOST = /^[a-z\d][\w-]*(?:\.[a-z\d][\w-]*)+$/i;
/**
 * LVM volume groups, which installers name after the machine: Debian's `<host>-vg` (`<host>`
 * before Debian 9), Fedora's, RHEL's and their relatives' `<distribution>_<host>` (CentOS 8: `cl_`). Device-mapper names join the
 * group and the volume with `-` and double a `-` inside a name (`/dev/mapper/tarnwick--vg-root`);
 * the kernel command line names them `rd.lvm.lv=fedora_tarnwick/root`.
 */
const DM_LVM = /\/dev\/mapper\/((?:[\w.+]|--)+)-\w/g;
const RD_LVM = /\brd(?:\.lvm\.(?:lv|vg)|_LVM_(?:LV|VG))=([\w.+-]+)/g;
const VG_DISTRO = /^(?:fedora|centos|rhel|almalinux|rl|ol|cs|cl)_/;
/**
 * volume groups named for no machine (installer defaults, LUKS and zram devices); distribution
 * names (`fedora`, `ubuntu` of `ubuntu-vg`) are GENERIC_NAMES, which addHost leaves out, and
 * names starting with `vg` are left out by addVolumeGroup
 */
const GENERIC_VGS = new Set([
	'lvm',
	'data',
	'pve',
	'luks',
	'crypt',
	'cryptroot',
	'zram',
	'rhel',
	'almalinux',
	'rl',
	'cs',
	'ol',
	'mint',
	'docker',
	'thin',
	'storage',
	// ChromeOS's cryptohome: `dmcrypt-<id>-cache`, `dmcrypt-<id>-arcvm`
	'dmcrypt'
]);

/**
 * First labels of a host name that name a service, not a machine (`www.example.org`): learned
 * alone, they would be replaced in every URL a quoted line holds.
 */
const SERVICE_LABELS = new Set([
	'www',
	'mail',
	'smtp',
	'imap',
	'pop',
	'mx',
	'ns',
	'ns1',
	'ns2',
	'ftp',
	'vpn',
	'web',
	'api',
	'git',
	'proxy',
	'cache',
	'db'
]);

/** Arch Linux builds each kernel package as its package name: `(linux-zen@archlinux)` */
const ARCH_PACKAGE_USER = /^linux(?:-[a-z\d]+)+$/;

/**
 * Accounts of build farms and distributions' kernel teams in the `Linux version` banner (Ubuntu's
 * Launchpad `buildd@lcy02-amd64-012`, Fedora's and RHEL's `mockbuild@…` and `bhcompile@…`,
 * CentOS's `builder@kbuilder.dev.centos.org`, Debian's `debian-kernel@lists.debian.org`,
 * ChromeOS's `cros-kernel@chromium.org`, CI's `jenkins@<container>` and `runner@<vm>`): the
 * banner names who published the kernel, in every copy of it, and no person.
 */
const BUILD_ACCOUNTS: ReadonlySet<string> = new Set([
	'buildd',
	'mockbuild',
	'kojibuilder',
	'bhcompile',
	'builder',
	'abuild',
	'nixbld',
	'portage',
	'jenkins',
	'runner',
	'gitlab-runner',
	'android-build',
	'debian-kernel',
	'cros-kernel'
]);

/**
 * Whether a banner's `(user@host)` is a distribution's or a build farm's: a build account
 * (BUILD_ACCOUNTS, Arch Linux's package users), or a host in a public domain (`team@grml.org`,
 * `devel@kali.org`, `jenkins@warp.pop-os.org`: the publisher's own domain). A host in a private
 * domain (`alice-pc.lan`, `build.corp.example.com`) or without a domain is a person's machine.
 */
export function publisherBanner(user: string, host: string): boolean {
	const u = user.toLowerCase();
	if (BUILD_ACCOUNTS.has(u) || u === 'linux' || ARCH_PACKAGE_USER.test(u)) return true;
	const labels = host.toLowerCase().split('.');
	if (labels.length < 2 || labels.some((l) => l === '')) return false;
	return TLDS.has(labels[labels.length - 1]) && privateDomain(labels) === null;
}

/**
 * A name learned from a person's banner alone is often a word (a host `ibm`, a user `team`): it
 * is replaced where it stands as that name, not as a word of kernel text (`thinkpad_acpi: IBM`,
 * a module `team`), unless it is a name no word is (with `-`, `.` or `_`: `alice-laptop`).
 */
const COMPOUND_NAME = /[-._]/;
/**
 * the top folders of a kernel tree: a path's folders from there on are the kernel's
 * (`drivers/net/team/`), those before it may be the builder's (`/data/alice/linux/drivers/…`)
 */
const KERNEL_TREE_DIRS: ReadonlySet<string> = new Set([
	'arch',
	'block',
	'certs',
	'crypto',
	'drivers',
	'fs',
	'include',
	'init',
	'io_uring',
	'ipc',
	'kernel',
	'lib',
	'mm',
	'net',
	'rust',
	'samples',
	'scripts',
	'security',
	'sound',
	'tools',
	'usr',
	'virt',
	'sys',
	'dev',
	'proc'
]);
/** an absolute path (a folder name at least) */
const ABS_PATH = /(?<![\w.~-])\/[\w.+-]+(?:\/[\w.+-]*)+/g;
/**
 * a kernel release with a local version (`5.4.0-alice`, `6.1.0-rc3+team`, `4.19.113~alice+`):
 * whoever builds a kernel names it, often after themselves, as the banner's user
 */
const RELEASE_LOCAL = /(?<![\w.])\d+\.\d[\w.]*[-+~][\w.+~-]*/g;

/**
 * RHEL 6's and Fedora 12-16's installer named the volume group `vg_<host>` and its volumes
 * `lv_root`, `lv_swap`, `lv_home`: `/dev/mapper/vg_tarnwick-lv_root`, dracut's
 * `rd_LVM_LV=vg_tarnwick/lv_root`. Only with those volumes: `vg_data` or `vg_ssd` are names an
 * administrator chose.
 */
const VG_HOST =
	/\bvg_((?:[A-Za-z\d.]|--)+)-lv_(?:root|swap|home)\b|\bvg_([A-Za-z\d.-]+)\/lv_(?:root|swap|home)\b/g;
/** the LVM volume groups of RHEL 5's and 6's installers when no host name was set */
const DEFAULT_VG = /^(?:volgroup\d*|vg_localhost|vg_livecd)$/i;
/**
 * File servers the machine mounts from, named as the mount names them. net/sunrpc/clnt.c prints
 * `<program>: server <name> not responding, still trying|timed out` and `... <name> OK`
 * (`nfs:`, `lockd:`, `rpcbind:`); fs/nfs `NFS: state manager: check lease failed on NFSv4 server
 * <name> with error 10008`, `NFS: v4 server <name> does not accept raw uid/gids`, `NFS: Server
 * <name> reports our clientid is in use`, `NFS: server <name> error: fileid changed`.
 */
const RPC_SERVER = /\b[a-z]+: server (\S+) (?:not responding|OK\b)/;
const NFS_SERVER =
	/\bNFSv4 server (\S+) with error|\bNFS: v4 server (\S+) does not|\bNFS: [Ss]erver (\S+) (?:reports|error:)/;
/**
 * an NFS mount source, `<server>:/<export>` (`nfsroot=fileserver:/srv/root`, mount.nfs's
 * `mounting fileserver:/export failed`); a name starting with a letter (addresses have their pass)
 */
const NFS_SOURCE = /(?<![\w.:/-])([a-z][\w-]*(?:\.[\w-]+)*):\/(?!\/)/gi;
/**
 * fs/smb/client (fs/cifs): `CIFS: VFS: \\fileserver has not responded in 180 seconds`, `CIFS: VFS:
 * \\fileserver Send error in SessSetup = -13`, `CIFS: VFS: \\fileserver\share BAD_NETWORK_NAME:
 * \\fileserver\share`, 4.x's `CIFS VFS: Server fileserver has not responded`, and the share as
 * mount.cifs and newer kernels write it: `CIFS: Attempting to mount //fileserver/share`.
 */
const SMB_UNC = /\\\\([a-z\d][\w.-]*)(?![\w.-])/gi;
const SMB_URL = /(?<![\w:/])\/\/([a-z\d][\w.-]*)\/(?!\/)/gi;
const SMB_SERVER = /\bServer (\S+) has not responded/;
/**
 * Wi-Fi network names (SSIDs, at most 32 bytes) as programs and drivers quote them:
 * wpa_supplicant's `Trying to associate with c8:0e:14:ed:b1:07 (SSID='Longfields' freq=5260 MHz)`,
 * `associate with SSID 'home_net'`, `CTRL-EVENT-SSID-TEMP-DISABLED id=0 ssid="Longfields"`;
 * Android's bcmdhd `Connecting with ec:f0:**:**:2c:77 ssid "WIND_2.4G", len (9)`; NetworkManager's
 * `Config: added 'ssid' value 'Longfields'`, `(wifi) access point 'Longfields' has security`,
 * `Connected to wireless network "Longfields"`; iwd's `Connected to network Longfields`. A name
 * may hold spaces and an apostrophe (a phone's hotspot, `SSID='Alice's iPhone'`, iwd's `Connected
 * to network Alice's iPhone` to the end of the line): they had cut it at the apostrophe, or (iwd)
 * not learned it at all, and left the owner's name.
 */
const SSID_QUOTED = /(?<!['"\w])(ssid[=:]? ?)(["'])((?:[^"'\r\n]|\b'\b){1,32})\2/gi;
const SSID_NM =
	/('ssid' value |access point |wireless network )(["'])((?:[^"'\r\n]|\b'\b){1,32})\2/g;
const SSID_IWD = /(Connected to network )(\S[^\r\n]{0,31})$/gm;
/**
 * NetworkManager's connection on a wireless device, which it names after the network it joins
 * (`device (wlp2s0): Activation: starting connection 'Alice Home 5G' (<uuid>)`, `policy: set
 * 'Alice Home 5G' (wlp2s0) as default for IPv4 routing and DNS`): learned as a Wi-Fi network;
 * a wired device's (`'Wired connection 1'`, `'docker0'`) is not
 */
const NM_WIFI_CONNECTION =
	/\bdevice \(wl[\w.-]*\): Activation: (?:\(wifi\) )?(?:starting )?connection '([^'\r\n]{1,64})'|\bpolicy: set '([^'\r\n]{1,64})' \(wl[\w.-]*\) as default/;

/**
 * NFS exports and SMB shares (the share and the folders under it) name their owners as often as
 * not: a user (`fileserver:/export/home/alice`), a team or a company (`//nas/acme-finance`,
 * `\\filer\projects\merger`). They are found where they are written: `<server>:/<path>` in a line
 * that names NFS (`nfsroot=`, mount.nfs's `mounting fileserver:/export failed`), `\\<server>\<share>`
 * and `//<server>/<share>` (also `smb://`) in a line that names CIFS or SMB. Each folder is a
 * `share` unless it is a word every server uses (SHARE_DIRS), a number or shorter than three
 * characters; a folder after `home`, `homes` or `Users` is a user (replaceSharePath).
 */
const NFS_EXPORT =
	/(?<![\w.:/-])([a-z\d][\w-]*(?:\.[\w-]+)*|\[[\da-f:.]+\]):(\/(?!\/)[^\s,;"'`()<>[\]{}|]*)/gi;
const SMB_UNC_PATH = /\\\\([a-z\d][\w.-]*)((?:\\[^\s\\/,;"'`()<>[\]{}|]+)*)/gi;
const SMB_URL_PATH =
	/(?:(?<=\bsmb:)|(?<![\w:/]))\/\/([a-z\d][\w.-]*)((?:\/[^\s/\\,;"'`()<>[\]{}|]+)*)/gi;
/** folders of exports and shares that name no one (compared in lower case) */
const SHARE_DIRS = new Set([
	'export',
	'exports',
	'home',
	'homes',
	'users',
	'user',
	'srv',
	'nfs',
	'nfs4',
	'nfsroot',
	'nfsshare',
	'share',
	'shares',
	'shared',
	'public',
	'pub',
	'data',
	'mnt',
	'media',
	'var',
	'tmp',
	'temp',
	'opt',
	'usr',
	'local',
	'root',
	'rootfs',
	'boot',
	'tftpboot',
	'pxe',
	'diskless',
	'storage',
	'backup',
	'backups',
	'archive',
	'pool',
	'tank',
	'files',
	'docs',
	'documents',
	'downloads',
	'music',
	'video',
	'videos',
	'movies',
	'photos',
	'pictures',
	'images',
	'iso',
	'isos',
	'install',
	'software',
	'scratch',
	'work',
	'projects',
	'common',
	'web',
	'www',
	'netlogon',
	'sysvol',
	'print$',
	'ipc$',
	'admin$',
	'nas',
	'raid',
	'hdd',
	'ssd',
	'usb'
]);
/** numbered volumes and disks of a NAS (`/volume1`, `/disk2`), Windows's `C$` */
const SHARE_DIR_NUMBERED = /^(?:vol(?:ume)?|disk|hd|md|pool|share|data)\d*$|^[a-z]\$$/i;
/** folders whose next folder is a user's */
const HOME_DIRS = new Set(['home', 'homes', 'users']);

/**
 * A Windows user's profile folder, as WSL, virtualization and cross-platform programs quote it:
 * `C:\Users\alice\AppData\…` (also written with `\\`), `C:\Documents and Settings\alice\`; a name
 * with a space (`C:\Users\Alice Smith\Desktop`) when a `\` follows it. `C:/Users/alice` and WSL's
 * `/mnt/c/Users/alice` are HOME_PATH's. Not the profiles every Windows has (WINDOWS_PROFILES).
 */
const WIN_PROFILE =
	/(\b[a-z]:\\+(?:Users|Documents and Settings)\\+)([^\\/\r\n"'`:;,()<>[\]{}=*?|]+(?=\\)|[^\\/\s"'`:;,()<>[\]{}=*?|]+)/gi;
const WINDOWS_PROFILES = new Set([
	'public',
	'default',
	'default user',
	'all users',
	'defaultuser0',
	'defaultapppool',
	'wdagutilityaccount',
	'administrator'
]);

/**
 * A MAC that a driver printed half masked: Android's bcmdhd (`MACDBG`) keeps the first two and the
 * last two bytes (`Connecting withec:f0:**:**:2c:77 ssid …`, `MAC=dc:72:**:**:1d:5d`), other
 * drivers the last ones (`xx:xx:xx:xx:ab:cd`, `**:**:**:**:ab:cd`). The bytes left still name the
 * device: the placeholder of the one full MAC of the log with those bytes (Anonymizer.maskedMac),
 * else a `mac` of its own (the same masked value, the same placeholder); one masked whole
 * (`xx:xx:xx:xx:xx:xx`) is kept. No guard before it: bcmdhd glues it to the word before.
 */
const MAC_MASKED = /(?:[\da-f]{2}|\*\*|xx)(?::(?:[\da-f]{2}|\*\*|xx)){5}(?![\da-f:*x])/gi;

/**
 * systemd-hostnamed's `Changed pretty hostname to 'Alice's Laptop'` (older: `pretty host name`),
 * to the last quote of the line: a pretty name holds spaces and apostrophes, and often its owner's
 * name (`<Name>'s …`, PRETTY_OWNER), learned as a user.
 */
const PRETTY_HOSTNAME = /(Changed pretty host ?name to ')([^\r\n]+)'/g;
const PRETTY_OWNER = /^([A-Z][a-z]+(?:-[A-Z][a-z]+)?)['\u2019]s /;
/**
 * Remote machines named where they connect: PAM's `authentication failure; … rhost=<host>` (sshd,
 * login), wpa_supplicant's `CTRL-EVENT-EAP-PEER-ALT depth=0 DNS:<host>` (the name in the
 * certificate of the network's authentication server, which names the organisation). Addresses
 * are left to their passes (the callback asks for a letter, and `:` ends no name).
 */
const REMOTE_HOST = /(\brhost=|EAP-PEER-ALT depth=\d+ DNS:)([\w.-]+)(?![\w.:-])/g;
/** avahi-daemon's `Host name is alice-laptop.local.` and `Host name conflict, retrying with <x>` */
const AVAHI_HOST =
	/\bHost name is ([\w-]+(?:\.[\w-]+)*)\.? |\bHost name conflict, retrying with ([\w-]+)/;

/**
 * Domains of private networks. A name that ends in one (`alice-laptop.local`, `nas.lan`,
 * `ip-10-0-0-5.ec2.internal`, `nas.smith.home.arpa`) is a machine of that network; the suffix
 * alone is kept, a longer domain (`smith.home.arpa`) is a `domain`.
 */
const PRIVATE_SUFFIXES = [
	'local',
	'lan',
	'internal',
	'intranet',
	'localdomain',
	'corp',
	'home.arpa',
	'fritz.box',
	'ec2.internal',
	'compute.internal'
];
/**
 * Labels that mark a company's internal zone inside a public domain (`alice-pc.corp.example.com`,
 * `dc1.ad.example.com`, `ntp.int.example.co.uk`): from that label to the end, a `domain`.
 */
const PRIVATE_LABELS = new Set([
	'corp',
	'internal',
	'intranet',
	'intra',
	'int',
	'ad',
	'lan',
	'local'
]);
/**
 * Top-level domains the end of such a name must have: a closed list, so that identifiers with the
 * same words (containerd's `io.containerd.internal.v1.opt`, Android's `com.android.internal.os`,
 * `ro.cdma.home.operator.numeric`) are not taken for domains; names starting with one are reversed
 * domains (Java and Android package names).
 */
const TLDS = new Set(
	(
		'com net org edu gov mil int io co biz info dev app cloud tech eu us uk de fr nl be ch at it ' +
		'es se no dk fi pl cz ru cn jp kr in au nz ca br mx za ie pt il tw hk sg'
	).split(' ')
);
// not a file's name in a path (SUSE's `/etc/init.d/boot.local`), but a URL's host
const DOTTED_NAME =
	/(?<![\w.-])(?<![^/]\/)(?<!^\/)[a-z\d][\w-]*(?:\.[a-z\d][\w-]*)+(?![\w-]|\.[a-z\d])/gi;
const HAS_PRIVATE_LABEL =
	/\.(?:corp|internal|intranet|intra|int|ad|lan|local|localdomain|home\.arpa|fritz\.box)\b/i;
/** public domains a machine's name may end in that name no one (never learned as a domain) */
const PUBLIC_DOMAINS = new Set([
	'kernel.org',
	'debian.org',
	'ubuntu.com',
	'canonical.com',
	'fedoraproject.org',
	'redhat.com',
	'archlinux.org',
	'opensuse.org',
	'suse.de',
	'suse.com',
	'github.com',
	'googlesource.com',
	'freedesktop.org',
	'amazonaws.com'
]);
/** first labels of names that identify a service of the domain, kept before a private domain */
const SERVICE_HOSTS = new Set([
	'ntp',
	'time',
	'dns',
	'ldap',
	'kdc',
	'dc',
	'wiki',
	'intranet',
	'portal',
	'login',
	'auth',
	'sso',
	'repo',
	'mirror',
	'updates',
	'logs',
	'syslog'
]);

/**
 * The private domain of a dotted name, and where it starts (the index of its first label), or
 * null: a name ending in PRIVATE_SUFFIXES (the domain is the labels between the machine and the
 * suffix, and the suffix; null when there are none), or with a PRIVATE_LABELS label followed
 * by labels ending in TLDS.
 */
function privateDomain(labels: string[]): { at: number; domain: string | null } | null {
	const lower = labels.map((l) => l.toLowerCase());
	const n = lower.length;
	if (n < 2 || TLDS.has(lower[0]) || lower[0] === 'android' || lower[0] === 'androidx') return null;
	for (const suffix of PRIVATE_SUFFIXES) {
		const k = suffix.split('.').length;
		if (n > k && lower.slice(n - k).join('.') === suffix) {
			// the longest suffix that matches (ec2.internal before internal)
			const longer = PRIVATE_SUFFIXES.find(
				(x) =>
					x !== suffix &&
					x.endsWith('.' + suffix) &&
					n > x.split('.').length &&
					lower.slice(n - x.split('.').length).join('.') === x
			);
			const kk = longer ? longer.split('.').length : k;
			return { at: 1, domain: n - kk > 1 ? labels.slice(1).join('.') : null };
		}
	}
	if (!TLDS.has(lower[n - 1])) return null;
	for (let i = 1; i < n - 1; i++)
		if (PRIVATE_LABELS.has(lower[i])) return { at: i, domain: labels.slice(i).join('.') };
	return null;
}

/**
 * Learns host and user names while the input streams. Only used when anonymization is asked for;
 * a few substring tests per line, no allocation for lines without a candidate.
 */
export class NameCollector {
	readonly hosts = new Set<string>();
	readonly users = new Set<string>();
	/** Wi-Fi network names */
	readonly ssids = new Set<string>();
	/** private domains of the machines named (addMachine) */
	readonly domains = new Set<string>();
	/** full MACs of the log (lower case, `:`), which half-masked ones may be linked to */
	readonly macs = new Set<string>();
	/**
	 * users named as a person's account (lower case: a banner's user, a login, PAM, sudo, a
	 * device's owner), not only as a folder's name (`/home/<x>/`): a name also learned as a host
	 * is then a `user` (LearnedNames.accounts)
	 */
	readonly accounts = new Set<string>();
	/** names learned from the banner, and (lower case) from anywhere else */
	private readonly banner = new Set<string>();
	private readonly named = new Set<string>();
	private lastHost = '';

	/** the host field of a syslog/journal line */
	host(h: string): void {
		if (h === this.lastHost) return;
		this.lastHost = h;
		if (!SYSLOG_SEVERITIES.has(h)) this.addMachine(h);
	}

	/** a raw input line */
	line(raw: string): void {
		if (raw.indexOf('/home/') !== -1 || raw.indexOf('/Users/') !== -1) {
			for (const m of raw.matchAll(HOME_G)) if (m[1][0] !== '.') this.addFolderUser(m[1]);
		}
		if (mayNameCrosUser(raw)) {
			for (const m of raw.matchAll(CROS_USER)) this.addFolderUser(m[2].toLowerCase());
		}
		if (raw.indexOf(':\\') !== -1) {
			for (const m of raw.matchAll(WIN_PROFILE)) this.addWindowsUser(m[2]);
		}
		if (raw.indexOf('/media/') !== -1) {
			for (const m of raw.matchAll(MEDIA_G))
				if (!MEDIA_DIRS.has(m[1].toLowerCase())) this.addFolderUser(m[1]);
		}
		if (
			raw.indexOf('ostname set to <') !== -1 ||
			raw.indexOf('Set hostname to <') !== -1 ||
			raw.indexOf("name to '") !== -1
		) {
			const m = HOSTNAME_SET.exec(raw);
			if (m) this.addMachine(m[1] ?? m[2] ?? m[3]);
		}
		if (raw.indexOf("=> '") !== -1) {
			const m = DHCP_NAME.exec(raw);
			if (m) {
				if (m[1] === 'host_name') this.addMachine(m[2]);
				// the network's domain, as that of a machine named in it
				else this.addDomain(['host', ...m[2].split('.')]);
			}
		}
		if (raw.indexOf('retty host') !== -1) {
			for (const m of raw.matchAll(PRETTY_HOSTNAME)) {
				this.addHost(m[2]);
				const owner = PRETTY_OWNER.exec(m[2]);
				if (owner) this.addUser(owner[1]);
			}
		}
		if (raw.indexOf('Host name ') !== -1) {
			const m = AVAHI_HOST.exec(raw);
			if (m) this.addMachine(m[1] ?? m[2]);
		}
		if (raw.indexOf('_HOSTNAME') !== -1) {
			const m = HOSTNAME_FIELD.exec(raw);
			if (m) this.addMachine(m[1]);
		}
		if (raw.indexOf('ip=') !== -1) {
			const m = IP_PARAM.exec(raw);
			if (m) this.addMachine(m[1]);
		}
		if (raw.indexOf('hostname=') !== -1) {
			const m = HOSTNAME_PARAM.exec(raw);
			if (m) this.addMachine(m[1]);
		}
		if (raw.indexOf('/dev/mapper/') !== -1) {
			for (const m of raw.matchAll(DM_LVM)) this.addVolumeGroup(m[1].replaceAll('--', '-'));
		}
		if (raw.indexOf('rd.lvm.') !== -1 || raw.indexOf('rd_LVM_') !== -1) {
			for (const m of raw.matchAll(RD_LVM)) this.addVolumeGroup(m[1].split('/')[0]);
		}
		if (raw.indexOf('vg_') !== -1) {
			for (const m of raw.matchAll(VG_HOST)) this.addVolumeGroup(m[1] ?? m[2], true);
		}
		if (raw.indexOf('erver ') !== -1) this.servers(raw);
		if (raw.indexOf(':/') !== -1 && (raw.indexOf('nfs') !== -1 || raw.indexOf('NFS') !== -1)) {
			for (const m of raw.matchAll(NFS_SOURCE)) this.addMachine(m[1]);
		}
		if (raw.indexOf('\\\\') !== -1 || raw.indexOf('//') !== -1) this.shares(raw);
		if (raw.indexOf('ssid') !== -1 || raw.indexOf('SSID') !== -1) this.networks(raw, SSID_QUOTED);
		if (
			raw.indexOf("'ssid' value ") !== -1 ||
			raw.indexOf('access point ') !== -1 ||
			raw.indexOf('wireless network ') !== -1
		)
			this.networks(raw, SSID_NM);
		if (raw.indexOf('Connected to network ') !== -1) this.networks(raw.trimEnd(), SSID_IWD);
		if (raw.indexOf("connection '") !== -1 || raw.indexOf("policy: set '") !== -1) {
			const m = NM_WIFI_CONNECTION.exec(raw);
			if (m) this.addSsid(m[1] ?? m[2]);
		}
		if (
			raw.indexOf('user=') !== -1 &&
			(raw.indexOf('pam') !== -1 || raw.indexOf('authentication failure') !== -1)
		) {
			for (const m of raw.matchAll(PAM_USER)) this.addLogin(m[2]);
		}
		if (raw.indexOf(' : TTY=') !== -1 || raw.indexOf(' : PWD=') !== -1) {
			const m = SUDO_USER.exec(raw);
			if (m) this.addLogin(m[1]);
		}
		if (raw.indexOf("identity' value '") !== -1) {
			for (const m of raw.matchAll(IDENTITY_NM))
				if (/^[a-z_][\w.-]*$/i.test(m[2])) this.addLogin(m[2]);
		}
		if (raw.indexOf('acct="') !== -1) {
			for (const m of raw.matchAll(ACCT)) this.addLogin(m[1]);
		}
		if (raw.indexOf('(uid=') !== -1) {
			for (const m of raw.matchAll(UID_USER)) {
				const uid = Number(m[2]);
				// people's uids; 60000 and above are systemd's dynamic users and nobody
				if (uid >= 1000 && uid < 60000) this.addLogin(m[1]);
			}
		}
		if (
			raw.indexOf(' of user ') !== -1 ||
			raw.indexOf(' of User ') !== -1 ||
			raw.indexOf('User Slice of ') !== -1 ||
			((raw.indexOf('Accepted ') !== -1 || raw.indexOf('Failed ') !== -1) &&
				raw.indexOf(' for ') !== -1)
		) {
			const m = LOGIN_USER.exec(raw);
			if (m) this.addLogin(m[1] ?? m[2] ?? m[3]);
		}
		if (raw.indexOf("'s ") !== -1 || raw.indexOf('’s ') !== -1) {
			if (
				raw.indexOf('BLUETOOTH HID') !== -1 ||
				raw.indexOf('/uhid/') !== -1 ||
				raw.indexOf('/bluetooth/') !== -1 ||
				raw.indexOf('(AVRCP)') !== -1
			) {
				const m = BT_OWNER.exec(raw);
				if (m) this.addUser(m[1]);
			}
		}
		if (raw.indexOf(' Secure Boot Module Signature key: ') !== -1) {
			const m = MOK_HOST.exec(raw);
			if (m) this.addMachine(m[1]);
		}
		// full MACs, which a half-masked MAC of the same log is linked to (Anonymizer.maskedMac)
		if (raw.indexOf(':') !== -1) addFullMacs(raw, this.macs);
		if (raw.indexOf('Linux version ') !== -1) {
			const m = USER_AT_HOST.exec(raw);
			if (m && !publisherBanner(m[1], m[2])) {
				this.addUser(m[1], true);
				this.addHost(m[2], true);
			}
		}
	}

	/**
	 * names learned from a person's `Linux version` banner and from nothing else (see
	 * COMPOUND_NAME): replaced where they stand as names
	 */
	get bannerOnly(): string[] {
		return [...this.banner].filter((n) => !this.named.has(n.toLowerCase()));
	}

	/** NFS (and other Sun RPC) servers: RPC_SERVER, NFS_SERVER */
	private servers(raw: string): void {
		let m = raw.indexOf(': server ') !== -1 ? RPC_SERVER.exec(raw) : null;
		if (m) this.addMachine(m[1]);
		if (raw.indexOf('NFS') !== -1) {
			m = NFS_SERVER.exec(raw);
			if (m) this.addMachine(m[1] ?? m[2] ?? m[3]);
		}
		if (raw.indexOf('has not responded') !== -1) {
			m = SMB_SERVER.exec(raw);
			if (m) this.addMachine(m[1]);
		}
	}

	/** SMB servers of the lines that name an SMB share: SMB_UNC, SMB_URL */
	private shares(raw: string): void {
		if (
			raw.indexOf('CIFS') === -1 &&
			raw.indexOf('cifs') === -1 &&
			raw.indexOf('SMB') === -1 &&
			raw.indexOf('smb') === -1
		)
			return;
		for (const m of raw.matchAll(SMB_UNC)) this.addMachine(m[1]);
		for (const m of raw.matchAll(SMB_URL)) this.addMachine(m[1]);
	}

	/** Wi-Fi network names: SSID_QUOTED, SSID_NM, SSID_IWD */
	private networks(raw: string, re: RegExp): void {
		for (const m of raw.matchAll(re)) this.addSsid(m[3] ?? m[2]);
	}

	private addSsid(s: string): void {
		// a name that is an address is replaced as one
		if (learnable(s) && !/^[\da-f]{2}(?:[:-][\da-f]{2}){5}$/i.test(s)) this.ssids.add(s);
	}

	/**
	 * The name of the machine that wrote the log: with its domain (`tarnwick.example.org` in a
	 * syslog prefix) its first label too, which the machine's own lines use alone (an LVM volume
	 * group, an NFS export). Not for the build host of the banner, often a distribution's
	 * (`lists.debian.org`), whose first label is a word.
	 */
	private addMachine(h: string): void {
		this.addHost(h);
		const dot = h.indexOf('.');
		if (dot <= 0 || /^[\d.]+$/.test(h)) return;
		if (!SERVICE_LABELS.has(h.slice(0, dot).toLowerCase())) this.addHost(h.slice(0, dot));
		this.addDomain(h.split('.'));
	}

	/**
	 * The domain of a machine's name (`corp.example.com` of `alice-pc.corp.example.com`,
	 * `example.org` of `tarnwick.example.org`): the labels after the first, of two labels at
	 * least; the private suffix alone (`alice-pc.local`) and PUBLIC_DOMAINS are kept.
	 */
	private addDomain(labels: string[]): void {
		if (labels.length < 3 || labels.some((l) => l === '')) return;
		const domain = labels.slice(1).join('.');
		const lower = domain.toLowerCase();
		if (PUBLIC_DOMAINS.has(lower)) return;
		const priv = privateDomain(labels);
		if (priv && priv.domain === null) return;
		if (!/[a-z]/i.test(labels[labels.length - 1])) return;
		this.domains.add(domain);
	}

	/**
	 * The machine's name in an LVM volume group's (see DM_LVM): `tarnwick` of `tarnwick-vg`,
	 * `fedora_tarnwick` or `tarnwick`, unless the group is an installer's default (GENERIC_VGS)
	 * or starts with `vg`. A name with a `-` is also learned as device-mapper doubles it
	 * (`tarn--wick--vg-root`).
	 */
	private addVolumeGroup(vg: string, rhel6 = false): void {
		if (rhel6) {
			// VG_HOST: the group is `vg_<host>`, the name as device-mapper writes it
			const host = vg.replaceAll('--', '-');
			if (DEFAULT_VG.test(`vg_${host}`) || GENERIC_VGS.has(host.toLowerCase())) return;
			this.addHost(host);
			if (host.includes('-')) this.addHost(host.replaceAll('-', '--'));
			return;
		}
		if (GENERIC_VGS.has(vg.toLowerCase()) || DEFAULT_VG.test(vg)) return;
		const host = vg.replace(VG_DISTRO, '').replace(/-vg$/, '');
		// `vg_data`, `vgsystem`: a name an administrator chose for the group, not the machine's
		if (host === '' || GENERIC_VGS.has(host.toLowerCase()) || /^vg/i.test(host)) return;
		this.addHost(host);
		if (host.includes('-')) this.addHost(host.replaceAll('-', '--'));
	}

	private addHost(h: string, banner = false): void {
		if (!learnable(h)) return;
		this.hosts.add(h);
		if (banner) this.banner.add(h);
		else this.named.add(h.toLowerCase());
	}

	/** a user who logged in, unless a system service's account (a display manager's greeter) */
	private addLogin(u: string): void {
		// GDM's greeters since 42 are systemd's dynamic users `gdm-greeter`, `gdm-greeter-2` …
		if (!SERVICE_ACCOUNTS.has(u.toLowerCase()) && !/^gdm-greeter-\d+$/i.test(u)) this.addUser(u);
	}

	/** a user named as an account (see accounts) */
	private addUser(u: string, banner = false): void {
		if (!learnable(u)) return;
		this.accounts.add(u.toLowerCase());
		this.addFolderUser(u, banner);
	}

	/** a user named only by a folder of theirs (a home, a profile, removable media's mount) */
	private addFolderUser(u: string, banner = false): void {
		if (!learnable(u)) return;
		this.users.add(u);
		if (banner) this.banner.add(u);
		else this.named.add(u.toLowerCase());
	}

	/** a Windows profile's user (WIN_PROFILE), unless a profile every Windows has */
	private addWindowsUser(u: string): void {
		if (!WINDOWS_PROFILES.has(u.toLowerCase())) this.addFolderUser(u);
	}
}

/**
 * the MACs written with `:` in a text: a MAC, or both of an iptables `MAC=` field (dst:src:type);
 * not an EUI-64, nor the zero and broadcast addresses
 */
function addFullMacs(s: string, into: Set<string>): void {
	MAC_FULL.lastIndex = 0;
	for (const m of s.matchAll(MAC_FULL)) {
		const bytes = m[0].toLowerCase().split(':');
		const macs =
			bytes.length === 6
				? [bytes.join(':')]
				: bytes.length === 14
					? [bytes.slice(0, 6).join(':'), bytes.slice(6, 12).join(':')]
					: [];
		for (const mac of macs)
			if (mac !== '00:00:00:00:00:00' && mac !== 'ff:ff:ff:ff:ff:ff') into.add(mac);
	}
}

function learnable(name: string): boolean {
	return (
		name.length >= 3 &&
		name.length <= 253 &&
		!GENERIC_NAMES.has(name.toLowerCase()) &&
		!/^[\d.:]+$/.test(name) &&
		// an address or a placeholder is handled by its own pass
		!/^<[a-z\d]+-\d+>$/.test(name)
	);
}

/**
 * A value after `serial:`/`serial=` that can be a serial number: not a small count
 * (`serial=3`) nor zeros (`androidboot.ap_serial=0x00000000`), and with a digit and no `_` or
 * `/`, which words after `serial:` have that name a device, a driver or a port (`Interrupt 4
 * refused to serial: goldfish_pdev_bus holds it`, `Serial: 8250/16550 driver`, `serial: ttyS0`).
 */
function isSerial(v: string): boolean {
	return (
		!/^\d{1,3}$/.test(v) &&
		!/^(?:0x)?0+$/i.test(v) &&
		/\d/.test(v) &&
		!/[_/]/.test(v) &&
		!/^tty/i.test(v)
	);
}

function escapeRegExp(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

const PLACEHOLDER_ONLY = new RegExp(`^<(?:${ANON_KINDS.join('|')})-\\d+>$`);
const PLACEHOLDER = new RegExp(`<(?:${ANON_KINDS.join('|')})-\\d+>`, 'g');

// --- patterns (all linear: each starts behind a guard that fails at once inside a run) ---
const EMAIL = /(?<![\w.+-])[\w.+-]+@[a-z\d-]+(?:\.[a-z\d-]+)+/gi;
/**
 * a project's mailing list or a vendor's support address, which drivers print
 * (`device-mapper: ioctl: 4.48.0-ioctl (2023-03-01) initialised: dm-devel@redhat.com`, `module
 * license 'Commercial. For support email ntfs-support@tuxera.com.'`): no person
 */
const ROLE_ADDRESS = /^(?:[\w.+-]+-)?(?:devel|support|bugs|security)@/i;
/**
 * GNOME Shell's extensions are named `<name>@<author's domain>`, as gnome-shell writes them
 * (`Extension apps-menu@gnome-shell-extensions.gcampax.github.com already installed in
 * /usr/share/gnome-shell/extensions/apps-menu@…`, `ubuntu-dock@ubuntu.com`): public ids, no
 * address. One after `Extension ` or as a folder of `extensions/`, or whose domain is a project's
 * page on GitHub or GitLab (no mail is delivered there; not GitHub's `users.noreply.github.com`,
 * an account's address), is kept.
 */
const EXTENSION_BEFORE = /(?:\bextension |\bextensions\/)$/i;
const EXTENSION_DOMAIN = /\.(?:github|gitlab)\.(?:com|io)$/i;
const USER_AT_HOST_G = /\(([\w.+-]+)@([\w.-]+)\)/g;
const HOME_PATH = /(\/(?:home|Users)\/)([^/\s"'`:;,()<>[\]{}=]+)/g;
// no guard before: `pod1a2b…` (Kubernetes pod UIDs) glue a hex letter to the UUID
const UUID = /[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}(?![\da-f])/gi;
/** the same with underscores, as systemd escapes them in unit names (`pod1a2b3c4d_5e6f_…`) */
const UUID_US = /[\da-f]{8}_[\da-f]{4}_[\da-f]{4}_[\da-f]{4}_[\da-f]{12}(?![\da-f])/gi;
/**
 * after a character that is no word character nor `:` (not the `AC` of `MAC:`), or glued to a key
 * by `:` (the bridge's `own
 * address as source address (addr:aa:bb:cc:dd:ee:ff, vlan:0)`, an Android driver's
 * `MAC:78:d2:94:0d:52:78`)
 */
const MAC =
	/(?:(?<![\w:])|(?<=\b(?:addr|hwaddr|bd_addr|macaddr|mac|bssid|ownmac|sta|peer):))[\da-f]{2}(?::[\da-f]{2}){5,}(?![\da-f:])/gi;
/**
 * a UUID as systemd escapes it in a unit's name, `-` written `\x2d`
 * (`dev-disk-by\x2duuid-<uuid>.device`): the same placeholder as the UUID written plainly
 */
const UUID_ESCAPED =
	/[\da-f]{8}\\x2d[\da-f]{4}\\x2d[\da-f]{4}\\x2d[\da-f]{4}\\x2d[\da-f]{12}(?![\da-f])/gi;
/**
 * the short ids file systems without a UUID have where a UUID goes: a FAT or exFAT volume's serial
 * (`/dev/disk/by-uuid/7A1B-C2D3`, systemd's `by\x2duuid-7A1B\x2dC2D3`, `UUID=7A1B-C2D3`) and an
 * MBR partition's PARTUUID, the disk's signature and the partition's number
 * (`root=PARTUUID=6c4bfb2c-02`, `by-partuuid/6c4bfb2c-02`): the volume's or the disk's id, a `uuid`
 * (the partition's number is kept)
 */
const VOLUME_ID =
	/(\bby-uuid\/|\bby\\x2duuid-|\bUUID=["']?)([\da-f]{4}(?:-|\\x2d)[\da-f]{4})(?![\w-]|\\x2d)/gi;
const MBR_PARTUUID =
	/(\bPARTUUID=["']?|\bby-partuuid\/|\bby\\x2dpartuuid-)([\da-f]{8})(?=(?:-|\\x2d)[\da-f]{2}(?![\w-]|\\x2d))/gi;
/**
 * a MAC without separators where a driver or a parameter names it one (MediaTek's `OwnMac:
 * f85e3caaab2b`, `androidboot.wifimacaddr=`, `MAC address 001122334455`)
 */
const MAC_BARE =
	/\b((?:own|wifi|bt|eth|wlan)?_?mac(?:_?addr(?:ess)?| address)?|bssid|bd_?addr)([:= ]+)([\da-f]{12})\b/gi;
/** MAC without the keys MAC has (only to learn the log's MACs: addFullMacs) */
const MAC_FULL = /(?<![\da-f:])[\da-f]{2}(?::[\da-f]{2}){5,}(?![\da-f:])/gi;
const MAC_DASH = /(?<![\da-f-])[\da-f]{2}(?:-[\da-f]{2}){5}(?![\da-f-])/gi;
const ENX = /\benx([\da-f]{12})\b/gi;
const IPV6 = /(?<![\w:.])(?:[\da-f]{1,4}|:)(?::[\da-f]{0,4}){1,7}(?![\w:])/gi;
// not followed by `-27.fc15` or `+`: kernel and package versions look like addresses
const IPV4 = /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w+-]|\.\d)/g;
// also after `_`: Samsung's `connie=SM-G930V_VZW_USA_<32 hex digits>` (the device's id)
const HEX_ID = /(?<![\da-z])(?:[\da-f]{64}|[\da-f]{32})\b/gi;
/** an AWS EC2 instance's id (`instance-id: i-0123456789abcdef0`, cloud-init's), an `id` */
const EC2_INSTANCE = /(?<![\w-])i-(?:[\da-f]{17}|[\da-f]{8})(?![\w-])/g;
/** an SSH key's fingerprint (sshd's `Accepted publickey for … ssh2: ED25519 SHA256:<43 base64>`), an `id` */
const SSH_FINGERPRINT = /\b(SHA256:)([A-Za-z\d+/]{43})(?![A-Za-z\d+/=])/g;
/**
 * dm-verity's root hash and salt, as ChromeOS's kernel command line gives them (`dm="1 vroot none
 * ro 1,0 7946240 verity payload=… alg=sha256 root_hexdigest=<64 hex> salt=<64 hex>"`): they name
 * the OS image every machine of that release boots, no person; kept (in a text that says verity)
 */
const VERITY_HEX_BEFORE = /\b(?:root_hexdigest|salt)=$/;
// to the end of each line: a text of several lines (`…SerialNumber: X\n`) had kept X
const SERIAL_LINE = /(SerialNumber: *)(\S.*)$/gm;
/**
 * a USB root hub's `SerialNumber:` is its host controller's device name (`usb usb1: SerialNumber:
 * 0000:00:14.0`, `3f980000.usb`, `PNP0D10:05`): no serial, and the reader's way to the controller
 */
const ROOT_HUB_BEFORE = /\busb usb\d+: $/;
/**
 * A serial number a device writes as its USB manufacturer or product string (Dell's docks and
 * receivers: `usb 1-6: Manufacturer: CN0GF9H77248712C0148A00`): one word of 12 or more capitals
 * and digits, with both; vendors' names and models (`Product: USB2134B`, `Manufacturer: SIGMACHIP`)
 * are kept
 */
const USB_STRING_SERIAL = /(\b(?:Manufacturer|Product): +)([A-Z\d]{12,})$/gm;
// also with a prefix: Android's `mmc_serial: 1583161905`, `androidboot.ap_serial=`; rsyslog
// writes a line break in a message as `#012`
const SERIAL_KV =
	/\b((?:[a-z\d]+_)?(?:serial(?:[ _]?(?:number|no))?|S\/N) ?[:=] *)([^\s,;()[\]#]{4,})/gi;
// mpt2sas/mpt3sas print `sas_addr(0x…)`, `device_name(0x…)` (the disk's own WWN) and
// `enclosure logical id(0x…)`
const WWN =
	/\b((?:wwpn|wwnn|wwn|port_name|node_name|sas_addr(?:ess)?|SAS address|device_name|enclosure logical id)[ :=(-]*)((?:0x)?[\da-f]{16})\b/gi;
/** smartd's `WWN:5-001b44-e99888611` (NAA, OUI, id): the WWN the kernel writes `0x5001b44e99888611` */
const WWN_SMARTD = /\b(WWN:)([\da-f]-[\da-f]{6}-[\da-f]{9})\b/gi;
const NAA = /\bnaa\.[\da-f]{16,32}\b/gi;
const NQN = /\bnqn\.\d{4}-\d{2}\.[^\s"',;()<>]+/g;
const IQN = /\b(?:iqn\.\d{4}-\d{2}\.[^\s"',;()<>]+|eui\.[\da-f]{16}\b)/gi;
const LABEL = /(\bdevice label |\bLABEL=)([^\s"']+)/g;
/**
 * a file system's label in udev's path (`/dev/disk/by-label/Backup`, a space written `\x20`) and
 * in systemd's unit of it (`dev-disk-by\x2dlabel-Backup.device`, a `-` written `\x2d`), without
 * the dots that end a message (`Expecting device … /dev/disk/by-label/system-boot...`)
 */
const BY_LABEL =
	/(\bby-label\/|\bby\\x2dlabel-)((?:[^\s"'/.\\:;,()<>[\]{}]|\\x[\da-f]{2}|\.(?!device\b|mount\b|swap\b|[.\s"']|$)|\\(?!x))+)/gi;
const POINTER = /\b(?:0x)?ffff[\da-f]{12}\b/gi;
const KASLR = /(Kernel Offset: )(0x[\da-f]+)/g;

// a word of its own: `NFS: server 10.1.2.3 not responding` ends in `ver ` and is an address
// also a kernel release after `Not tainted`, `Tainted: G        W`, `Linux` or decode_stacktrace's
// `-r` (2.6 kernels had four numbers: `2.6.36.3`)
const VERSION_BEFORE =
	/(?:(?<![a-z])(?:version|ver\.?|fw|firmware|v)[\s:=]*|(?<![\w-])-r |\btainted(?::[A-Z ]*| *)\(?|\bLinux )$/i;
/**
 * Addresses that name no one, kept: a multicast group (224.0.0.0/4: mDNS's 224.0.0.251, all
 * hosts' 224.0.0.1, SSDP's 239.255.255.250), the limited broadcast, a network mask (a run of
 * ones: 255.255.255.0) and the public DNS resolvers of Google, Cloudflare, Quad9 and OpenDNS,
 * which a DHCP lease or dockerd names (`nameserver 8.8.8.8`). Any other address, private or
 * public (a time server's: the NTP pool hands out servers near the machine), is replaced, and so
 * are the documentation ranges (192.0.2.0/24, 2001:db8::/32 …): no real log prints them, and a
 * log written to show the anonymizer at work (this project's tests) uses them as someone's.
 */
function keptIpv4(parts: readonly number[]): boolean {
	const a = parts[0];
	if (a >= 224 && a <= 239) return true;
	if (a === 255) {
		// 255.255.255.255 and the masks: the bits, read from the left, are ones then zeros
		const bits = parts.reduce((n, p) => n * 256 + p, 0);
		const zeros = 2 ** 32 - 1 - bits;
		return (zeros & (zeros + 1)) === 0;
	}
	return PUBLIC_RESOLVERS_V4.has(parts.join('.'));
}

const PUBLIC_RESOLVERS_V4: ReadonlySet<string> = new Set([
	'8.8.8.8',
	'8.8.4.4',
	'1.1.1.1',
	'1.0.0.1',
	'9.9.9.9',
	'149.112.112.112',
	'208.67.222.222',
	'208.67.220.220'
]);

const PUBLIC_RESOLVERS_V6: ReadonlySet<string> = new Set([
	'2001:4860:4860::8888',
	'2001:4860:4860::8844',
	'2606:4700:4700::1111',
	'2606:4700:4700::1001',
	'2620:fe::fe',
	'2620:fe::9'
]);

/**
 * IPv6 addresses that name no one, kept: a multicast group (ff00::/8: all nodes' ff02::1, mDNS's
 * ff02::fb, a prefix `ff00::/8` in a routing table) but a solicited-node group (ff02::1:ffXX:XXXX,
 * whose last 24 bits are those of the host's own address, its MAC's for a SLAAC address), the
 * link-local prefix alone (`fe80::` of `fe80::/64`) and the public DNS resolvers
 * (PUBLIC_RESOLVERS_V6; the documentation range is replaced, as keptIpv4 says). `halves` is the
 * address split at `::` (ipv6).
 */
function keptIpv6(halves: readonly string[]): boolean {
	const address = halves.join('::').toLowerCase();
	// the eight groups as numbers, `::` filled with zeros
	const head = halves[0] === '' ? [] : halves[0].split(':');
	const tail = halves.length === 1 || halves[1] === '' ? [] : halves[1].split(':');
	const g = [...head, ...Array<string>(8 - head.length - tail.length).fill('0'), ...tail].map((x) =>
		parseInt(x, 16)
	);
	if (g[0] >> 8 === 0xff) {
		const solicited =
			g[0] === 0xff02 && g.slice(1, 5).every((x) => x === 0) && g[5] === 1 && g[6] >> 8 === 0xff;
		return !solicited;
	}
	if (address === 'fe80::') return true;
	return PUBLIC_RESOLVERS_V6.has(address);
}

/**
 * MAC addresses that name no one, kept: the broadcast and the multicast groups of IPv4
 * (01:00:5e:…, the group's low 23 bits), IPv6 (33:33:…, but a solicited-node group's
 * 33:33:ff:…, whose last 3 bytes are the host's address's, its MAC's) and IEEE 802.1
 * (01:80:c2:…, the spanning tree's). Not every address with the group bit: a Bluetooth device's
 * random address may have it. `key` is lower case with `:` or `-` between the bytes.
 */
function keptMac(key: string): boolean {
	return KEPT_MAC.test(key.replaceAll('-', ':'));
}

const KEPT_MAC = /^(?:ff(?::ff){5}$|01:00:5e:|33:33:(?!ff)|01:80:c2:)/;

/** keys whose value is a kernel release, never an address (`2.6.36.3`) */
const RELEASE_KEYS: ReadonlySet<string> = new Set(['kernel_version', 'latest_kernel_version']);

/** finding and cascade ids are hashes: kept, so a finding has the same id with and without */
const FINDING_ID = /^[a-z]+-[\da-f]{8}$/;
/**
 * keys kept only when their value is what the report itself writes there: a finding id, or a
 * cascade link's certainty (a rule's detail of the same name, text from the log, is replaced)
 */
const ID_KEYS = new Set(['id', 'cause', 'effect']);
const CERTAINTIES = new Set(['probable', 'possible']);

const SKIP_KEYS = new Set([
	// the project's own documentation links (a host named `debug` is not in `acpi/debug.html`)
	'references',
	'rule',
	'category',
	'severity',
	'schema_version',
	'generator',
	'format',
	'formats',
	'verdict',
	'related',
	'chain',
	'primary_finding',
	'root_cause',
	'kind',
	'context',
	'anonymization',
	// years and the words of an enumeration: a host named `option` must not rewrite its value
	'assumed_year',
	'unparsed_reasons',
	'skipped_reasons',
	'counts_by_severity',
	'counts_by_category'
]);

/**
 * `fn` applied to the parts of `s` outside the matches of `spans` (a global pattern); a match
 * `isSpan` refuses is left to `fn` with the text around it
 */
function outsideSpans(
	s: string,
	spans: RegExp,
	fn: (part: string) => string,
	isSpan?: (m: RegExpMatchArray, whole: string) => boolean
): string {
	let out = '';
	let last = 0;
	spans.lastIndex = 0;
	for (const m of s.matchAll(spans)) {
		const at = m.index ?? 0;
		if (m[0] === '' || (isSpan && !isSpan(m, s))) continue;
		out += fn(s.slice(last, at)) + m[0];
		last = at + m[0].length;
	}
	return out + fn(s.slice(last));
}

/**
 * Report keys whose values name hardware, firmware or drivers (the CPU model, the DMI string, a
 * BIOS, a module or driver name): a learned name is not replaced inside them (a host named
 * `8550u` had turned `Intel(R) Core(TM) i7-8550U` into `Intel(R) Core(TM) i7-<host-1>`); the
 * other passes still run
 */
const HARDWARE_KEYS: ReadonlySet<string> = new Set([
	'cpu',
	'hardware',
	'bios',
	'bios_vendor',
	'bios_version',
	'processor',
	'gpu',
	'firmware_version',
	'product_version',
	'driver',
	'module',
	'modules'
]);
/**
 * The same in log text: the boot CPU's model (`smpboot: CPU0: AMD Ryzen 7 PRO 4750U with Radeon
 * Graphics (family: 0x17 …)`, `model name : …`), the DMI string (`DMI: …`, an oops' `Hardware
 * name: …`), a firmware file as a driver asks for it (`amdgpu/green_sardine_dmcub.bin`,
 * `rtl_nic/rtl8168h-2.fw`; not an absolute path, whose folders may name a machine; a name
 * without a folder only on a line about firmware, see firmwareFile), the
 * module list of an oops (`Modules linked in: …`), a driver's name where the kernel says it is one
 * (`registered new interface driver usbhid`) and the driver before its device at the start of a
 * message (`r8169 0000:02:00.0: …`, `usb 1-2: …`; a device with a digit, not a syslog prefix's
 * `<host> kernel:`). Learned names are replaced outside these spans only.
 */
const HARDWARE_SPAN =
	/\bsmpboot: CPU\d+: .*|\bmodel name\s*: .*|\b(?:DMI|Hardware name): .*|\bModules linked in: .*|(?<file>(?<![\w.+/-])[\w+-][\w.+/-]*\.(?:bin|fw|ucode|sbin|pnvm|hcd|nvm|mbn|tlv|dfu|hex|elf|clm_blob)(?![\w-]))|\bdriver '?[\w-]+|(?:^|(?<=\] ))[\w-]+(?= (?=[^\s:]*\d)[\w.:-]+: )/gim;
/**
 * A line that loads firmware: the kernel's firmware loader (`Direct firmware load for …`,
 * `Falling back to sysfs fallback for: …`), a driver's (`loaded firmware version …`,
 * `could not get nvs file …`, `ol_transfer_bin_file: transferring file: …`); not the
 * extension of the file itself (`alice-pc.fw`)
 */
const FIRMWARE_LINE = /firmware|(?<![\w.])(?:fw|ucode)\b|\bnvs?\b|load|fallback for|transfer/i;
/**
 * A file name of HARDWARE_SPAN is a firmware file's when it has a folder (`amdgpu/…`, as
 * drivers ask for theirs) or its line loads firmware (FIRMWARE_LINE); elsewhere a bare
 * `*.bin` is any file, whose name may hold the machine's (`alice-pc-dump.bin`, the input's name)
 */
function firmwareFile(m: RegExpMatchArray, whole: string): boolean {
	const file = m.groups?.file;
	if (file === undefined || file.indexOf('/') !== -1) return true;
	const at = m.index ?? 0;
	const end = whole.indexOf('\n', at);
	const line = whole.slice(whole.lastIndexOf('\n', at) + 1, end === -1 ? undefined : end);
	return FIRMWARE_LINE.test(line);
}
/** a cheap test before HARDWARE_SPAN runs */
const HARDWARE_HINT = /smpboot|model name|DMI|Hardware name|Modules linked|\.[a-z]|driver|\d: /i;

/** Names learned from the log (NameCollector) */
export interface LearnedNames {
	hosts: Iterable<string>;
	users: Iterable<string>;
	ssids?: Iterable<string>;
	/** private domains (NameCollector.addDomain) */
	domains?: Iterable<string>;
	/** host and user names learned only from a person's banner (NameCollector.bannerOnly) */
	bannerOnly?: Iterable<string>;
	/** the log's full MACs, which half-masked ones are linked to (NameCollector.macs) */
	macs?: Iterable<string>;
	/**
	 * users named as accounts, not only as folders (NameCollector.accounts): one of them also
	 * learned as a host (`(alice@alice)`, a machine named after its user) is a `user` everywhere;
	 * a host whose name only a folder has (`/home/alice-pc/`) stays a `host`
	 */
	accounts?: Iterable<string>;
}

/** Replaces values by placeholders, consistently, across every string of one report. */
export class Anonymizer {
	private readonly maps = new Map<AnonKind, Map<string, string>>();
	private readonly names: RegExp | null;
	private readonly nameKind = new Map<string, AnonKind>();
	private readonly domains: RegExp | null;
	/** banner names that are words (COMPOUND_NAME): only where they stand as names */
	private readonly weak = new Set<string>();
	private readonly weakAt: RegExp | null;
	private readonly fullMacs = new Set<string>();
	/**
	 * the kernel releases the report names (RELEASE_KEYS): a 2.6 release of four numbers is no
	 * address wherever the report quotes it (an explanation's ``This kernel (`2.6.36.3`)``)
	 */
	private readonly releases = new Set<string>();

	constructor(
		learned: LearnedNames = { hosts: [], users: [] },
		private readonly opts: AnonymizeOptions = {}
	) {
		// names match in any case (`MyHost` learned, `myhost` in a message): host names are
		// case-insensitive, and leaving a name in another case would leak it. A Wi-Fi network
		// named as a host or a user is replaced as that.
		const ssids = new Set([...(learned.ssids ?? [])].map((n) => n.toLowerCase()));
		for (const n of ssids) this.nameKind.set(n, 'ssid');
		for (const u of learned.users) this.nameKind.set(u.toLowerCase(), 'user');
		const accounts = new Set([...(learned.accounts ?? [])].map((n) => n.toLowerCase()));
		for (const h of learned.hosts) {
			const key = h.toLowerCase();
			if (!(accounts.has(key) && this.nameKind.get(key) === 'user')) this.nameKind.set(key, 'host');
		}
		for (const n of learned.bannerOnly ?? []) {
			const key = n.toLowerCase();
			// a Wi-Fi network of the same name is learned from its own lines: everywhere
			if (!COMPOUND_NAME.test(key) && this.nameKind.has(key) && !ssids.has(key)) this.weak.add(key);
		}
		for (const m of learned.macs ?? []) this.fullMacs.add(m.toLowerCase());
		const all = [...this.nameKind.keys()]
			.filter((k) => !this.weak.has(k))
			.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
		const alt = all.map(escapeRegExp).join('|');
		const weak = [...this.weak].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
		const weakAlt = weak.map(escapeRegExp).join('|');
		// `alice@host` (a shell's prompt, an address without a domain) and `user@ibm`
		this.weakAt = weak.length
			? new RegExp(
					`(?<![A-Za-z\\d_.-])(?:${weakAlt})(?=@)|(?<=@)(?:${weakAlt})(?![A-Za-z\\d_-])`,
					'gi'
				)
			: null;
		this.names = all.length
			? new RegExp(
					// a name alone, or after a distribution's `_` in an LVM volume group's name before
					// the volume (`fedora_tarnwick-root`, `fedora_tarnwick/root`); never inside a
					// module's or symbol's name (`kvm_intel`)
					`(?<![A-Za-z\\d_])(?:${alt})(?![A-Za-z\\d_])|(?<=[a-z]_)(?:${alt})(?=[-/])`,
					'gi'
				)
			: null;
		// learned domains, longest first, as whole labels: `wiki.corp.example.com` but not
		// `corp.example.com.au` nor `notexample.com`
		const domains = [...new Set([...(learned.domains ?? [])].map((d) => d.toLowerCase()))].sort(
			(a, b) => b.length - a.length || (a < b ? -1 : 1)
		);
		this.domains = domains.length
			? new RegExp(
					`(?<![\\w-])(?:${domains.map(escapeRegExp).join('|')})(?![\\w-]|\\.[a-z\\d])`,
					'gi'
				)
			: null;
	}

	/** distinct values replaced so far, per kind (kinds with none left out) */
	get replaced(): Record<string, number> {
		const out: Record<string, number> = {};
		for (const k of ANON_KINDS) {
			const n = this.maps.get(k)?.size ?? 0;
			if (n > 0) out[k] = n;
		}
		return out;
	}

	/** the placeholder for a value of a kind */
	placeholder(kind: AnonKind, value: string): string {
		// a name learned as a host, a user or a Wi-Fi network is that one kind wherever it is
		// replaced: a banner's `(host1@host1)` and `/home/host1/` had made a user of the host
		// `host1` named elsewhere, one value with two placeholders
		if (kind === 'host' || kind === 'user' || kind === 'ssid') {
			const learned = this.nameKind.get(value);
			if (learned !== undefined) kind = learned;
		}
		let m = this.maps.get(kind);
		if (!m) this.maps.set(kind, (m = new Map()));
		let p = m.get(value);
		if (p === undefined) m.set(value, (p = `<${kind}-${m.size + 1}>`));
		return p;
	}

	/**
	 * Anonymize one string (`release`: a kernel release, which holds no address; `hardware`: a
	 * value of HARDWARE_KEYS, where learned names are kept).
	 */
	text(s: string, release = false, hardware = false): string {
		if (s.length < 3) return s;
		let t = s;
		// contextual values first (they may contain what later patterns would cut in pieces)
		if (t.indexOf("='") !== -1)
			t = this.outside(
				t,
				CERT_SUBJECT,
				(_m, pre: string, dn: string) => `${pre}${this.subject(dn)}'`
			);
		if (t.indexOf('@') !== -1) {
			t = this.outside(t, EMAIL, (m, offset: number, whole: string) => {
				// a distribution's banner (`Linux version 3.10-1-grml-amd64 (team@grml.org)`)
				if (
					whole[offset + m.length] === ')' &&
					precededBy(BANNER_BEFORE, whole, offset, 80) &&
					publisherBanner(m.slice(0, m.indexOf('@')), m.slice(m.indexOf('@') + 1))
				)
					return m;
				const last = m.slice(m.lastIndexOf('.') + 1);
				const domain = m.slice(m.indexOf('@') + 1).toLowerCase();
				if (
					(EXTENSION_DOMAIN.test(domain) && !domain.includes('noreply')) ||
					precededBy(EXTENSION_BEFORE, whole, offset, 11)
				)
					return m;
				// a lower-case top-level domain and a letter before the @: not `7990@NOTICE.FW`;
				// not a unit of a systemd template (`modprobe@drm.service`), an Android APEX
				// (`com.android.media@311411000.apex`) nor a public mailing list (the project's advice
				// names `netdev@vger.kernel.org`)
				return /^[a-z]{2,}$/.test(last) &&
					/[a-z]/i.test(m.slice(0, m.indexOf('@'))) &&
					!NOT_EMAIL_TLDS.has(last) &&
					!ROLE_ADDRESS.test(m) &&
					// Android's HIDL services, `<package>@<version>`: `init: Parsing file
					// /vendor/etc/init/android.hardware.cas@1.2-service.rc`
					!/^\d+\.\d+/.test(domain) &&
					domain !== 'vger.kernel.org' &&
					!domain.startsWith('lists.')
					? this.placeholder('email', m.toLowerCase())
					: m;
			});
			t = this.outside(t, USER_AT_HOST_G, (m, u: string, h: string) => {
				if (publisherBanner(u, h)) return m;
				const user =
					learnable(u) && !ARCH_PACKAGE_USER.test(u)
						? this.placeholder('user', u.toLowerCase())
						: u;
				const host = learnable(h) ? this.placeholder('host', h.toLowerCase()) : h;
				return `(${user}@${host})`;
			});
		}
		if (mayNameCrosUser(t))
			t = this.outside(
				t,
				CROS_USER,
				(_m, pre: string, h: string) => pre + this.placeholder('user', h.toLowerCase())
			);
		if (t.indexOf('/home/') !== -1 || t.indexOf('/Users/') !== -1)
			t = this.outside(t, HOME_PATH, (m, pre: string, u: string) =>
				learnable(u) && u[0] !== '.' ? pre + this.placeholder('user', u.toLowerCase()) : m
			);
		if (t.indexOf(':\\') !== -1)
			t = this.outside(t, WIN_PROFILE, (m, pre: string, u: string) =>
				learnable(u) && !WINDOWS_PROFILES.has(u.toLowerCase())
					? pre + this.placeholder('user', u.toLowerCase())
					: m
			);
		if (t.indexOf('retty host') !== -1)
			t = this.outside(t, PRETTY_HOSTNAME, (m, pre: string, v: string) =>
				learnable(v) ? `${pre}${this.placeholder('host', v.toLowerCase())}'` : m
			);
		if (t.indexOf('user=') !== -1 && /pam|authentication failure/i.test(t))
			t = this.outside(t, PAM_USER, (m, pre: string, u: string) =>
				learnable(u) && !SERVICE_ACCOUNTS.has(u.toLowerCase())
					? pre + this.placeholder('user', u.toLowerCase())
					: m
			);
		if (t.indexOf("identity' value '") !== -1)
			t = this.outside(t, IDENTITY_NM, (m, pre: string, v: string) =>
				learnable(v) ? `${pre}${this.placeholder('user', v.toLowerCase())}'` : m
			);
		if (t.indexOf('rhost=') !== -1 || t.indexOf('EAP-PEER-ALT') !== -1)
			t = this.outside(t, REMOTE_HOST, (m, pre: string, h: string) =>
				/^[a-z\d]/i.test(h) && /[a-z]/i.test(h) && learnable(h)
					? pre + this.placeholder('host', h.toLowerCase())
					: m
			);
		if (/ssid|access point |wireless network |Connected to network /i.test(t)) {
			const ssid = (_m: string, pre: string, q: string, v: string) =>
				v.trim() !== '' ? `${pre}${q}${this.placeholder('ssid', v.toLowerCase())}${q}` : _m;
			t = this.outside(t, SSID_QUOTED, ssid);
			t = this.outside(t, SSID_NM, ssid);
			t = this.outside(t, SSID_IWD, (_m, pre: string, v: string) => ssid(_m, pre, '', v));
		}
		if (t.indexOf('SerialNumber: ') !== -1)
			t = this.outside(
				t,
				SERIAL_LINE,
				(_m, pre: string, v: string, offset: number, whole: string) => {
					const value = v.trimEnd();
					if (PLACEHOLDER_ONLY.test(value) || precededBy(ROOT_HUB_BEFORE, whole, offset, 12))
						return _m;
					return pre + this.placeholder('serial', value) + v.slice(value.length);
				}
			);
		if (t.indexOf('Manufacturer: ') !== -1 || t.indexOf('Product: ') !== -1)
			t = this.outside(t, USB_STRING_SERIAL, (m, pre: string, v: string) =>
				/\d/.test(v) && /[A-Z]/.test(v) ? pre + this.placeholder('serial', v) : m
			);
		t = this.outside(t, SERIAL_KV, (m, pre: string, v: string, offset: number, whole: string) =>
			isSerial(v) && !precededBy(ROOT_HUB_BEFORE, whole, offset, 12)
				? pre + this.placeholder('serial', v)
				: m
		);
		t = this.outside(t, WWN, (_m, pre: string, v: string) => {
			const key = v.toLowerCase().replace(/^0x/, '');
			return pre + this.placeholder('wwn', key);
		});
		t = this.outside(
			t,
			WWN_SMARTD,
			(_m, pre: string, v: string) =>
				pre + this.placeholder('wwn', v.replace(/-/g, '').toLowerCase())
		);
		t = this.outside(t, NAA, (m) => this.placeholder('wwn', m.slice(4).toLowerCase()));
		t = this.outside(t, NQN, (m) =>
			m === 'nqn.2014-08.org.nvmexpress.discovery' ? m : this.placeholder('nqn', m)
		);
		t = this.outside(t, IQN, (m) => this.placeholder('iqn', m.toLowerCase()));
		t = this.outside(t, LABEL, (m, pre: string, v: string) =>
			DEFAULT_LABELS.has(v.toLowerCase()) ? m : pre + this.placeholder('label', v)
		);
		if (t.indexOf('label') !== -1)
			t = this.outside(t, BY_LABEL, (m, pre: string, v: string) => {
				// the label as written elsewhere (`LABEL=`, `device label`): escapes decoded
				const label = v.replace(/\\x([\da-f]{2})/gi, (_e, h: string) =>
					String.fromCharCode(parseInt(h, 16))
				);
				return DEFAULT_LABELS.has(label.toLowerCase()) ? m : pre + this.placeholder('label', label);
			});
		t = this.shares(t);
		// shapes
		t = this.outside(t, UUID, (m) => this.placeholder('uuid', m.toLowerCase()));
		if (t.indexOf('\\x2d') !== -1)
			t = this.outside(t, UUID_ESCAPED, (m) =>
				this.placeholder('uuid', m.toLowerCase().replaceAll('\\x2d', '-'))
			);
		if (/uuid/i.test(t)) {
			t = this.outside(
				t,
				VOLUME_ID,
				(_m, pre: string, v: string) =>
					pre + this.placeholder('uuid', v.toLowerCase().replace('\\x2d', '-'))
			);
			t = this.outside(
				t,
				MBR_PARTUUID,
				(_m, pre: string, v: string) => pre + this.placeholder('uuid', v.toLowerCase())
			);
		}
		if (t.indexOf('_') !== -1)
			t = this.outside(t, UUID_US, (m) =>
				this.placeholder('uuid', m.toLowerCase().replace(/_/g, '-'))
			);
		if (t.indexOf('**:') !== -1 || /xx:/i.test(t))
			t = this.outside(t, MAC_MASKED, (m) => {
				const bytes = m.toLowerCase().split(':');
				return bytes.some((b) => b === '**' || b === 'xx') &&
					bytes.some((b) => /\d|[a-f]{2}/.test(b))
					? this.maskedMac(bytes.map((b) => (b === 'xx' ? '**' : b)))
					: m;
			});
		t = this.outside(t, MAC, (m) => this.macs(m));
		t = this.outside(
			t,
			MAC_BARE,
			(_m, key: string, sep: string, hex: string) =>
				key + sep + this.mac(hex.replace(/(..)(?!$)/g, '$1:'))
		);
		if (t.indexOf('-') !== -1) t = this.outside(t, MAC_DASH, (m) => this.mac(m.replace(/-/g, ':')));
		t = this.outside(
			t,
			ENX,
			(_m, hex: string) => 'enx' + this.mac(hex.replace(/(..)(?!$)/g, '$1:'))
		);
		if (!release)
			t = this.outside(t, IPV4, (m, offset: number, whole: string) => this.ipv4(m, offset, whole));
		if (t.indexOf(':') !== -1) t = this.outside(t, IPV6, (m) => this.ipv6(m));
		if (this.opts.pointers) {
			t = this.outside(
				t,
				KASLR,
				(_m, pre: string, v: string) => pre + this.placeholder('kaslr', v.toLowerCase())
			);
			t = this.outside(t, POINTER, (m) =>
				this.placeholder('ptr', m.toLowerCase().replace(/^0x/, ''))
			);
		}
		if (t.indexOf(' Secure Boot Module Signature key: ') !== -1)
			t = this.outside(t, MOK_HOST_G, (m, pre: string, h: string, post: string) =>
				learnable(h) ? pre + this.placeholder('host', h.toLowerCase()) + post : m
			);
		if (t.indexOf(' signing key: ') !== -1 || t.indexOf(' Signature key: ') !== -1)
			t = this.outside(
				t,
				MOK_KEY,
				(_m, pre: string, v: string) => pre + this.placeholder('id', v.toLowerCase())
			);
		const verity = t.indexOf('verity') !== -1;
		t = this.outside(t, HEX_ID, (m, offset: number, whole: string) =>
			/^0+$/.test(m) || (verity && precededBy(VERITY_HEX_BEFORE, whole, offset, 15))
				? m
				: this.placeholder('id', m.toLowerCase())
		);
		if (t.indexOf('i-') !== -1) t = this.outside(t, EC2_INSTANCE, (m) => this.placeholder('id', m));
		if (t.indexOf('SHA256:') !== -1)
			t = this.outside(
				t,
				SSH_FINGERPRINT,
				(_m, pre: string, v: string) => pre + this.placeholder('id', v)
			);
		if (this.domains)
			t = this.outside(t, this.domains, (m) => this.placeholder('domain', m.toLowerCase()));
		if (HAS_PRIVATE_LABEL.test(t)) t = this.outside(t, DOTTED_NAME, (m) => this.privateName(m));
		if (hardware) return t;
		if (this.names) {
			const names = this.names;
			const replace = (u: string): string =>
				this.outside(u, names, (m) => {
					const key = m.toLowerCase();
					const kind = this.nameKind.get(key) ?? 'host';
					// a host as device-mapper writes it (`tarn--wick`) is the same host (addVolumeGroup)
					return this.placeholder(kind, kind === 'host' ? key.replaceAll('--', '-') : key);
				});
			names.lastIndex = 0;
			// only a text that holds a name looks for the spans of hardware names (HARDWARE_SPAN)
			if (names.test(t))
				t = HARDWARE_HINT.test(t)
					? outsideSpans(t, HARDWARE_SPAN, replace, firmwareFile)
					: replace(t);
		}
		// a removable volume's folder under its user's (udisks2's `/run/media/<user>/<label>`)
		if (t.indexOf('/media/<') !== -1)
			t = t.replace(MEDIA_MOUNT, (m, pre: string, v: string) =>
				/^[\da-f]{4}-[\da-f]{4}$/i.test(v)
					? pre + this.placeholder('uuid', v.toLowerCase())
					: DEFAULT_LABELS.has(v.toLowerCase()) || PUBLIC_MEDIA.test(v)
						? m
						: pre + this.placeholder('label', v)
			);
		if (this.weakAt) {
			if (t.indexOf('@') !== -1) t = this.outside(t, this.weakAt, (m) => this.learnedName(m));
			if (t.indexOf('/') !== -1) t = this.outside(t, ABS_PATH, (m) => this.weakPath(m));
			t = this.outside(t, RELEASE_LOCAL, (m) => this.weakRelease(m));
		}
		return t;
	}

	/** a certificate's subject (CERT_SUBJECT): organisations and common names */
	private subject(dn: string): string {
		const person = !DN_HAS_O.test(dn);
		const value = (kind: DnKey, v: string): string => {
			const trimmed = v.trim();
			if (PLACEHOLDER_ONLY.test(trimmed) || trimmed.length < 3) return v;
			if ((kind === 'ST' || kind === 'L') && !person) return v;
			// the e-mail addresses' pass replaces it (or keeps a role address), as in `emailAddress=`
			if (kind !== 'ST' && kind !== 'L' && EMAIL_ONLY.test(trimmed)) return v;
			const key = trimmed.toLowerCase();
			const learned = kind === 'ST' || kind === 'L' ? undefined : this.nameKind.get(key);
			const out =
				kind === 'ST' || kind === 'L'
					? this.placeholder('place', key)
					: learned !== undefined && !this.weak.has(key)
						? // a name of the log (a user who logged in, the machine): its placeholder
							this.placeholder(learned, learned === 'host' ? key.replaceAll('--', '-') : key)
						: kind === 'CN' && DOTTED_HOST.test(trimmed)
							? this.placeholder('host', key)
							: kind === 'CN' &&
								  person &&
								  PERSON_NAME.test(trimmed) &&
								  !NOT_PERSON_WORD.test(trimmed)
								? this.placeholder('user', key)
								: this.placeholder('org', key);
			return v.replace(trimmed, out);
		};
		return dn.startsWith('/')
			? dn.replace(DN_SLASH, (_m, k: DnKey, v: string) => `${k}=${value(k, v)}`)
			: dn.replace(
					DN_COMMA,
					(m, sp: string, k: DnKey, v: string) => m.slice(0, m.length - v.length) + value(k, v)
				);
	}

	private learnedName(m: string): string {
		const key = m.toLowerCase();
		return this.placeholder(this.nameKind.get(key) ?? 'host', key);
	}

	/** a banner's word as a folder of a path, before the kernel tree's folders (KERNEL_TREE_DIRS) */
	private weakPath(path: string): string {
		const parts = path.split('/');
		for (let i = 1; i < parts.length; i++) {
			const lower = parts[i].toLowerCase();
			if (KERNEL_TREE_DIRS.has(lower)) break;
			if (this.weak.has(lower)) parts[i] = this.learnedName(lower);
		}
		return parts.join('/');
	}

	/** a banner's word as a label of a kernel release's local version (RELEASE_LOCAL) */
	private weakRelease(release: string): string {
		const parts = release.split(/([-+~_.])/);
		// the first label is the version's number
		for (let i = 2; i < parts.length; i += 2) {
			const lower = parts[i].toLowerCase();
			if (this.weak.has(lower)) parts[i] = this.learnedName(lower);
		}
		return parts.join('');
	}

	/**
	 * A half-masked MAC's placeholder: the full MAC of the log whose bytes left it matches, when
	 * there is exactly one, so that both read as one device; else a placeholder of its own.
	 */
	private maskedMac(bytes: string[]): string {
		let found: string | null = null;
		for (const full of this.fullMacs) {
			const fb = full.split(':');
			if (bytes.every((b, i) => b === '**' || b === fb[i])) {
				if (found !== null) {
					found = null;
					break;
				}
				found = full;
			}
		}
		return this.placeholder('mac', found ?? bytes.join(':'));
	}

	/**
	 * NFS exports and SMB shares (NFS_EXPORT, SMB_UNC_PATH, SMB_URL_PATH): the server a host, the
	 * folders shares or users (sharePath)
	 */
	private shares(t: string): string {
		if (t.indexOf(':/') !== -1 && /nfs/i.test(t))
			t = this.outside(
				t,
				NFS_EXPORT,
				(_m, server: string, path: string) => `${this.server(server)}:${this.sharePath(path, '/')}`
			);
		if ((t.indexOf('\\\\') !== -1 || t.indexOf('//') !== -1) && /cifs|smb/i.test(t)) {
			t = this.outside(
				t,
				SMB_UNC_PATH,
				(_m, server: string, path: string) =>
					`\\\\${this.server(server)}${this.sharePath(path, '\\')}`
			);
			t = this.outside(
				t,
				SMB_URL_PATH,
				(_m, server: string, path: string) => `//${this.server(server)}${this.sharePath(path, '/')}`
			);
		}
		return t;
	}

	/** a file server's name (addresses are left to their passes) */
	private server(s: string): string {
		return learnable(s) && !s.startsWith('[') && /[a-z]/i.test(s)
			? this.placeholder('host', s.toLowerCase())
			: s;
	}

	/**
	 * the folders of an export or a share, SHARE_DIRS kept, the one after HOME_DIRS a user, a
	 * learned name as that name
	 */
	private sharePath(path: string, sep: string): string {
		const parts = path.split(sep);
		for (let i = 0; i < parts.length; i++) {
			const p = parts[i];
			const lower = p.toLowerCase();
			if (p.length < 3 || /^\d+$/.test(p) || SHARE_DIRS.has(lower) || SHARE_DIR_NUMBERED.test(p))
				continue;
			if (i > 0 && HOME_DIRS.has(parts[i - 1].toLowerCase())) {
				if (learnable(p)) parts[i] = this.placeholder('user', lower);
				continue;
			}
			// a name learned from the log keeps its placeholder (`/export/alice` of the user alice)
			const known = this.nameKind.get(lower);
			parts[i] = this.placeholder(known ?? 'share', lower);
		}
		return parts.join(sep);
	}

	/**
	 * A dotted name in a private domain (privateDomain): `alice-pc.corp.example.com` →
	 * `<host-1>.<domain-1>`, `alice-pc.local` → `<host-1>.local`; a service's first label (`ntp`)
	 * is kept
	 */
	private privateName(m: string): string {
		const labels = m.split('.');
		const priv = privateDomain(labels);
		if (!priv) return m;
		const host = labels.slice(0, priv.at).join('.');
		const rest = labels.slice(priv.at).join('.');
		const hostOut =
			SERVICE_HOSTS.has(host.toLowerCase()) ||
			SERVICE_LABELS.has(host.toLowerCase()) ||
			!learnable(host)
				? host
				: this.placeholder('host', host.toLowerCase());
		return `${hostOut}.${priv.domain === null ? rest : this.placeholder('domain', priv.domain.toLowerCase())}`;
	}

	private mac(m: string): string {
		const key = m.toLowerCase();
		if (key === '00:00:00:00:00:00' || keptMac(key)) return m;
		return this.placeholder('mac', key);
	}

	/** a colon-separated byte run: one MAC, an EUI-64, or the iptables `MAC=` dst:src:type */
	private macs(m: string): string {
		const bytes = m.split(':');
		if (bytes.length === 14) {
			return `${this.mac(bytes.slice(0, 6).join(':'))}:${this.mac(bytes.slice(6, 12).join(':'))}:${bytes[12]}:${bytes[13]}`;
		}
		return this.mac(m);
	}

	private ipv4(m: string, offset: number, whole: string): string {
		const parts = m.split('.').map(Number);
		if (parts.some((p) => p > 255)) return m;
		if (m === '0.0.0.0' || parts[0] === 127 || keptIpv4(parts) || this.releases.has(m)) return m;
		// firmware and driver versions look like addresses: `version 7.45.41.23`
		if (precededBy(VERSION_BEFORE, whole, offset, 40)) return m;
		return this.placeholder('ipv4', m);
	}

	private ipv6(m: string): string {
		const halves = m.split('::');
		if (halves.length > 2) return m;
		const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
		if (groups.some((g) => g === '')) return m;
		if (halves.length === 1 ? groups.length !== 8 : groups.length > 7) return m;
		if (m === '::' || m === '::1') return m;
		// `a::b` in program text is no address: ask for a real-looking group or three groups
		if (groups.length < 3 && !groups.some((g) => g.length >= 3)) return m;
		if (keptIpv6(halves)) return m;
		return this.placeholder('ipv6', m.toLowerCase());
	}

	/** Replace matches of `re` in the parts of `s` that are not placeholders already. */
	private outside(s: string, re: RegExp, fn: (m: string, ...groups: never[]) => string): string {
		re.lastIndex = 0;
		const replace = (part: string) =>
			part.replace(re, fn as (m: string, ...rest: unknown[]) => string);
		if (!re.global || s.indexOf('<') === -1) return replace(s);
		return outsideSpans(s, PLACEHOLDER, replace);
	}

	/** Anonymize every string of a report (a new object; the input is not changed). */
	report(r: AnalysisResult): AnalysisResult {
		// the full MACs the report quotes, for a report made without a NameCollector
		// and its kernel releases
		const seen = (v: unknown, key: string): void => {
			if (typeof v === 'string') {
				addFullMacs(v, this.fullMacs);
				if (RELEASE_KEYS.has(key)) this.releases.add(v);
			} else if (Array.isArray(v)) v.forEach((x) => seen(x, key));
			else if (v !== null && typeof v === 'object')
				for (const [k, x] of Object.entries(v)) seen(x, k);
		};
		seen(r, '');
		const walk = (v: unknown, key: string): unknown => {
			if (typeof v === 'string')
				return SKIP_KEYS.has(key) ||
					(ID_KEYS.has(key) && FINDING_ID.test(v)) ||
					(key === 'certainty' && CERTAINTIES.has(v))
					? v
					: this.text(v, RELEASE_KEYS.has(key), HARDWARE_KEYS.has(key));
			if (Array.isArray(v)) return SKIP_KEYS.has(key) ? v : v.map((x) => walk(x, key));
			if (v !== null && typeof v === 'object') {
				if (SKIP_KEYS.has(key)) return v;
				const o: Record<string, unknown> = {};
				for (const [k, x] of Object.entries(v)) o[k] = walk(x, k);
				return o;
			}
			return v;
		};
		const out = walk(r, '') as AnalysisResult;
		out.input.anonymization = { enabled: true, replaced: this.replaced };
		return out;
	}
}

/** Anonymize a finished report, with names learned from the whole input. */
export function anonymizeReport(
	r: AnalysisResult,
	learned: LearnedNames = { hosts: [], users: [] },
	opts: AnonymizeOptions = {}
): AnalysisResult {
	return new Anonymizer(learned, opts).report(r);
}
