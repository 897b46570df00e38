import type { Category, DetailValue, Explanation, Severity } from '../../models/finding.ts';

/**
 * A detection rule over single kernel messages. One file per rule (or small family), listed in
 * rules/index.ts; tests walk the registry and check every rule's examples and negatives.
 */
export interface LineRule {
	/** stable id, `category.name` (part of the public report: never rename) */
	id: string;
	category: Category;
	/** default severity; `severityOf` may refine it per match */
	severity: Severity;
	/**
	 * A routine line that only looks alarming (rules/notices.ts: `PCI: Using host bridge windows
	 * from ACPI; … report a bug`): the rule's finding is info, says why the line is harmless and
	 * when it would matter, and is never a report's lead (summary.ts). Such a rule has severity
	 * `info`, no `severityOf` and no `storm`.
	 */
	routine?: true;
	/**
	 * Literal substrings of which at least one occurs in every matching message: a cheap
	 * prefilter so that `pattern` runs only on candidate lines.
	 */
	triggers: string[];
	/** tested against the message text (prefix removed); must run in linear time */
	pattern: RegExp;
	/** finding title; messages with the same rule and title are grouped into one finding */
	title(m: RegExpExecArray): string;
	details?(m: RegExpExecArray): Record<string, DetailValue>;
	severityOf?(m: RegExpExecArray): Severity;
	/**
	 * the explanation for this match when it differs from `explanation` (a FAT volume's dirty
	 * bit under a rule of ext4 checks); a finding keeps its first occurrence's
	 */
	explanationOf?(m: RegExpExecArray): Explanation | undefined;
	/**
	 * A storm: once a finding of this rule has at least `count` occurrences its severity is raised
	 * to `severity` (one USB disconnect is routine, fifty on one port are not). Applied to the
	 * finished findings (analysis/cascades.ts).
	 */
	storm?: {
		count: number;
		severity: Severity;
		/**
		 * a detail that, when true or a value on the finding (a name, a number other than 0, a list
		 * that is not empty; not false, null, 0, '' or an empty list: saysSo in cascades.ts), keeps
		 * it from being a storm (resets after resume; a link's first state, down, as its interface
		 * started, which has the PHY's name)
		 */
		unless?: string;
		/**
		 * a second level, from a higher count on (a Wi-Fi connection lost 3 times is low, 5 times
		 * medium like the other Wi-Fi storms)
		 */
		then?: { count: number; severity: Severity };
	};
	/**
	 * A message printed shortly before this one that carries more facts about the same event
	 * (the `oom-kill:` summary before `Out of memory: Killed process`): when it occurred at most
	 * `within` lines earlier in the same boot, its details are added to the finding's.
	 */
	context?: RuleContext;
	/**
	 * Messages printed just after this one that carry more facts about the same event (libata's
	 * `failed command:` after `exception Emask`, the SCSI `Add. Sense:` after `Sense Key :`).
	 * The rule's `device` detail and the named group `device` of a follow-up's pattern name the
	 * device; a follow-up joins when it names the same device (or one below it: `ata3.00` after
	 * `ata3`), or either names none, within `within` lines in the same boot. It extends the
	 * occurrence's line range; on a finding's first occurrence its details and line are added.
	 */
	follow?: RuleFollow[];
	/**
	 * A message printed soon after this one that changes what it means (a USB host controller
	 * that "died" and is then removed was unplugged, not broken). The rule's message is held for
	 * up to `within` lines of the same boot: when such a message naming the same device comes,
	 * the finding gets the resolution's title, severity and explanation, with both lines;
	 * otherwise it is recorded as usual. A rule with `follow` too gives every resolution a `when`:
	 * follow-ups join only the messages that wait for none (iwlwifi's version range after `no
	 * suitable firmware found!`, while a TI Wi-Fi chip's missing NVS file waits), unless the
	 * resolving message is a line of one of its follow-ups (the SCSI sense's `Add. Sense: Medium
	 * not present`): the first such follow-up that does not resolve it releases it, and it and the
	 * later ones join it. A list holds
	 * resolutions of different messages of the rule: a message waits for the first one whose
	 * `when` it passes (one without `when` takes them all).
	 */
	resolve?: RuleResolve | readonly RuleResolve[];
	/**
	 * A message that is a finding only when the device it names (its `device` detail) then stays
	 * silent: the next message naming that device, in the same boot, comes between `min` and `max`
	 * seconds (kernel time) later (a driver waiting for firmware until the loader's timeout). That
	 * message ends the occurrence and is evidence; the time waited is the detail `waited_s`.
	 * Otherwise (sooner, later, another boot, the end of the input, no timestamps) the message is
	 * no finding. A rule has at most one of `stall`, `resolve` and `follow` (but see `resolve`).
	 */
	stall?: RuleStall;
	/**
	 * The message that ends the event this one starts, reported by another rule (the OOM kill
	 * after the OOM killer's `invoked oom-killer:` line): the rule's message is held for up to
	 * `within` lines of the same boot, and is no finding when that message comes; otherwise
	 * (the log was cut before it, the boot changed, the input ended) it is the rule's finding.
	 * A list holds the ends of different messages of the rule: a message waits for the first one
	 * whose `when` it passes. A rule has at most one of `expects`, `stall`, `resolve` and `follow`
	 * (but see `resolve`), except that one with `resolve` or `follow` may also have `expects` whose
	 * `when` keeps the messages that wait for the end of their event apart from the others (a
	 * message waits for a resolution first, else for the end of its event, and only one that waits
	 * for neither takes follow-ups: `firmware.load-failed`, whose missing files a driver's own
	 * summary line may report).
	 */
	expects?: RuleExpect | readonly RuleExpect[];
	/**
	 * The detail of this name is what the rule message's `device` is attached to, as the
	 * DEVICE_LINKS messages of its boot tell, on a finding's first occurrence (absent when they do
	 * not tell): a Wi-Fi interface's chip, `chip` 0000:02:00.0 for wlp2s0 after `rtw_8821ce
	 * 0000:02:00.0 wlp2s0: renamed from wlan0`. Cascades link the interface's trouble to the
	 * chip's by it (cascades.ts, wifiChipCause).
	 */
	attachedAs?: string;
	/**
	 * Details to gather from every occurrence, not only the first: `{ device: 'devices' }` lists
	 * each distinct `device` (at most FOLLOW_LIST_MAX) under `devices`, for a finding that groups
	 * several devices under one title (one driver failing on two chips).
	 */
	collect?: Record<string, string>;
	/**
	 * A detail of `collect`: an occurrence that adds a new value to its list adds its line to the
	 * evidence too (at most FOLLOW_LIST_MAX values), so that a finding grouping several of them
	 * shows each one's message, not only the first's (each module built for another kernel).
	 */
	evidenceEach?: string;
	/**
	 * One occurrence per boot: the rule's messages are signs of one event of the boot (the journal
	 * files and filesystems one unclean shutdown left to recover), so a later message in a boot
	 * the finding already has is not counted again. It adds its `collect` details, and its line to
	 * the evidence when it is in the first occurrence's boot. The count is the number of boots.
	 * A rule has at most one of `perBoot`, `stall` and `follow`; with `resolve`, each of a boot's
	 * messages is held and one resolving message releases them together. With `expects`, its
	 * messages of one device in a boot wait together, the window from the latest.
	 */
	perBoot?: boolean;
	/**
	 * The rule reads the lines of the user-space programs that ingestion passes on
	 * (USERSPACE_PROGRAMS in ingestion/formats/syslog.ts: the user-space OOM killers in a syslog
	 * file or journal), as the text `program: message`, as well as kernel messages. Rules without
	 * it never see those lines.
	 */
	userspace?: boolean;
	/**
	 * One finding per boot: the same rule and title in another boot is another finding (a
	 * user-space OOM killer's kills, one finding per killer and boot).
	 */
	byBoot?: boolean;
	/**
	 * The firmware request a match reports, for a rule of firmware loading failures: Debian's
	 * kernels print one request up to three times (`firmware: failed to load X (-2)` twice, then
	 * upstream's `Direct firmware load for X failed with error -2`). A match that repeats the
	 * latest request of the same device and file so (at most two Debian lines then one upstream
	 * line, each at most REQUEST_COPY_LINES lines after the one before, in the same boot and
	 * second) is that request's copy: no finding and no count. `debian`: the match is Debian's
	 * form. Upstream's form alone is never a copy (a driver that asks again).
	 */
	request?(m: RegExpExecArray): FirmwareRequest | null;
	/** real message lines (prefix removed) that must match */
	examples: string[];
	/** lines that must not match */
	negatives: string[];
	explanation: Explanation;
	/**
	 * The explanations to give instead on an Android device (a log with a line of Android's user
	 * space, rules/android.ts), for those of the rule's own whose steps are a PC's: pairs of the
	 * rule's explanation (its `explanation`, one `explanationOf` returns) and the phone's.
	 */
	android?: ReadonlyArray<readonly [Explanation, Explanation]>;
	/**
	 * The most severe its finding is on an Android device, where what it reports needs nothing
	 * done (the phone's explanation says so): an audit backlog overflow loses only logd's copies
	 * of SELinux denials. Storms may still raise it (cascades.ts).
	 */
	androidAtMost?: Severity;
	/**
	 * What its finding is instead on an Android device when `when` holds for the finished finding
	 * (its details and count): a journal replayed on a partition Android mounts read-only was most
	 * likely left dirty in the image as flashed, not by how the last boot ended.
	 */
	androidOutcome?: AndroidOutcome;
}

