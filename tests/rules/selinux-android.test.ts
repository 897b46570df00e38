/**
 * Advice review: every SELinux denial of the real-log corpus is Android's (contexts
 * `u:r:<domain>:s0`), and all had been told to run ausearch, restorecon and setsebool, tools an
 * Android device does not have, on a policy its owner cannot change. Verbatim lines of
 * logcat-reports-dmesg-txt.log (a phone's USB HAL service, lines printed by logd's auditd) and
 * syslogs-arcvm-console-output.log (ChromeOS's Android VM); the first line of the rule's examples
 * (a Fedora-style denial) keeps the desktop advice.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/analyze.ts';

const RULE = 'security.selinux-denied';

const selinux = async (lines: string[]) => {
	const f = (await findingsOf(lines)).filter((x) => x.rule === RULE);
	expect(f).toHaveLength(1);
	return f[0];
};

describe('SELinux denials on Android', () => {
	it('a phone’s HAL service (logcat-reports-dmesg-txt.log) gets Android’s advice', async () => {
		const f = await selinux([
			'[   25.501831] [pid:477,cpu0,logd.auditd]type=1400 audit(1560231283.891:30): avc: denied { dac_override } for pid=567 comm="usb@1.0-service" capability=1 scontext=u:r:hal_usb_default:s0 tcontext=u:r:hal_usb_default:s0 tclass=capability permissive=0'
		]);
		const steps = f.explanation.next_steps.join('\n');
		expect(f.explanation.meaning).toMatch(/^Android’s SELinux policy/);
		expect(steps).toContain('adb logcat -d | grep "avc: denied"');
		expect(steps).toContain('adb shell getenforce');
		expect(steps).not.toContain('ausearch');
		expect(steps).not.toContain('restorecon');
		expect(steps).not.toContain('setsebool');
		expect(f.explanation.references[0]).toBe(
			'https://source.android.com/docs/security/features/selinux'
		);
		expect(f.severity).toBe('low');
	});

	it('so does ChromeOS’s Android VM (syslogs-arcvm-console-output.log)', async () => {
		const f = await selinux([
			'[    3.658503] audit: type=1400 audit(1779417719.357:4): avc:  denied  { relabelto } for  pid=115 comm="ueventd" name="debug" dev="sysfs" ino=1103 scontext=u:r:ueventd:s0 tcontext=u:object_r:debugfs:s0 tclass=dir permissive=0'
		]);
		expect(f.explanation.next_steps[0]).toBe(
			'If the device works as it should, nothing needs doing.'
		);
	});

	it('so does a garbled denial that lost its scontext (cykeek-stuff-console-ramoops-0.log)', async () => {
		// line 460, as decoded (a console-ramoops whose bytes decayed): `scontext` reads `sc\x7fntext`,
		// the target's context is intact
		const f = await selinux([
			'type=1400 audit(34750143.199:47): avc: denied { read } for \ufffdom}="rucov\ufffdry" naMe=\ufffdte\ufffdp" de~="s\ufffdsfs" \ufffdnk=36834 sc\x7fntext=u:r:recovery:s0 tcontext=u:object_r:sysfs:s0 tclass=fine permiwsyve=1'
		]);
		expect(f.details.scontext).toBeNull();
		expect(f.explanation.meaning).toMatch(/^Android’s SELinux policy/);
	});

	it('a desktop’s denial keeps the audit tools', async () => {
		const f = await selinux([
			'audit: type=1400 audit(1700000000.123:456): avc:  denied  { read } for  pid=1234 comm="httpd" name="index.html" dev="sda1" ino=12345 scontext=system_u:system_r:httpd_t:s0 tcontext=unconfined_u:object_r:user_home_t:s0 tclass=file permissive=0'
		]);
		expect(f.explanation.next_steps[0]).toContain('ausearch -m avc');
		expect(f.explanation.meaning).not.toContain('Android');
	});
});
