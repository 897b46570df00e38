import type { Finding } from '../models/finding.ts';

type F = Omit<Finding, 'explanation'>;

/**
 * What a KASAN or KFENCE report's own facts say, in a sentence added to its meaning (analysis/
 * crash/memory-facts.ts): the access, the object and where in it, the tasks that allocated and
 * freed it, and which of the report's stacks to read for its kind. Null when the report printed
 * none of them (a report cut after its header).
 */
export function memoryNote(f: F): string | null {
	if (f.rule !== 'crash.kasan' && f.rule !== 'crash.kfence') return null;
	const d = f.details;
	const kind = String(d.kind ?? '');
	const parts: string[] = [];
	const access = typeof d.access === 'string' ? d.access : null;
	const size = typeof d.access_size === 'number' ? d.access_size : null;
	const where = typeof d.where_in_object === 'string' ? whereIn(d.where_in_object) : null;
	const cache = typeof d.object_cache === 'string' ? d.object_cache : null;
	const objSize = typeof d.object_size === 'number' ? d.object_size : null;
	const object =
		cache === null
			? null
			: `an object of the cache ${cache}${objSize === null ? '' : ` (${objSize} bytes)`}`;
	const did =
		access === 'read' || access === 'write'
			? `a ${access}${size === null ? '' : ` of ${size} byte${size === 1 ? '' : 's'}`}${typeof d.address === 'string' ? ` at ${d.address}` : ''}`
			: null;
	if (did !== null && object !== null)
		parts.push(where === null ? `${did} in ${object}` : `${did}, ${where} ${object}`);
	else if (did !== null) parts.push(did);
	else if (object !== null) parts.push(where === null ? object : `${where} ${object}`);
	const alloc = typeof d.alloc_task === 'number' ? d.alloc_task : null;
	const free = typeof d.free_task === 'number' ? d.free_task : null;
	if (alloc !== null) parts.push(`allocated by task ${alloc}`);
	if (free !== null) parts.push(`${alloc === null ? '' : 'and '}freed by task ${free}`);
	const tags =
		typeof d.pointer_tag === 'string' && typeof d.memory_tag === 'string'
			? ` The pointer’s tag (${d.pointer_tag}) does not match its memory’s (${d.memory_tag}${d.memory_tag === 'fe' ? ': memory freed or never allocated' : ''}): a use-after-free or an out-of-bounds access caught by the memory tags.`
			: '';
	const read =
		insideNote(kind, f.title, d.where_in_object, size) ??
		readNext(kind, f.title, alloc !== null || free !== null, alloc !== null);
	if (parts.length === 0)
		return tags.trim() === '' && read === '' ? null : `${tags} ${read}`.trim();
	return `Here: ${parts.join(', ').replace(', and ', ' and ')}.${tags}${read === '' ? '' : ` ${read}`}`;
}

/**
 * KASAN's `28 bytes inside of 512-byte region` (`freed 512-byte region` since 6.x) and
 * `280 bytes to the right of …`, KFENCE's `1B left of kfence-#29`, as words: `28 bytes into`,
 * `280 bytes past the end of`, `1 byte before`; null for another wording
 */
function whereIn(text: string): string | null {
	const k = /^(\d+) bytes (inside of|to the right of|to the left of) /.exec(text);
	const e = /^(\d+)B (left|right) of kfence-#\d+$/.exec(text);
	const n = Number(k?.[1] ?? e?.[1]);
	const rel = k?.[2] ?? e?.[2];
	if (rel === undefined) return null;
	const bytes = `${n} byte${n === 1 ? '' : 's'}`;
	if (rel === 'inside of') return n === 0 ? 'at the start of' : `${bytes} into`;
	if (rel === 'to the right of' || rel === 'right') return `${bytes} past the end of`;
	return `${bytes} before`;
}

/**
 * An out-of-bounds access that lies wholly inside the object as its cache counts it (`0 bytes
 * inside of 32-byte region` with a write of 9 bytes: lkp-kasan-06's and -04's `memdup_user` in a
 * 4.8-rc1 guest): kmalloc serves a request from the smallest cache it fits and KASAN marks the
 * bytes past the size asked for, so the allocation asked for fewer bytes than the access reached;
 * the region of 6.x's `allocated 8-byte region` is the size asked for already. Null otherwise.
 */
