/**
 * Who provides a kernel, read from its release string (`uname -r`, the `Linux version` banner, a
 * report's `CPU: … 5.13.0-30-generic #33-Ubuntu` line): a distribution's or a device maker's
 * build carries their marks; anything else (a kernel.org release, `-rc`, `-next`, a git
 * describe such as `-00062-g00bf5d83b483-dirty`, a local suffix) is taken for mainline or
 * self-built. A vendor kernel is fixed by its vendor's updates (which backport fixes into their
 * own series) and reported to that vendor; kernel.org's stable kernels and the upstream
 * maintainers are for mainline kernels (docs.kernel.org/admin-guide/reporting-issues.html).
 */
export interface KernelVendor {
	/** who builds it, as the advice names them */
	name: string;
	/** how its user gets a newer build */
	update: string;
	/** where its user reports a bug */
	report: string;
	/**
	 * how fixes reach it and what a newer build tells, when not the distributions' way (the
	 * vendor backports fixes into its own series)
	 */
	fixes?: string;
	/**
	 * a phone's or tablet's kernel (an Android device's, a custom kernel flashed over it): its
	 * owner cannot build it, and crash advice starts with what they can do (heuristic.ts)
	 */
	device?: true;
}

const distribution = (name: string, update: string, report: string): KernelVendor => ({
	name,
	update,
	report
});

const DEVICE: KernelVendor = {
	name: 'the device maker (an Android or vendor device kernel)',
	update:
		'install the device’s newest system update (or the custom ROM’s newest build, if you flashed one)',
	report: 'the device maker’s support or the custom ROM’s developers',
	device: true
};

/**
 * A kernel a board vendor builds from a chip maker's BSP (board support package) for its boards,
 * or a distribution for such boards rebuilds: fixed by the board's or distribution's newest
 * image or kernel package, and reported on their forum or tracker (the chip maker's own kernel is
 * not kernel.org's, and neither are its drivers).
 */
const board = (name: string, update: string, report: string): KernelVendor => ({
	name,
	update,
	report
});

/**
 * a chip maker's BSP kernel gets few fixes, and many of its boards also run a kernel close to
 * mainline (Armbian's `current`/`edge` branches, the distributions' own): that one tells the BSP's
 * bugs from the kernel's
 */
const BSP_FIXES =
	'a BSP kernel gets few fixes: if the newest does not help and the board also runs a kernel close to mainline (Armbian’s `current` or `edge` branch, a distribution’s own), try that one; if the problem is gone there, it is the BSP’s';

const BOARD_UPDATE =
	'install the newest kernel package or image for your board from where you got this system (the board vendor’s download page, or the distribution’s updates)';
const BOARD_REPORT =
	'the board vendor’s or the distribution’s forum or issue tracker (wherever this board image came from)';

/**
 * A custom kernel for a device (a third-party build of the device maker's kernel, flashed over
 * it), named in its release: its developers fix and take its bugs, and the device's own kernel
 * tells whether the custom kernel's changes caused one.
 */
function custom(name: string): KernelVendor {
	return {
		name: `the developers of ${name}, a custom kernel (a third-party build of a device’s kernel)`,
		update:
			'flash its newest build, or go back to the device’s own kernel to see whether the problem is the custom kernel’s',
		report: 'the custom kernel’s developers (where you downloaded it)',
		fixes:
			'if its newest build or the device’s own kernel does not show the problem, the custom kernel’s changes caused it',
		device: true
	};
}

/**
 * Kali Linux: its kernel is Debian's, rebuilt, and is updated and reported through Kali (its own
 * tracker, not Debian's reportbug).
 */
const KALI = distribution(
	'Kali Linux (its build of Debian’s kernel)',
	'install its newest kernel update (`sudo apt update && sudo apt full-upgrade`)',
	'Kali’s bug tracker (bugs.kali.org)'
);

