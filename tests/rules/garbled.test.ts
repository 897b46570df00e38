/**
 * SELinux denials whose domain flipped bits garbled, in the bit-flipped ramoops console of one
 * recovery session (fixtures/formats/real/cykeek-stuff-console-ramoops-0.log, from the real-log
 * corpus): counted with the domain they were, and only in a log that shows flipped bits.
 */
import { describe, expect, it } from 'vitest';
import { garbledFrom } from '../../src/lib/analysis/garbled.ts';
import { selinuxDomain } from '../../src/lib/analysis/rules/security.ts';
import { analyzeStream, analyzeText } from '../../src/lib/pipeline.ts';
import { fixtureBytes } from '../support/fixtures.ts';

const RULE = 'security.selinux-denied';

/** cykeek console-ramoops lines 386, 440, 709, 752, 794, 1158 (permissive denials of `recovery`) */
const DENIALS = [
	'[    8.179378]  (1)[544:logd.auditd]type=1400 audit(34750141.899:19): avc: denied { read } for comm="vndservicemanag" name="perms" dev="selinuxfs" ino=67112389 scontext=u:r:recovery:s0 tcontext=u:object_r:selinuxfs:s0 tclass=dir permissive=1',
	'[    8.360293]  (2)[544:logd.auditd]type=1400 auditx3t750142.099:33):\uFFFDavc: denied { open } for comm="cat" path="/proc/oppoVersion/prjName" dev="proc" ino=4026531915 scontext=u:r:r\uFFFDcovery:s0 tcontext=\uFFFD:object_r:proc:s0 tclass=file permissive=1',
	'[   13.003680]  (2)[544:logd.auditd]type=1400 audit(1688459101.529:291): avc: denied { write } for comm="getprop# name\uFFFD"u:obbect_r:ctl_fuse_prop:s0" dev="tmpfs" ino=21924 scontext=u:r:recnv\uFFFDry:s0 tcontext=u:object_r:ctl_fuse_prop:s0 tclass=file permissive=1',
	'[   13.007886]  (2)[544:logd.auditd]type=1400 audit(1688459101.529:324): avc: denied { getattr } for comm="getprop" path="/dev/__propert\uFFFDes__/u:objest_r:device_config_storage_native_boot_prop:s0" dev="tmpfs" ino=21948 scontext=u:r:regovezy:s0 tcontext?u:obj\uFFFDct_r:device_config_storage_native_boot_prop:s0 tclass=file permissive=1',
	'[   13.013405]  (2)[544:logd.auditd]type=1400 audit(1688459101.529:367): avc: denied { write } for comm="getprop" name="u:object_r:heapprofd_prop:s0" dev="tmpfs" Ino=r1988 scontext=u:r2recovery:s0 tcontext=u:object_r:heapprofd_prop:s0 tclass=file permissive=1',
	'[   39.923062]  (0)[545:logd.a\uFFFDdk}d]type=1400 audit(1688459128.449:659): avc: denied { open } for comm="recovery" path="/data" dev="mmcblk0p61" ino=2 scontext=u:r:recoveryzs0 \uFFFDcontext=u:object_r:system_data_root_file:s0 tclass=dir permissive=1'
];

/** cykeek console-ramoops lines 2-6: time stamps damaged by flipped bits (messages shortened) */
const DAMAGED = [
	'[    4/500400]  +6)[422:kworker/6:3][OPLUS_CHG][op\uFFFDus_\uFFFDhg_parse_charger_\uFFFDt] temp_normal_phas\uFFFDe1_fas\uFFFDtchg_current_ma fa\uFFFDil',
	'[    4.5004p7]  (6)[422:\uFFFDkworoer/6:;][OPLUS_CHG][op|U3_c\uFFFDhg_parse_charger_tt]!normel_ph\uFFFDawe2_bet_deckdegc f\uFFFDa\uFFFDin',
	'[    4.50041q]\uFFFD (6)[422:kw\uFFFDor\uFFFDker/6:3][OPLUS_CHG][oplus_chg_parse_charwer_`t] temp_nor\uFFFDmal_phas\uFFFDe2_vfnoat_mv fai\uFFFDn',
	'[    4.=00416]  (7)[422:kwosk\uFFFDer/6:3][OPLUS_CHG][o\uFFFDplus_cjg_parse\uFFFD_kzargerWdt_\uFFFD teop_normal_phas\uFFFDg2_fas\uFFFDtchg_curRent_ma_\uFFFDhigj fakl',
	'[ $  4.508421]  *7-_422:kworker/6:3][OPLUS_CHG][oplus_chg_parse_gharger_dt] teop_nor\uFFFDma\uFFFDl_\uFFFDpxa\uFFFDse2_fastchg_sqrren\uFFFDt_ma_|o\uFFFDw fail'
];