/** A line rule's finding on an Android device, when its facts say it means something else there. */
export interface AndroidOutcome {
	when(details: Readonly<Record<string, DetailValue>>, count: number): boolean;
	title: string;
	severity: Severity;
	explanation: Explanation;
}

export interface RuleContext {
	/**
	 * literal that occurs in every context message (the prefilter), or several when the context
	 * messages differ (the lines a resume prints)
	 */
	trigger: string | readonly string[];
	/** tested against the message text; must run in linear time */
	pattern: RegExp;
	details(m: RegExpExecArray): Record<string, DetailValue>;
	/** lines the rule's message may follow it by */
	within: number;
	/**
	 * kernel seconds the rule's message may follow it by, when both have a time (the line window
	 * alone when either has none): a USB device unplugged a minute after its driver was unloaded
	 * and loaded again is not the unloading's
	 */
	withinSeconds?: number;
	/**
	 * the context message's `device` detail must equal the rule message's (a USB device that
	 * failed to suspend as it was being disconnected); with `'if-named'`, only when the context
	 * message names one: a context message that names no device counts for any (the `USB
	 * disconnect` before the I/O errors of the disk it took away, which names the USB port only)
	 */
	sameDevice?: boolean | 'if-named';
	/** the context message's detail of this name must equal the rule message's (a module's name) */
	sameDetail?: string;
	/**
	 * the context message's detail of this name names what the rule message's device is attached
	 * to, or one above it (a USB port: the disk sdb on SCSI host 6 of `usb-storage 1-2:1.0`, on
	 * port 1-2 or on a hub's port below it, 1-2.3), learnt from DEVICE_LINKS messages of the same
	 * boot: it counts only for a device on it, and for one of which the log does not tell what it
	 * is attached to (it does not tell for an sd disk without its `Attached SCSI` line, on a SCSI
	 * host without its driver's line); a device on something else (an internal SATA disk on
	 * `ahci`, another port) does not take it
	 */
	attachedVia?: string;
	/** which of the rule's messages it applies to (default: all) */
	when?(m: RegExpExecArray): boolean;
	/**
	 * the context is several messages (a program's multi-line report: the thresholds crossed,
	 * then the victim): a context message within `within` lines of the one before it, in the same
	 * boot, adds its details to that one's instead of replacing them (a string list is appended
	 * to, each value once and at most FOLLOW_LIST_MAX: the firmware files b43 tried)
	 */
	accumulate?: boolean;
	/**
	 * the context message's line (with `accumulate`, each message's, at most FOLLOW_LIST_MAX) joins
	 * the evidence of the finding's first occurrence, before the rule's own line: the firmware
	 * requests of a remote processor that was then not started. The occurrence's line range stays
	 * the rule message's.
	 */
	evidence?: boolean;
	/** real message lines that must match */
	examples: string[];
	/**
	 * what the finding is instead when the context message came before it (machine checks after
	 * the mce-inject test module was loaded were injected on purpose); a function picks it by the
	 * context message's details when the context messages mean different things (an I/O error
	 * after `Medium not present` or after a USB disconnect), or none
	 */
	outcome?: RuleOutcome | ((context: Record<string, DetailValue>) => RuleOutcome | undefined);
}

