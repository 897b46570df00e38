/**
 * ChromeOS's Android VM (ARCVM): its SELinux denials are one finding of the VM, not one per domain
 * told to ask a custom ROM's maintainers. Real lines: syslogs-arcvm-console-output.log
 * (CRYP70N1CZ/syslogs `arcvm_console_output`, no licence stated), lines 23, 619, 623, 624, 625,
 * 630, 631, 722 and 725; a phone's: logcat-reports-dmesg-txt.log (Suicide-Squirrel/logcat_reports
 * `dmesg.txt`, no licence stated, Android 9 on a 4.9 kernel) lines 1 and 4742.
 */
import { describe, expect, it } from 'vitest';
import { analyzeLines, findingsOf } from '../support/analyze.ts';

const DMI = '[    0.000000] DMI: ChromiumOS crosvm, BIOS 0 ';
/** syslogs-arcvm-console-output.log line 1, its banner (a log joined after another starts a boot) */
const BANNER =
	'[    0.000000] Linux version 5.10.245-1008429-g8426c769398e (cros-kernel@chromium.org) (Chromium OS 21.0_pre574158 clang version 21.0.0git (/mnt/host/source/src/third_party/llvm-project/clang 423ff19b231694eca51881fd92e0099c0a93d64c), LLD 21.0.0 (/mnt/host/source/src/third_party/llvm-project/llvm 423ff19b231694eca51881fd92e0099c0a93d64c)) #1 SMP PREEMPT Mon, 2 Mar 2026 05:24:56 -0800';
/** logcat-reports-dmesg-txt.log lines 1 and 4742: a phone's first line and its denial */
const PHONE = [
	'[   14.695068] [pid:1,cpu6,init][I/FUSB3601_TAG] FUSB3601_dual_role_get_prop - 0',
	'[   25.501831] [pid:477,cpu0,logd.auditd]type=1400 audit(1560231283.891:30): avc: denied { dac_override } for pid=567 comm="usb@1.0-service" capability=1 scontext=u:r:hal_usb_default:s0 tcontext=u:r:hal_usb_default:s0 tclass=capability permissive=0'
];
const DENIALS = [
	'[    3.658503] audit: type=1400 audit(1779417719.357:4): avc:  denied  { relabelto } for  pid=115 comm="ueventd" name="debug" dev="sysfs" ino=1103 scontext=u:r:ueventd:s0 tcontext=u:object_r:debugfs:s0 tclass=dir permissive=0',
	'[    3.915273] audit: type=1400 audit(1779417719.610:5): avc:  denied  { sys_admin } for  pid=68 comm="kworker/2:1" capability=21  scontext=u:r:kernel:s0 tcontext=u:r:kernel:s0 tclass=capability permissive=0',
	'[    3.928825] audit: type=1400 audit(1779417719.614:6): avc:  denied  { sys_admin } for  pid=58 comm="kworker/3:1" capability=21  scontext=u:r:kernel:s0 tcontext=u:r:kernel:s0 tclass=capability permissive=0',
	'[    4.012991] audit: type=1400 audit(1779417719.711:7): avc:  denied  { read } for  pid=125 comm="boringssl_self_" name="/" dev="vdb" ino=42 scontext=u:r:vendor_boringssl_self_test:s0 tcontext=u:object_r:vendor_file:s0 tclass=dir permissive=0',
	'[    4.298712] type=1400 audit(1779417719.962:8): avc: denied { read } for comm="vndservicemanag" name="/" dev="vdb" ino=42 scontext=u:r:vndservicemanager:s0 tcontext=u:object_r:vendor_file:s0 tclass=dir permissive=0',
	'[    4.385507] type=1400 audit(1779417720.083:9): avc: denied { sys_admin } for comm="kworker/2:1" capability=21 scontext=u:r:kernel:s0 tcontext=u:r:kernel:s0 tclass=capability permissive=0',
	'[   30.437567] type=1400 audit(1779417748.383:22): avc: denied { write } for comm="ThreadPoolForeg" name="traced_producer" dev="tmpfs" ino=466 scontext=u:r:gmscore_app:s0:c512,c768 tcontext=u:object_r:traced_producer_socket:s0 tclass=sock_file permissive=0 app=com.google.android.gms',
	'[   31.287452] type=1400 audit(1779417749.234:23): avc: denied { write } for comm="ThreadPoolForeg" name="traced_producer" dev="tmpfs" ino=466 scontext=u:r:gmscore_app:s0:c512,c768 tcontext=u:object_r:traced_producer_socket:s0 tclass=sock_file permissive=0 app=com.google.android.gms'
];

