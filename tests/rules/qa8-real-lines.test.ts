/**
 * Findings users missed in the real-log corpus (shared/corpus/real), with short verbatim
 * excerpts.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

describe('VirtualBox Guest Additions that do not match the vboxguest driver', () => {
	// logging-syslog.log lines 1150, 1576, 1586, 1591, 1597-1598 (Ubuntu 18.04 guest, kernel
	// 4.15; the same lines at 3 boots of logging-kern-log-1.log)
	const lines = [
		'Jan 16 11:42:44 rakeshelk-VirtualBox kernel: [   13.065552] vboxguest: Successfully loaded version 5.2.8_KernelUbuntu (interface 0x00010004)',
		'Jan 16 11:43:13 rakeshelk-VirtualBox kernel: [   49.925752] vboxsf: Successfully loaded version 5.2.8_KernelUbuntu (interface 0x00010004)',
		'Jan 16 11:43:15 rakeshelk-VirtualBox kernel: [   51.764392] 06:13:15.475834 main     VBoxService 6.0.0 r127566 (verbosity: 0) linux.amd64 (Dec 18 2018 12:44:47) release log',
		'Jan 16 11:43:15 rakeshelk-VirtualBox kernel: [   51.764504] 06:13:15.475971 main     Executable: /opt/VBoxGuestAdditions-6.0.0/sbin/VBoxService',
		'Jan 16 11:43:15 rakeshelk-VirtualBox kernel: [   51.815673] 06:13:15.527104 main     Error: Failed to become guest control master: VERR_VERSION_MISMATCH',
		"Jan 16 11:43:15 rakeshelk-VirtualBox kernel: [   51.815943] 06:13:15.527407 main     Error: Service 'control' failed to initialize: VERR_VERSION_MISMATCH"
	];

	it('is one low finding naming the service and the kernel driver’s version', async () => {
		const f = await findingsOf(lines);
		expect(f.map((x) => [x.rule, x.title, x.severity, x.count])).toEqual([
			[
				'other.vbox-guest-version-mismatch',
				'VirtualBox Guest Additions do not match the vboxguest driver or the host',
				'low',
				2
			]
		]);
		expect(f[0].details).toMatchObject({
			service: 'control',
			services: ['control'],
			vboxguest_version: '5.2.8_KernelUbuntu'
		});
		expect(f[0].explanation.meaning).toMatch(/guest control does not work/);
		expect(f[0].explanation.next_steps.join(' ')).toMatch(/Guest Additions for the running kernel/);
	});

	it('says nothing when the Guest Additions and their driver match', async () => {
		// dioxis33-errors-dmesg-txt.log (Guest Additions 7.0.12 with their own vboxguest)
		const f = await findingsOf([
			'[    4.935998] vboxguest: Successfully loaded version 7.0.12 r159484 (interface 0x00010004)',
			'[    5.697539] 21:52:48.780512 main     VBoxService 7.0.12 r159484 (verbosity: 0) linux.amd64 (Oct 12 2023 18:54:58) release log'
		]);
		expect(f).toEqual([]);
	});
});