/** What a rule's finding is instead when a message around it changes its meaning. */
export interface RuleOutcome {
	/** the finding's title, from the rule's own match */
	title(m: RegExpExecArray): string;
	severity: Severity;
	explanation: Explanation;
}

export interface RuleFollow {
	/** literal that occurs in every follow-up message (the prefilter) */
	trigger: string;
	/**
	 * tested against the message text; the named group `device` is the device it names, and any
	 * other named group must equal the rule message's detail of that name when it has one (the
	 * OOM victim's `pid`): such a follow-up may come anywhere within `within` lines
	 */
	pattern: RegExp;
	/**
	 * facts it adds: a string list is appended to the finding's list of that name (each value
	 * once, at most FOLLOW_LIST_MAX); another value is set when the finding has none yet
	 */
	details(m: RegExpExecArray): Record<string, DetailValue>;
	/** lines after the rule's message it may come */
	within: number;
	/**
	 * when it joins, it belongs to this finding alone: no rule makes a finding of it (the
	 * `oom_reaper` line after the OOM kill of the same process). Otherwise a follow-up is still
	 * offered to every rule.
	 */
	claims?: boolean;
	/**
	 * a follow-up that names nothing joins only right after the lines it continues; with this it
	 * may come anywhere within `within` lines (a driver's one-line outcome among its other
	 * messages: amdgpu's `VRAM is lost due to GPU reset!` seven lines into the reset)
	 */
	anywhere?: boolean;
	/**
	 * A follow-up keyed by a named group that names another value than the rule message's may
	 * still join the latest message, once, when `when` (of the rule message's match) allows it:
	 * the OOM kill `… or sacrifice child`, after which the kernel may kill a child of the process
	 * chosen and print the child's pid. It adds `details` instead of the follow-up's own, and its
	 * values of the named groups become the message's, so that a later follow-up keyed by them
	 * joins too (the oom_reaper line of the child).
	 */
	instead?: RuleFollowInstead;
	/** real message lines that must match (with the rule's first example before them) */
	examples: string[];
}