describe('SELinux denials in ChromeOS’s Android VM', () => {
	it('are one finding that lists the domains, each domain’s first denial as evidence', async () => {
		const f = await findingsOf([DMI, ...DENIALS]);
		expect(f.map((x) => [x.rule, x.title, x.severity, x.count])).toEqual([
			['security.selinux-denied', 'SELinux denials in ChromeOS’s Android VM (ARCVM)', 'low', 8]
		]);
		const d = f[0];
		expect(d.details.domains).toEqual([
			'kernel',
			'gmscore_app',
			'ueventd',
			'vendor_boringssl_self_test',
			'vndservicemanager'
		]);
		expect(d.evidence.map((e) => e.line)).toEqual([2, 3, 5, 6, 8]);
		expect(d.occurrences).toHaveLength(8);
		expect([d.first_line, d.last_seen.first_line]).toEqual([2, 9]);
		const e = d.explanation;
		expect(e.meaning).toContain('ChromeOS’s Android VM (ARCVM)');
		expect(e.meaning).toContain(
			'denied 8 accesses of 5 domains (`kernel` 3, `gmscore_app` 2, `ueventd` 1, `vendor_boringssl_self_test` 1, `vndservicemanager` 1;'
		);
		// the machine's words: no custom ROM, GSI or device maker, ChromeOS's update and feedback
		expect(
			`${e.meaning} ${e.causes.map((c) => c.text).join(' ')} ${e.next_steps.join(' ')}`
		).not.toMatch(/custom ROM|GSI|device maker|vendor builds/);
		expect(e.next_steps.join(' ')).toContain('update ChromeOS');
		expect(e.next_steps.join(' ')).toContain('Alt+Shift+I');
		// one denial's facts (the first's: `ueventd` relabelling `debugfs`) are not the 5 domains'
		expect(d.details).toEqual({
			permissions: null,
			comm: null,
			name: null,
			scontext: null,
			tcontext: null,
			tclass: null,
			permissive: false,
			domains: d.details.domains
		});
	});

	it('of one domain are the VM’s finding too', async () => {
		const f = await findingsOf([DMI, DENIALS[0]]);
		expect(f.map((x) => [x.title, x.count, x.details.domains])).toEqual([
			['SELinux denials in ChromeOS’s Android VM (ARCVM)', 1, ['ueventd']]
		]);
		expect(f[0].explanation.meaning).toContain('denied 1 access of 1 domain (`ueventd` 1;');
		// one domain's one denial: its facts are the finding's
		expect([f[0].details.comm, f[0].details.scontext]).toEqual(['ueventd', 'u:r:ueventd:s0']);
	});

	it('are told by each boot’s machine in a log joined from a phone’s and the VM’s', async () => {
		const titles = (r: Awaited<ReturnType<typeof analyzeLines>>) =>
			r.findings.filter((x) => x.rule === 'security.selinux-denied').map((x) => [x.title, x.boots]);
		// the phone's log first: the log's hypervisor is the VM's (its first named), the phone's boot
		// none
		const phoneFirst = await analyzeLines([...PHONE, BANNER, DMI, ...DENIALS]);
		expect(phoneFirst.metadata.hypervisor).toBe('crosvm');
		expect(phoneFirst.metadata.boots.map((b) => [b.index, b.hypervisor])).toEqual([
			[0, null],
			[1, 'crosvm']
		]);
		expect(titles(phoneFirst)).toEqual([
			['SELinux denials for domain hal_usb_default', [0]],
			['SELinux denials in ChromeOS’s Android VM (ARCVM)', [1]]
		]);
		const vm = phoneFirst.findings.find((x) => x.title.includes('ARCVM'));
		expect(vm?.explanation.meaning).toMatch(
			/^These denials are from boots of this log that are the console of/
		);
		// the VM's log first: the phone's denial after it is still the phone's
		const vmFirst = await analyzeLines([BANNER, DMI, ...DENIALS, ...PHONE]);
		expect(vmFirst.metadata.boots.map((b) => b.hypervisor)).toEqual(['crosvm', null]);
		expect(titles(vmFirst)).toEqual([
			['SELinux denials in ChromeOS’s Android VM (ARCVM)', [0]],
			['SELinux denials for domain hal_usb_default', [1]]
		]);
	});

	it('stay one finding per domain on a phone (no crosvm)', async () => {
		const f = await findingsOf(DENIALS);
		expect(f.map((x) => x.title)).toEqual([
			'SELinux denials for domain ueventd',
			'SELinux denials for domain kernel',
			'SELinux denials for domain vendor_boringssl_self_test',
			'SELinux denials for domain vndservicemanager',
			'SELinux denials for domain gmscore_app'
		]);
	});
});