/**
 * postmarketOS's kernel packages for phones and tablets (linux-postmarketos-*, a device's
 * downstream kernel, or mainline or linux-next with the device's patches) are built by pmbootstrap
 * as the user `pmos`, their build number the package's release and flavour:
 * `(pmos@host1) (armv7-alpine-linux-musleabihf-gcc (Alpine 10.3.1_git20210424) …)
 * #1-postmarketos-grate` (clamor-s-files-grate-*.log, on a Tegra tablet). The release itself is
 * mainline's (`5.13.0-rc6-next-20210618`).
 */
const POSTMARKETOS: KernelVendor = {
	name: 'postmarketOS (its kernel package for this device)',
	update:
		'install its newest kernel package (`sudo apk upgrade -a`; a kernel you built with `pmbootstrap`: build the newest pmaports anew and flash it)',
	report:
		'postmarketOS’s issue tracker for the device’s kernel package (pmaports, gitlab.postmarketos.org) or its chat',
	fixes:
		'its packages follow newer kernel.org releases with the device’s patches, so if the problem is gone, a fix exists; if it is not, also try the device’s other kernel package if it has one (mainline or downstream)'
};

/**
 * Grml, a live system for system administrators built on Debian: its kernels are its own builds,
 * from its own repository, and their release has Debian's form with a `grml` flavour
 * (`3.10-1-grml-amd64`, jetway-port-dmesg-log.log, whose banner names `(team@grml.org)` and
 * `Debian 3.10.10-1+grml.1`). Its user boots a newer release, or on a system installed from it
 * upgrades from Grml's repository, and reports to Grml, not to Debian's reportbug.
 */
const GRML = distribution(
	'Grml (a live system built on Debian, with its own kernel builds)',
	'boot its newest release (grml.org/download); on a system installed from Grml, install its newest kernel package from Grml’s repository (`apt update && apt full-upgrade`)',
	'Grml’s issue tracker (github.com/grml/grml/issues)'
);

/**
 * Marks of the `Linux version` banner's rest (builder, compiler, build number), read before the
 * release's: a distribution that rebuilds another's kernel or packages a mainline release says so
 * only there. Kali's builder, `(devel@kali.org)`, and its build's `Kali 6.6.9-1kali1`
 * (dfir-sample-files-syslog-1.log: `6.6.9-amd64`, Debian's form); postmarketOS's; Grml's; an Android
 * device's build: Google's and device makers' build hosts (`android-build@`, tf201log-dmesg-txt.log's
 * `(android@…)`), AOSP's compilers (`Android (7284624, based on r416183b) clang version`, its
 * prebuilt GCC 4.9 `gcc version 4.9 20150123 (prerelease)` of logs-a5y17lte-dmesg.log and
 * fishlogs-dmesg-log.log). ChromeOS's (CHROMEOS_BUILD) is read after the release.
 */
const BUILD_VENDORS: ReadonlyArray<[RegExp, KernelVendor]> = [
	[/\(devel@kali\.org\)| Kali \d+\.\d+(?:\.\d+)?-\d+kali\d/, KALI],
	[/\(pmos@[^)]*\)|#\d+-postmarketos\b/i, POSTMARKETOS],
	[/\(team@grml\.org\)|\+grml\.\d/, GRML],
	[
		/\(android(?:-build)?@[^)]*\)|\bAndroid \(\d+,? based on r\d+(?:[a-z]\d*)?\) clang version|\(gcc version 4\.9(?:\.x)?(?:-google)? 20\d{6} \(prerelease\)/,
		DEVICE
	]
];