export interface RuleFollowInstead {
	/** whether the rule's message lets another value join (tested on the rule's match) */
	when(m: RegExpExecArray): boolean;
	/** the facts such a follow-up adds (of the follow-up's match) */
	details(m: RegExpExecArray): Record<string, DetailValue>;
}

export interface RuleResolve extends RuleOutcome {
	/** literal that occurs in every resolving message (the prefilter) */
	trigger: string;
	/** tested against the message text; the named group `device` is the device it names */
	pattern: RegExp;
	/**
	 * the rule message's detail that the resolving message's `device` group must equal, when it
	 * is not `device`: a number is compared as its digits (a binder thread's `process_pid`, which the
	 * oom_reaper's `reaped process 31804` names; a `device` detail had shown `process 31804` as
	 * the finding's device)
	 */
	key?: string;
	/** lines after the rule's message it may come */
	within: number;
	/**
	 * kernel seconds after the rule's message it may come, when both have a time (the line
	 * window alone when either has none)
	 */
	withinSeconds?: number;
	/**
	 * when either message has no kernel time, `withinSeconds` is measured by their wall times (a
	 * syslog's or journal's prefix, to the second) when both have one: a USB device found again
	 * on its port 4 s after it left, in a journal without kernel times, had been taken for one
	 * that came back at once
	 */
	wallClock?: true;
	/**
	 * what the finding is instead when the resolving message comes more than `withinSeconds`
	 * after the rule's message (both timed), but within `within` lines and `later.withinSeconds`
	 * (none: the rest of the boot): the device that started only later in the boot, once its user
	 * had fixed what it lacked (brcmfmac's board file installed and the driver loaded again)
	 */
	later?: RuleOutcome & { withinSeconds?: number };
	/**
	 * what the finding is instead when the rule's context message came before the resolved
	 * message (LineRule.context): a USB device found again on its port at once, after a resume's
	 * lines, was re-enumerated because the resume could not restore it, not because it dropped
	 * off the bus (its finding's title says so, and the storm's `unless` keeps many resumes from
	 * being a flaky device's storm); a function picks it by the context message's details (a
	 * resume's lines, not a driver unloaded), or none
	 */
	afterContext?: RuleOutcome | ((context: Record<string, DetailValue>) => RuleOutcome | undefined);
	/**
	 * which of the rule's messages wait for a resolution (all when absent): the others become
	 * findings at once (a watchdog's `did not stop!` at shutdown, not its `Last reset was caused
	 * by watchdog` at boot)
	 */
	when?(m: RegExpExecArray): boolean;
	/** facts the resolving message adds to the finding (the module that failed to load) */
	details?(m: RegExpExecArray): Record<string, DetailValue>;
	/**
	 * the rule's messages of the same device (its `device` detail, not empty) that come while
	 * one waits are one event with it: held together, resolved or released together, and the
	 * window runs from the latest (an NFS server's `still trying` lines until its `OK`). The
	 * events of all devices are held in one group per rule and boot, apart from the 32 places
	 * (every CPU of a thermal episode); the resolving message names its device (`device` group)
	 */
	repeats?: boolean;
	/** real message lines that must resolve the rule's first example that waits (`when`) */
	examples: string[];
}