function insideNote(
	kind: string,
	title: string,
	where: unknown,
	size: number | null
): string | null {
	if (!/out-of-bounds/.test(kind) || /stack-out-of-bounds|global-out-of-bounds/.test(title))
		return null;
	if (typeof where !== 'string' || size === null) return null;
	const m = /^(\d+) bytes inside of (\d+)-byte region$/.exec(where);
	if (!m) return null;
	const start = Number(m[1]);
	const end = start + size;
	if (end > Number(m[2])) return null;
	const bytes = size === 1 ? `byte ${start}` : `bytes ${start} to ${end - 1}`;
	return `The access lies inside the object as its cache counts it (${bytes} of ${m[2]}): kmalloc serves a request from the smallest cache it fits, and KASAN marks the bytes past the size asked for as out of bounds, so the allocation asked for fewer than ${end} bytes. Compare the size passed where the object was allocated (the stack under \`Allocated by task\`, or \`Allocated:\` before 4.11) with the length of the access: if both come from the same length, the report is KASAN’s error, not the title’s function’s (its record of the object was wrong; early KASAN kernels had such false reports).`;
}

/** which of the report's stacks answer its kind */
function readNext(kind: string, title: string, stacks: boolean, alloc: boolean): string {
	if (/invalid-free|double-free|invalid free|double free/.test(`${kind} ${title}`))
		return 'The title’s function freed memory that was not a live object: freed already (the stack under `Freed by task` is the first free) or a pointer that is not an object’s start; find the path that frees it twice or keeps the pointer after the first free.';
	if (/use-after-free/.test(kind))
		return stacks
			? 'The stack under `Freed by task` freed the object and the title’s function used it after: look for the reference the freeing path dropped while the user still held the pointer (a missing reference count, a lock or RCU grace period, a teardown racing the use).'
			: 'The title’s function used the object after it was freed.';
	if (/stack-out-of-bounds/.test(title))
		return 'The access went outside a variable on the stack: check the length or index the title’s function used against that variable (the report names it when it prints the frame’s objects).';
	if (/global-out-of-bounds/.test(title))
		return 'The access went outside a global variable (the report names it when it says which variable the address belongs to): check the length or index the title’s function used against its size.';
	if (/out-of-bounds/.test(kind))
		return alloc
			? 'The access went outside the object: check the length or index the title’s function used against the object’s size (the stack under `Allocated by task` shows where the size was chosen).'
			: 'The access went outside the object: check the length or index the title’s function used against the object’s size.';
	return '';
}

/** The faulting address read as text (details.address_as_text), in a sentence, or null. */
export function textAddressNote(f: F): string | null {
	const t = f.details.address_as_text;
	if (typeof t !== 'string') return null;
	return `The faulting address reads as ASCII text, “${t}” (its bytes in memory order): a string’s bytes were used as a pointer, such as text passed where a pointer was expected (a \`%s\` given the wrong argument) or a pointer overwritten by a string; look for where that text comes from.`;
}

/**
 * syzkaller's programs: `syz-executor2`, `syz-executor.0`, `syz.1.42` (2024 on), the
 * reproducers' `syzkaller331655`, and `syz-fuzzer`
 */
const SYZ_TASK = /^(?:syz-executor[.\d]*|syz\.\d+\.\d+|syzkaller\d+|syz-fuzzer)$/;

/**
 * A step for a report whose task is one of syzkaller's programs: the program is the reproducer,
 * and the report goes to the guilty file's maintainers with it. Null for any other task.
 */
export function syzkallerStep(f: F): string | null {
	const comm = f.details.comm;
	if (typeof comm !== 'string' || !SYZ_TASK.test(comm)) return null;
	const guilty = f.stack?.guilty_frame ?? null;
	const at =
		guilty === null
			? 'the report’s first frame outside the sanitizer and the generic code'
			: `\`${guilty.replace(/\+0x.*$/, '')}\``;
	return `The task (\`${comm}\`) is the syzkaller fuzzer’s: the program it ran triggers the bug. Get its reproducer (syzbot’s C or syz reproducer on the bug’s page, or \`syz-repro\` on the fuzzer’s log), check that it still triggers the bug on the tree you fix, and send the report with it to the maintainers and lists that \`scripts/get_maintainer.pl -f <file>\` names for the file of ${at} (the decoded trace’s file:line).`;
}
