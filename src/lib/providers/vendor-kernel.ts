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
	report: 'the device maker’s support or the custom ROM’s developers'
};

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
	[/android|-[gq]?gki\b|cyanogenmod|lineage/i, DEVICE]
];

/** The vendor a kernel release string names, or null for a mainline or self-built kernel. */
export function kernelVendor(version: string | null | undefined): KernelVendor | null {
	if (!version) return null;
	for (const [re, v] of VENDORS) if (re.test(version)) return v;
	return null;
}

/** the step that tries a newer kernel, for a vendor's kernel */
export const vendorUpdateStep = (v: KernelVendor, version: string): string =>
	`This kernel (\`${version}\`) is built by ${v.name}: ${v.update}, rather than a kernel.org kernel (on a release that gets no more updates, move to a supported one); the vendor backports fixes into its own series, so if the problem is gone, a fix exists.`;

/** the step that reports the crash, for a vendor's kernel */
export const vendorReportStep = (v: KernelVendor): string =>
	`If it persists on the newest update, report it to ${v.report} with the whole report: the kernel’s own maintainers take reports for mainline and stable kernels from kernel.org, and look at a vendor kernel’s only when the bug also happens on one of those.`;
