import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeStream, analyzeText, formatJson, formatText } from '../../src/lib/index.ts';
import { REPORT_SCHEMA } from '../../src/lib/output/schema.ts';
import { formatMarkdown } from '../../src/lib/output/markdown.ts';
import { SATYR08_SYSFS_SELF_REMOVAL } from '../support/excerpts.ts';

/** Pieces of real kernel output, so random logs reach the parsers' interesting paths. */
const FRAGMENTS = [
	'[    0.000000] Linux version 6.6.4-arch1-1 (linux@archlinux) (gcc 13.2.1) #1 SMP',
	'[   71.427811] WARNING: CPU: 0 PID: 37 at drivers/gpu/drm/radeon/radeon_gart.c:235 radeon_gart_unbind+0xca/0xe0 [radeon]()',
	'[   71.427921] Call Trace:',
	'[   71.427930]  [<ffffffff81662d11>] dump_stack+0x45/0x56',
	'[   71.427937]  ? ttm_bo_mem_space+0x116/0x340 [ttm]',
	'[   71.428054] ---[ end trace 6ebc60ef3981792f ]---',
	'[  772.918915] BUG: unable to handle kernel paging request at ffff88002bde1e40',
	'[  772.919010] RIP: 0010:[<ffffffff82d4e304>]  [<ffffffff82d4e304>] __memset+0x24/0x30',
	'[   53.730124] BUG: KASAN: use-after-free in aead_recvmsg+0x1758/0x1bc0',
	'[   53.736605] Read of size 4 at addr ffff8801c1afdb5c by task syz-executor5/3568',
	'[  584.319520][   T31] INFO: task udevd:5612 blocked for more than 143 seconds.',
	'[ 1418.056449][ T6604] Unable to handle kernel paging request at virtual address dfffa00000000003',
	'<6>[    0.000000] Command line: ro root=/dev/sda1',
	'Nov 23 10:00:00 host kernel: [ 1.2] Out of memory: Killed process 44321 (python) total-vm:2162580kB, anon-rss:80708kB',
	'Nov 23 10:00:01 host systemd[1]: Started foo.service.',
	'2024-11-23T23:15:01.123456+01:00 myhost kernel: blk_update_request: I/O error, dev sda, sector 1445018928',
	'-- Boot 3f2a9c1d0b7e4f5a8c6d2e1f0a9b8c7d --',
	'6,339,5140900,-;NET: Registered protocol family 10',
	' SUBSYSTEM=acpi',
	'Kernel panic - not syncing: Fatal exception',
	'a.out[25311]: segfault at 0 ip 0000000000400546 sp 00007fff2fb08610 error 4 in a.out[400000+1000]',
	'',
	'   ',
	'\u001b[31m[    1.000000] colour\u001b[0m',
	'<script>alert(1)</script>',
	'[[[[[[[[[[[[[[[[[[[[[[[',
	'Panic#1 Part1'
];

