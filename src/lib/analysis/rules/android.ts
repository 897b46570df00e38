/**
 * Lines that only Android's user space writes to the kernel log (through /dev/kmsg): a log with one
 * of them is an Android device's (a phone or tablet; also Ubuntu Touch and ChromeOS's Android VM,
 * which run Android's init and services). Its findings then get the phone's explanation where a
 * rule has one (LineRule.android): a phone has no package of firmware to install and no way to
 * check a mounted partition. The SELinux contexts are those by which security.selinux-denied
 * tells Android's denials apart; the low-memory killer's lines are memory.android-lmk-kill's.
 */
export interface PlatformMarker {
	/** literal that occurs in every such line (the prefilter) */
	literal: string;
	/** tested against the message text when the literal occurs; must run in linear time */
	pattern: RegExp;
	/** real message lines that must match */
	examples: string[];
}

/** a daemon's tag at the start of the message or after a vendor prefix (`[1] ueventd: …`) */
const tag = (name: string): RegExp => new RegExp(`(?:^|[\\s\\]])${name}: `);

export const ANDROID_MARKERS: readonly PlatformMarker[] = [
	{
		// Android's SELinux policy: `u:r:<domain>:s0` (apps' `…:s0:c512,c768`), in audit records
		// and in init's lines. ChromeOS writes its own domains and types so too (`cros_…`,
		// `chromeos_…`: syslogs-syslog.log, a Chromebook): those are not Android's.
		literal: 'u:r:',
		pattern: /(?:^|[\s'"=(])u:r:(?!cros_|chromeos)\w+:s0\b/,
		examples: [
			// logcat-reports-dmesg-txt.log (a Huawei phone): the USB HAL's denial, printed by logd's
			// auditd, and init's subcontext
			'[pid:477,cpu0,logd.auditd]type=1400 audit(1560231283.891:30): avc: denied { dac_override } for pid=567 comm="usb@1.0-service" capability=1 scontext=u:r:hal_usb_default:s0 tcontext=u:r:hal_usb_default:s0 tclass=capability permissive=0',
			"[pid:1,cpu7,init]init: Forked subcontext for 'u:r:vendor_init:s0' with pid 386"
		]
	},
	{
		literal: 'u:object_r:',
		pattern: /(?:^|[\s'"=(])u:object_r:(?!cros_|chromeos)\w+:s0\b/,
		examples: [
			// syslogs-arcvm-console-output.log (ChromeOS's Android VM)
			'audit: type=1400 audit(1779417719.357:4): avc:  denied  { relabelto } for  pid=115 comm="ueventd" name="debug" dev="sysfs" ino=1103 scontext=u:r:ueventd:s0 tcontext=u:object_r:debugfs:s0 tclass=dir permissive=0'
		]
	},
	{
		// Android's init, first stage (Android 10 and later)
		literal: 'init: init first stage started',
		pattern: /^init: init first stage started/,
		// logs-a5y17lte-dmesg.log (Samsung Galaxy A5 2017)
		examples: ['init: init first stage started!']
	},
	{
		// Android's init before 8: a service of init.rc whose program is not there
		literal: "init: cannot find '/system/",
		pattern: /^init: cannot find '\/system\//,
		// tf201log-dmesg-txt.log (Asus Transformer Prime)
		examples: ["init: cannot find '/system/etc/install-recovery.sh', disabling 'flash_recovery'"]
	},
	{
		// Android's device manager (it also loads firmware for drivers)
		literal: 'ueventd: ',
		pattern: tag('ueventd'),
		examples: [
			// logcat-reports-panel-dark-dmesg-txt.log (LG G4, a vendor prefix before the tag)
			"<14>[ 6971.215463 / 02-10 03:51:45.820][1] ueventd: firmware: loading 'adsp.mdt' for '/devices/virtual/firmware/adsp.mdt'"
		]
	},
	{
		// Android's battery and health service
		literal: 'healthd: ',
		pattern: tag('healthd'),
		examples: [
			// androiddmesg-dmesg-txt.log
			'healthd: battery l=76 v=4074 t=33.2 h=2 st=2 c=533 fc=5058000 cc=110 chg=u',
			// ubtouch-dmesg-dmesg.log (Ubuntu Touch, Android's services in a container)
			'healthd: wakealarm_init: timerfd_create failed'
		]
	},
	{
		// Android's log daemon (not syslogd or klogd: the tag starts the word)
		literal: 'logd: ',
		pattern: tag('logd'),
		// androiddmesg-dmesg-txt.log
		examples: ['logd: SocketClient: write error (Broken pipe)']
	},
	{
		// Android's low-memory killer (lmkd, or the kernel driver of older Android)
		literal: 'lowmemorykiller: ',
		pattern: tag('lowmemorykiller'),
		examples: ["lowmemorykiller: Killing 'com.android.browser' (1234), adj 1000,"]
	}
];
