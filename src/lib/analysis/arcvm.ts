import type { Explanation, Finding } from '../models/finding.ts';
import type { LogMetadata } from '../models/metadata.ts';
import { findingId } from './engine.ts';
import { countWith } from './fold.ts';
import { selinuxDenied, selinuxTitleParts } from './rules/security.ts';
import { severityRank } from '../models/finding.ts';

/**
 * ChromeOS's Android VM (ARCVM): the virtual machine, run by crosvm, in which a Chromebook runs
 * Android apps. Its console log (syslogs-arcvm-console-output.log: `Hardware name: ChromiumOS
 * crosvm`, `androidboot.hardware=bertha`) holds the SELinux denials of Google's image by the
 * dozen at every start, which per domain had been 12 low findings, told to ask a custom ROM's
 * maintainers. There they are one finding per mode (permissive or not) that lists the domains,
 * with the first denial of each as evidence (foldArcvmDenials). The VM is told by each boot's own
 * lines (Boot.hypervisor): a log joined from several machines (the benchmark's 100 MB log of the
 * corpus's logs one after another) has a phone's boots beside the VM's.
 */
const NAME = 'ChromeOS’s Android VM (ARCVM)';

/** Android's contexts, `u:r:<domain>:s0`: the policy of the Android system, not ChromeOS's own */
const ANDROID_CONTEXT = /^u:(?:object_)?r:/;

/** domains named in the meaning at most, with their counts */
const NAMED = 5;
/** domains listed in `details.domains` at most */
const LISTED = 32;

const SELINUX_ARCVM = (
	domains: Array<{ domain: string; count: number }>,
	total: number,
	permissive: boolean,
	whole: boolean
) => {
	const named = domains
		.slice(0, NAMED)
		.map((d) => `\`${d.domain}\` ${d.count}`)
		.join(', ');
	const more = domains.length > NAMED ? ` and ${domains.length - NAMED} more` : '';
	const explanation: Explanation = {
		meaning: `${whole ? 'This log is' : 'These denials are from boots of this log that are'} the console of ${NAME}, the virtual machine in which a Chromebook runs Android apps; its SELinux policy (the \`u:r:…\` contexts are Android’s) is Google’s, part of the ChromeOS image, and ${permissive ? 'logged' : 'denied'} ${total} access${total === 1 ? '' : 'es'} of ${domains.length} domain${domains.length === 1 ? '' : 's'} (${named}${more}; each domain’s first denial is in the evidence)${permissive ? ' in permissive mode, which only logs them: the operations went ahead' : ': the operations failed'}. The Android system in the VM logs such denials at every start, from its own services and from Google Play services (\`gmscore_app\`), and most do no visible harm: the process does without the access. They matter only when an Android app or feature fails on the Chromebook at that time. Neither the owner nor an app can change the policy: it comes with ChromeOS’s updates.`,
		causes: [
			{
				kind: 'configuration',
				text: 'Google’s policy for the Android VM does not allow an access that a service of its image, Google Play services or an app tries: usually harmless, and fixed, if at all, by a ChromeOS update.'
			},
			{
				kind: 'userspace',
				text: 'An app or service trying something its domain may not do, which the policy stops on purpose.'
			}
		],
		next_steps: [
			'If Android apps work as they should, nothing needs doing.',
			'If an Android app or feature fails, update ChromeOS (Settings, About ChromeOS, Check for updates), which updates the Android VM and its policy; if it still fails, send feedback right after it fails (Alt+Shift+I), naming the app, with the system and app information it offers to send.',
			'For an app’s developer: the denials of the app’s domain (`untrusted_app`, or one of the domains in the facts) say what the app may not do in the VM; read them as they come with `adb logcat -b all -d | grep avc:` (with ADB debugging on) and change the app rather than expect a change of the policy.'
		],
		references: [
			'https://source.android.com/docs/security/features/selinux',
			'https://chromium.googlesource.com/chromiumos/docs/+/HEAD/containers_and_vms.md'
		]
	};
	return explanation;
};