const line = fc.oneof(
	{ weight: 5, arbitrary: fc.constantFrom(...FRAGMENTS) },
	{ weight: 2, arbitrary: fc.string({ maxLength: 80 }) },
	{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
	{
		weight: 2,
		arbitrary: fc
			.tuple(fc.constantFrom(...FRAGMENTS), fc.nat(200), fc.string({ maxLength: 10 }))
			.map(([f, at, s]) => f.slice(0, at % (f.length + 1)) + s + f.slice(at % (f.length + 1)))
	}
);
const log = fc
	.tuple(fc.array(line, { maxLength: 60 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
	.map(([ls, nl, finalNewline]) => ls.join(nl) + (finalNewline && ls.length ? nl : ''));

/**
 * Runs of real lines of the shapes the analysis learned lately, whole, cut or mutated as a line
 * is above: ChromeOS's Android VM (its DMI line and SELinux denials, folded per boot), the
 * hypervisor named again in a later boot, a syslog whose kernel lines have wall-clock time and no
 * kernel time (the timeline's time axis), lockdep's sysfs self-removal report (satyr-gitlog-08),
 * a call trace with its stack-switch markers, and log text (backticks, `|`, HTML, terminal
 * escapes, bidi controls) in the values the System section shows.
 */
const BLOCKS: string[][] = [
	// syslogs-arcvm-console-output.log line 1's DMI and two of its denials
	[
		'[    0.000000] DMI: ChromiumOS crosvm, BIOS 0 ',
		'[    3.658503] audit: type=1400 audit(1779417719.357:4): avc:  denied  { relabelto } for  pid=115 comm="ueventd" name="debug" dev="sysfs" ino=1103 scontext=u:r:ueventd:s0 tcontext=u:object_r:debugfs:s0 tclass=dir permissive=0',
		'[    4.298712] type=1400 audit(1779417719.962:8): avc: denied { read } for comm="vndservicemanag" name="/" dev="vdb" ino=42 scontext=u:r:vndservicemanager:s0 tcontext=u:object_r:vendor_file:s0 tclass=dir permissive=0'
	],
	// a phone's denial (logcat-reports-dmesg-txt.log line 4742)
	[
		'[   25.501831] [pid:477,cpu0,logd.auditd]type=1400 audit(1560231283.891:30): avc: denied { dac_override } for pid=567 comm="usb@1.0-service" capability=1 scontext=u:r:hal_usb_default:s0 tcontext=u:r:hal_usb_default:s0 tclass=capability permissive=0'
	],
	// a hypervisor in each boot
	[
		'[    0.000000] Linux version 5.15.0-91-generic (buildd@lcy02-amd64-045) (gcc 11.4.0) #101-Ubuntu SMP',
		'[    0.000000] DMI: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.15.0-1 04/01/2014',
		'[    0.000000] Hypervisor detected: KVM'
	],
	[
		'-- Boot 8d2c1f0e9b7a4c3d2e1f0a9b8c7d6e5f --',
		'[    0.000000] Hypervisor detected: Microsoft Hyper-V'
	],
	// wall-clock time only (logs-srv-messages.log's shape)
	[
		'Nov 21 11:58:33 srv1 kernel: unregister_netdevice: waiting for lo to become free. Usage count = 1',
		'Nov 21 12:00:00 srv1 systemd[1]: Started Session 1 of user root.',
		'Nov 21 15:24:24 srv1 kernel: unregister_netdevice: waiting for lo to become free. Usage count = 1'
	],
	SATYR08_SYSFS_SELF_REMOVAL,
	// a WARNING whose trace switches stacks
	[
		'[    5.000000] WARNING: CPU: 0 PID: 1 at drivers/net/x.c:10 f+0x1/0x2',
		'[    5.000001] CPU: 0 PID: 1 Comm: sh Not tainted 6.1.0 #1',
		'[    5.000002] Call Trace:',
		'[    5.000003]  <IRQ>',
		'[    5.000004]  g+0x1/0x2',
		'[    5.000005]  </IRQ>',
		'[    5.000006]  <TASK>',
		'[    5.000007]  h+0x1/0x2 [m]',
		'[    5.000008]  </TASK>',
		'[    5.000009] ---[ end trace 0000000000000000 ]---'
	]
];
/** log text the reports must keep inert, inside the values of the System section */
const HOSTILE = fc.constantFrom(
	'`',
	'``',
	'`'.repeat(9),
	'|',
	'\\|',
	'<script>alert(1)</script>',
	'[a](javascript:alert(1))',
	'\u001b[31m',
	'\u001b]8;;https://x\u0007',
	'\u202e',
	'\u2067',
	'\u200f',
	'\u0000',
	'\u0085',
	'v'.repeat(300)
);
const SYSTEM = fc
	.tuple(fc.constantFrom(0, 1, 2, 3, 4), HOSTILE)
	.map(
		([which, h]) =>
			[
				[`[    0.000000] Linux version 6.1.0-${h} (b${h}@h) (gcc ${h}) #1 SMP ${h}`],
				[`[    0.000000] Command line: BOOT_IMAGE=/vmlinuz ${h} root=/dev/sda`],
				[`[    0.000000] DMI: Vendor ${h} Board/${h}, BIOS ${h} 01/01/2020`],
				[`[    0.000000] Hypervisor detected: ${h}`],
				[`[    5.000001] Modules linked in: a${h} b ${h}`]
			][which]
	);
const block = fc.oneof(
	{ weight: 3, arbitrary: fc.constantFrom(...BLOCKS) },
	{ weight: 2, arbitrary: SYSTEM },
	{
		weight: 2,
		arbitrary: fc
			.tuple(fc.constantFrom(...BLOCKS), fc.nat(), fc.nat())
			.map(([b, from, n]) => b.slice(from % b.length, (from % b.length) + 1 + (n % b.length)))
	},
	{ weight: 3, arbitrary: line.map((l) => [l]) }
);
const recentLog = fc
	.tuple(fc.array(block, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
	.map(([bs, nl, finalNewline]) => {
		const ls = bs.flat();
		return ls.join(nl) + (finalNewline && ls.length ? nl : '');
	});

/** a character a terminal or a bidi-aware viewer would act on (inert shows each as an escape) */
/* eslint-disable no-control-regex */
const CONTROL =
	/[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/* eslint-enable no-control-regex */

function lineCount(text: string): number {
	if (text === '') return 0;
	const n = text.split('\n').length;
	return text.endsWith('\n') ? n - 1 : n;
}

async function* chunked(text: string, size: number): AsyncGenerator<Uint8Array> {
	const bytes = new TextEncoder().encode(text);
	for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(
	REPORT_SCHEMA
);

/** the invariants of a report of `text`, read whole and in pieces of `chunk` bytes */
async function check(text: string, chunk: number): Promise<void> {
	const r = await analyzeText(text);
	const total = lineCount(text);
	expect(r.input.lines_total).toBe(total);
	const counted =
		Object.values(r.input.formats).reduce((a, b) => a + b, 0) +
		r.input.lines_skipped +
		r.input.lines_unparsed;
	expect(counted).toBeGreaterThanOrEqual(total);
	for (const f of r.findings) {
		expect(f.first_line).toBeGreaterThanOrEqual(1);
		expect(f.last_line).toBeLessThanOrEqual(total);
		expect(f.first_line).toBeLessThanOrEqual(f.last_line);
		for (const e of f.evidence) expect(e.line >= 1 && e.line <= total).toBe(true);
	}
	const json = formatJson(r);
	expect(validate(JSON.parse(json)) ? [] : validate.errors).toEqual([]);
	expect(typeof formatText(r)).toBe('string');
	const again = await analyzeStream(chunked(text, chunk));
	expect(formatJson(again)).toBe(json);
}

describe('properties of the whole pipeline over random and mutated logs', () => {
	it('never throws; line accounting and line ranges hold; the JSON validates; chunked equals whole', async () => {
		await fc.assert(fc.asyncProperty(log, fc.integer({ min: 1, max: 97 }), check), {
			numRuns: 300,
			seed: 20261124
		});
	});

	it('the same over the shapes learned lately, and the text and Markdown reports hold no control character', async () => {
		await fc.assert(
			fc.asyncProperty(recentLog, fc.integer({ min: 1, max: 97 }), async (text, chunk) => {
				await check(text, chunk);
				const r = await analyzeText(text);
				expect(
					formatText(r)
						.split('\n')
						.filter((l) => CONTROL.test(l))
				).toEqual([]);
				expect(
					formatMarkdown(r)
						.split('\n')
						.filter((l) => CONTROL.test(l))
				).toEqual([]);
			}),
			{ numRuns: 200, seed: 20261207 }
		);
	});
});