/** The same permissive denial of `recovery` (line 386) `n` more times, one second apart. */
function more(n: number): string[] {
	return Array.from({ length: n }, (_, i) =>
		DENIALS[0].replace('[    8.179378]', `[   ${String(50 + i).padStart(2)}.179378]`)
	);
}

const titles = async (lines: string[]) =>
	(await analyzeText(lines.join('\n') + '\n')).findings
		.filter((f) => f.rule === RULE)
		.map((f) => `${f.title} ×${f.count}`);

describe('garbled domain names', () => {
	it('are the domain with a few flipped bits', () => {
		for (const s of [
			'recgvery',
			'regovezy',
			'recoveby',
			'r\uFFFDcovery',
			'recnv\uFFFDry',
			'reao\uFFFDery',
			'peco^ery',
			'recoveryzs0',
			'r\uFFFDcoveryzs0'
		])
			expect(garbledFrom(s, 'recovery'), s).toBe(true);
		expect(garbledFrom('lo\uFFFDd', 'logd')).toBe(true);
	});

	it('are not another domain, a name too far off, or one too short to tell', () => {
		for (const [s, d] of [
			['logd', 'recovery'],
			['recovery', 'recovery'],
			['rxcxvxry', 'recovery'],
			['recover', 'recovery'],
			['recoveryz', 'recovery'],
			['recoveryzsp', 'recovery'],
			['void', 'vold'],
			['sw', 'su'],
			['system_server', 'system_sfrver_x']
		])
			expect(garbledFrom(s, d), `${s} ${d}`).toBe(false);
	});

	it('a context whose third field is a level lost a separator: its domain is unknown', () => {
		expect(selinuxDomain('u:r:recovery:s0')).toBe('recovery');
		expect(selinuxDomain('system_u:system_r:httpd_t')).toBe('httpd_t');
		expect(selinuxDomain('u:r2recovery:s0')).toBe('unknown');
		expect(selinuxDomain(null)).toBe('unknown');
	});
});

describe('SELinux denials in a log corrupted by flipped bits', () => {
	it('are counted with the domain their garbled name was (cykeek excerpt)', async () => {
		expect(await titles([...DAMAGED, ...DENIALS, ...more(3)])).toEqual([
			'SELinux denials logged (permissive) for domain recovery ×8',
			'SELinux denials logged (permissive) for domain unknown ×1'
		]);
	});

	it('stay apart in a log without flipped bits (the same lines)', async () => {
		expect(await titles([...DENIALS, ...more(3)])).toEqual([
			'SELinux denials logged (permissive) for domain recovery ×4',
			'SELinux denials logged (permissive) for domain r\uFFFDcovery ×1',
			'SELinux denials logged (permissive) for domain recnv\uFFFDry ×1',
			'SELinux denials logged (permissive) for domain regovezy ×1',
			'SELinux denials logged (permissive) for domain unknown ×1',
			'SELinux denials logged (permissive) for domain recoveryzs0 ×1'
		]);
	});

	it('23 security findings become 6 in the whole console-ramoops, and the report says why', async () => {
		async function* bytes() {
			yield new Uint8Array(fixtureBytes('formats/real/cykeek-stuff-console-ramoops-0.log'));
		}
		const r = await analyzeStream(bytes());
		expect(r.findings.map((f) => `${f.id} ${f.title} ×${f.count}`)).toEqual([
			// a routine notice of the phone's boot (rules/notices.ts, rules25)
			'hardware-c9db0309 Power supplies the firmware does not describe: dummy regulators used ×1',
			'security-0d2e0eb8 SELinux denials logged (permissive) for domain logd ×2',
			// 156 and 23 before a garbled `permissive=` key (`purmissyve=1`) was read (rules24)
			'security-9961ea41 SELinux denials logged (permissive) for domain recovery ×204',
			// a routine notice of the phone's vendor kernel, in both boots (rules/notices.ts, read35)
			'other-d63233c6 Drivers given character device numbers below the dynamic range ×2',
			'security-503a97ec SELinux denials logged (permissive) for domain unknown ×39',
			// 64, then 66 once two lines' second record, glued after the first's text, was read
			// (ingest23), then 18 with the garbled keys read (rules24)
			'security-8ca64da9 SELinux denials for domain recovery ×18',
			'security-ed7590f4 SELinux denials for domain unknown ×13',
			'security-8339dd9e Audit backlog overflowed: records lost ×2'
		]);
		const recovery = r.findings[5];
		// the garbled denials' first lines are evidence: they show the spellings
		expect(recovery.evidence.map((e) => e.line)).toEqual([489, 527, 683, 1104]);
		expect(recovery.occurrences.length).toBe(18);
		expect(recovery.last_seen.first_line).toBe(1104);
		const note = r.input.warnings.find((w) => w.includes('SELinux'));
		expect(note).toMatch(/^17 SELinux denials whose domain name the flipped bits garbled \("/);
	});
});