/** release-string marks, most specific first */
const VENDORS: ReadonlyArray<[RegExp, KernelVendor]> = [
	[
		/\.el\d+/,
		distribution(
			'Red Hat Enterprise Linux or a rebuild of it (CentOS, Rocky Linux, AlmaLinux, Oracle Linux)',
			'install its newest kernel update (`dnf upgrade kernel` or `yum update kernel`)',
			'Red Hat (a support case or bugzilla.redhat.com) or the rebuild’s bug tracker'
		)
	],
	[
		/\.fc\d+/,
		distribution(
			'Fedora',
			'install its newest kernel update (`dnf upgrade --refresh kernel`; `yum update kernel` before Fedora 22)',
			'Fedora’s bug tracker (bugzilla.redhat.com, component kernel)'
		)
	],
	[
		/\.amzn\d/,
		distribution(
			'Amazon Linux',
			'install its newest kernel update (`dnf upgrade kernel` or `yum update kernel`)',
			'AWS support or Amazon Linux’s issue tracker'
		)
	],
	// System76's own build for Pop!_OS: an ABI number of 76 and the version's digits
	// (`6.4.6-76060406-generic`, venroot-logs-dmesg-log.log, built on `warp.pop-os.org`), before
	// Ubuntu's form, which it shares
	[
		/^\d+\.\d+\.\d+-76\d{6}-generic$/,
		distribution(
			'System76 for Pop!_OS',
			'install its newest kernel update (`sudo apt update && sudo apt full-upgrade`, or the Pop!_Shop)',
			'Pop!_OS’s issue tracker (github.com/pop-os) or System76 support'
		)
	],
	[
		/^\d+\.\d+\.\d+-\d+-(?:generic|lowlatency|aws|azure|gcp|gke|oracle|kvm|oem|raspi2?|fips|ibm|nvidia|realtime)\b/,
		distribution(
			'Ubuntu (or a distribution based on it)',
			'install its newest kernel update (`sudo apt update && sudo apt full-upgrade`)',
			'Launchpad (`ubuntu-bug linux`)'
		)
	],
	[
		/-liquorix-/,
		distribution(
			'Liquorix (a third-party kernel for Debian and Ubuntu)',
			'install its newest build from its package repository',
			'the Liquorix project’s issue tracker (github.com/damentz/liquorix-package)'
		)
	],
	// Kali's own builds of Debian's kernel named it until 2023 (`5.10.0-kali7-amd64`,
	// `6.3.0-kali1-amd64`), and its Raspberry Pi kernels do (`5.15.44-Re4son-v8l+`); since then
	// only the banner names its PC kernels (BUILD_VENDORS)
	[/^\d+\.\d+\.\d+-kali\d*-|-Re4son\b/, KALI],
	// Grml's kernels, whose release has Debian's form (`3.10-1-grml-amd64`)
	[/-grml-/, GRML],
	// Deepin's and UOS's kernels (UnionTech): `5.18.17-amd64-desktop-hwe` (intel-audio-dmesg-log.log,
	// a UOS machine), `5.15.77-amd64-desktop-rolling`, `4.19.0-arm64-desktop`
	[
		/^\d+\.\d+\.\d+-(?:amd64|arm64|loong64|mips64el|sw64)-desktop(?:-[a-z]+)?$/,
		distribution(
			'Deepin or UOS (UnionTech’s kernel for them)',
			'install its newest kernel update (`sudo apt update && sudo apt full-upgrade`, or the Control Center’s updates)',
			'Deepin’s issue tracker (github.com/linuxdeepin/developer-center) or, on UOS, UnionTech’s support'
		)
	],
	[
		/\+deb\d|\.bpo\.|\+bpo-|^\d+\.\d+(?:\.\d+)?-(?:\d+-)?(?:[a-z]+-)?(?:amd64|arm64|armmp(?:-lpae)?|686(?:-pae)?|powerpc64le|ppc64el|s390x|marvell|rpi|loong64|riscv64|octeon|[45]kc-malta)$/,
		distribution(
			'Debian (or a distribution based on it)',
			'install its newest kernel update (`sudo apt update && sudo apt full-upgrade`)',
			'Debian’s bug tracker (`reportbug linux`) or your distribution’s'
		)
	],
	[
		/^\d+\.\d+\.\d+-[\d.]+-(?:default|azure|rt|kvmsmall|64kb|vanilla)$/,
		distribution(
			'SUSE (SUSE Linux Enterprise or openSUSE)',
			'install its newest kernel update (`zypper patch` or `zypper dup`)',
			'SUSE support or bugzilla.opensuse.org'
		)
	],
	[
		/-arch\d+-\d+$|-ARCH$|-zen\d+-\d+-zen$|-hardened\d+-\d+-hardened$/,
		distribution(
			'Arch Linux',
			'install its newest kernel (`pacman -Syu`)',
			'Arch Linux’s bug tracker'
		)
	],
	[
		/-pve$/,
		distribution(
			'Proxmox VE',
			'install its newest kernel update (`apt update && apt dist-upgrade`)',
			'Proxmox’s bug tracker or forum'
		)
	],
	[
		/-gentoo\b/,
		distribution(
			'Gentoo (its gentoo-sources)',
			'build its newest gentoo-sources kernel',
			'Gentoo’s bugzilla'
		)
	],
	[
		/^\d+\.\d+\.\d+-v(?:6|7l?|8)\+$/,
		distribution(
			'Raspberry Pi OS (the Raspberry Pi kernel)',
			'install its newest kernel (`sudo apt update && sudo apt full-upgrade`)',
			'the Raspberry Pi kernel’s issue tracker (github.com/raspberrypi/linux)'
		)
	],
	[/android|-[gq]?gki\b|cyanogenmod|lineage/i, DEVICE],
	// Armbian's kernels name their branch and board family: `6.1.63-current-rockchip64`,
	// `6.6.16-edge-sunxi64`, `4.4.213-legacy-rk35xx` (older builds the family alone)
	[
		/-(?:current|edge|legacy|vendor)-[a-z]\w*$/,
		board(
			'Armbian (a distribution for ARM and RISC-V boards)',
			'install its newest kernel (`sudo apt update && sudo apt full-upgrade`, or `armbian-config` to switch its branch)',
			'Armbian’s forum (forum.armbian.com)'
		)
	],
	// a kernel for NVIDIA's Jetson boards (Linux for Tegra, JetPack): `4.9.253-tegra`, `5.10.120-tegra`
	[
		/-tegra$/,
		board(
			'NVIDIA (Jetson Linux, L4T, the kernel of its Jetson boards)',
			'install the newest Jetson Linux (JetPack) release for your module',
			'NVIDIA’s Jetson forums (forums.developer.nvidia.com)'
		)
	],
	// AMD Xilinx's kernel (linux-xlnx, PetaLinux): `5.15.36-xilinx-v2022.2`
	[
		/-xilinx\b/,
		board(
			'AMD Xilinx (linux-xlnx, the kernel of its PetaLinux and Yocto tools)',
			'build the kernel of its newest tools release (linux-xlnx)',
			'AMD Xilinx’s support forums (support.xilinx.com)'
		)
	],
	// BeagleBoard.org's builds of Texas Instruments' kernel: `5.10.168-ti-r72`, `6.1.83-ti-arm64-r63`
	[
		/-ti-(?:\w+-)*r\d+$/,
		board(
			'BeagleBoard.org (its build of Texas Instruments’ kernel for TI boards)',
			'install its newest kernel (`sudo apt update && sudo apt full-upgrade`)',
			'BeagleBoard.org’s forum (forum.beagleboard.org)'
		)
	],
	// a chip maker's BSP kernel, as board vendors ship it: Rockchip's and Allwinner's (`-rockchip`,
	// `-rockchip64`, `-rk35xx`, `-sunxi`, `-sunxi64`), Amlogic's (`-meson64`)
	[
		/-(?:rockchip(?:64)?|rk\d{2}xx|sunxi(?:64)?|meson(?:64)?)(?:-|$)/,
		{
			...board(
				'a board vendor or board distribution (a Rockchip, Allwinner or Amlogic board’s kernel)',
				BOARD_UPDATE,
				BOARD_REPORT
			),
			fixes: BSP_FIXES
		}
	],
	// the BSP kernel of boards with Ky's X1 chip (Orange Pi RV2: `6.6.63-ky`, `Machine model: ky x1
	// orangepi-rv2 board`)
	[
		/-ky$/,
		{
			...board(
				'a board vendor (the BSP kernel of a board with Ky’s X1 chip)',
				BOARD_UPDATE,
				BOARD_REPORT
			),
			fixes: BSP_FIXES
		}
	],
	// the linux-surface project's kernels for Microsoft Surface devices (`5.3.8-2-surface-ipts-test`
	// on a Surface Pro 7, linux-surface-pro-7-dump-*.log)
	[
		/-surface\b/,
		{
			name: 'the linux-surface project (kernels patched for Microsoft Surface devices)',
			update: 'install its newest kernel from the linux-surface package repository',
			report: 'the linux-surface issue tracker (github.com/linux-surface/linux-surface)'
		}
	],
	// custom kernels named in their release: iamslightlywin-dump-last-kmsg.log's Samsung tablet ran
	// `4.19.113-Amnesty11` (its oops lines) and then `4.19.113~Windstation+` (built by a CI runner)
	[/~Windstation\b/, custom('Windstation')],
	[/^\d+\.\d+\.\d+-Amnesty\d*\+?$/, custom('Amnesty')]
];