/** Whether a denial finding is of Android's policy (its first denial's contexts). */
function androidPolicy(f: Finding): boolean {
	const s = f.details.scontext;
	const t = f.details.tcontext;
	return (
		(typeof s === 'string' && ANDROID_CONTEXT.test(s)) ||
		(typeof t === 'string' && ANDROID_CONTEXT.test(t))
	);
}

/** the boots of ChromeOS's Android VM: those whose own lines name the hypervisor crosvm */
function arcvmBoots(metadata: LogMetadata): Set<number> {
	// a report of an older schema has no Boot.hypervisor: the log's then
	return new Set(
		metadata.boots
			.filter((b) => (b.hypervisor === undefined ? metadata.hypervisor : b.hypervisor) === 'crosvm')
			.map((b) => b.index)
	);
}

/**
 * In the boots of ChromeOS's Android VM (the hypervisor crosvm, Boot.hypervisor), the SELinux
 * denial findings of Android's policy of one mode become one (a single domain's too, for its
 * title and words): count, boots, occurrences, severity (the most severe), the first line of each
 * domain's finding as evidence, `domains` (most denials first), `permissive`, and the first
 * denial's other facts only when there is one domain (of several, they are `null`: one denial's
 * facts beside 12 domains would be read as all of theirs); its title says where they are and its
 * explanation is the VM's. A finding with a denial in another boot (a phone's, in a log joined
 * from several machines), and other logs' findings, are returned as they are.
 */
export function foldArcvmDenials(findings: Finding[], metadata: LogMetadata): Finding[] {
	const vm = arcvmBoots(metadata);
	if (vm.size === 0) return findings;
	const whole = metadata.boots.every((b) => vm.has(b.index));
	const byMode = new Map<string, Finding[]>();
	for (const f of findings) {
		if (f.rule !== selinuxDenied.id || !androidPolicy(f)) continue;
		if (!f.boots.every((b) => vm.has(b))) continue;
		const parts = selinuxTitleParts(f.title);
		if (parts === null) continue;
		byMode.set(parts.mode, [...(byMode.get(parts.mode) ?? []), f]);
	}
	const folded = new Map<Finding, Finding | null>();
	for (const [mode, group] of byMode) {
		// one domain too: the finding is the VM's, told as the VM's
		const one = fold(mode, group, whole);
		group.forEach((f, i) => folded.set(f, i === 0 ? one : null));
	}
	if (folded.size === 0) return findings;
	const out: Finding[] = [];
	for (const f of findings) {
		const g = folded.get(f);
		if (g === undefined) out.push(f);
		else if (g !== null) out.push(g);
	}
	return out;
}

/** the facts of one denial (security.ts selinuxDenied), `null` on a finding of several domains */
const ONE_DENIAL = ['permissions', 'comm', 'name', 'scontext', 'tcontext', 'tclass'] as const;

/**
 * The one finding of `group` (in input order), denials of mode `mode`: the first's, each other's
 * counted with it (fold.ts) with its first denial as evidence, the most severe's severity.
 * `whole`: every boot of the log is the VM's.
 */
function fold(mode: string, group: Finding[], whole: boolean): Finding {
	const first = group[0];
	const domains = group
		.map((f) => ({ domain: selinuxTitleParts(f.title)?.domain ?? 'unknown', count: f.count }))
		.sort((a, b) => b.count - a.count);
	const title = `${mode} in ${NAME}`;
	const one: Finding = {
		...first,
		id: findingId(first.category, first.rule, title),
		title,
		alt_titles: [],
		severity: group.reduce(
			(s, f) => (severityRank(f.severity) < severityRank(s) ? f.severity : s),
			first.severity
		),
		stack: null,
		evidence: first.evidence.slice(0, 1),
		details: {
			...first.details,
			...(group.length > 1 ? Object.fromEntries(ONE_DENIAL.map((k) => [k, null])) : {}),
			domains: domains.slice(0, LISTED).map((d) => d.domain)
		},
		related: []
	};
	for (const f of group.slice(1)) countWith(one, { ...f, evidence: f.evidence.slice(0, 1) });
	one.explanation = SELINUX_ARCVM(domains, one.count, first.details.permissive === true, whole);
	return one;
}