/**
 * The message that ends a rule's event (LineRule.expects): waited for as a resolution is, with no
 * outcome of its own; `when` says which of the rule's messages wait for it (all when absent);
 * `examples` are real messages that end the event of the rule's first example that waits.
 */
export type RuleExpect = Pick<
	RuleResolve,
	'trigger' | 'pattern' | 'within' | 'withinSeconds' | 'when' | 'examples'
>;

export interface RuleStall {
	/** seconds of silence from the device, at least */
	min: number;
	/** and at most */
	max: number;
	/** real messages of the same device that may end the silence (after the rule's first example) */
	examples: string[];
}

/**
 * A message that tells what a device is attached to, for RuleContext.attachedVia: `sd 6:0:0:0:
 * [sdb] Attached SCSI removable disk` puts sdb on SCSI host 6, `scsi host6: usb-storage 1-2:1.0`
 * host 6 on USB port 1-2, `scsi host0: ahci` host 0 on no USB port. Kept per boot.
 */
export interface DeviceLink {
	/** literal that occurs in every such message (the prefilter) */
	trigger: string;
	/** tested against the message text; must run in linear time */
	pattern: RegExp;
	/** the link the message tells, or null when it does not tell one */
	link(m: RegExpExecArray): DeviceLinkOf | null;
	/** real messages that must tell a link, with the link they tell */
	examples: ReadonlyArray<readonly [string, DeviceLinkOf]>;
}

/** What a DeviceLink message tells. */
export interface DeviceLinkOf {
	device: string;
	/** what it is attached to, '' for nothing a context names (a SCSI host of the ahci driver) */
	to: string;
	/**
	 * nothing a context names is above `to` (a USB port; a hub's port 1-2.3 is below port 1-2 by
	 * its name); otherwise the chain goes on from `to` by that one's own link (a disk's SCSI host)
	 */
	end: boolean;
}

/** A known-benign message: matching lines never become findings, even if a rule matches them. */
export interface BenignRule {
	id: string;
	pattern: RegExp;
	/** a real line it covers */
	example: string;
	/** why it is harmless */
	why: string;
}

/** a firmware request that a rule's match reports (LineRule.request) */
export interface FirmwareRequest {
	/** the device that asked (empty when the line names none) */
	device: string;
	file: string;
	/** Debian's form, `firmware: failed to load X (-2)` */
	debian: boolean;
}