/**
 * ChromeOS's kernels (`5.10.245-1008429-g8426c769398e`, `6.6.119-09226-gd21866c9e0f4`) carry no
 * mark in their release, whose form a git build of kernel.org's tree has too: the banner names
 * the builder, `(cros-kernel@chromium.org)`, and the compiler, `Chromium OS … clang` (syslogs-*.log
 * of a Chromebook and of its Android VM, ARCVM).
 */
const CHROMEOS_BUILD = /\(cros-kernel@chromium\.org\)|\(Chromium OS [^)]*clang/;

const CHROMEOS: KernelVendor = {
	name: 'Google (ChromeOS)',
	update:
		'let ChromeOS update itself (Settings, About ChromeOS, Check for updates; a newer channel has newer kernels)',
	report:
		'Google with ChromeOS’s feedback tool (Alt+Shift+I, which files it on the Chromium issue tracker, issues.chromium.org, crbug)'
};

/**
 * The vendor a kernel release string names, or null for a mainline or self-built kernel. `build`,
 * the rest of that kernel's `Linux version` banner (builder, compiler, build number), names
 * Kali's, postmarketOS's, an Android device's (BUILD_VENDORS, before the release) and ChromeOS's
 * (after it).
 */
export function kernelVendor(
	version: string | null | undefined,
	build?: string | null
): KernelVendor | null {
	if (!version) return null;
	if (build) for (const [re, v] of BUILD_VENDORS) if (re.test(build)) return v;
	for (const [re, v] of VENDORS) if (re.test(version)) return v;
	if (build && CHROMEOS_BUILD.test(build)) return CHROMEOS;
	return null;
}

/** the step that tries a newer kernel, for a vendor's kernel */
export const vendorUpdateStep = (v: KernelVendor, version: string): string =>
	`This kernel (\`${version}\`) is built by ${v.name}: ${v.update}, rather than a kernel.org kernel (on a release that gets no more updates, move to a supported one); ${v.fixes ?? 'the vendor backports fixes into its own series, so if the problem is gone, a fix exists'}.`;

/**
 * the step that reports the crash, for a vendor's kernel: `when` it is to be reported (the
 * generic step's `If it persists on the newest update`, a variant's own condition) and `what`
 * goes with it
 */
export const vendorReportStep = (
	v: KernelVendor,
	when = 'If it persists on the newest update',
	what = 'the whole report'
): string =>
	`${when}, report it to ${v.report} with ${what}: the kernel’s own maintainers take reports for mainline and stable kernels from kernel.org, and look at a vendor kernel’s only when the bug also happens on one of those.`;
