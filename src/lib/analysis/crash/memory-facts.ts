import type { BlockLine } from '../../models/error-block.ts';
import type { DetailValue } from '../../models/finding.ts';

/**
 * The facts of a memory-error detector's report that a kernel developer reads first, in the
 * report's own words (mm/kasan/report.c, mm/kfence/report.c, mm/kmemleak.c):
 *
 * - `access` (`read`, `write`, or `free` for an invalid free), `access_size` (bytes) and `address` (as printed) of the bad
 *   access: KASAN's `Write of size 88 at addr ffff8801d818fe98 by task loop0/4078` (before 4.11
 *   the address is on the header, `… in consume_skb+0x39f/0x530 at addr ffff8801cbeda574`, and
 *   the next line says `Read of size 4 by task …`), KFENCE's `Use-after-free read at 0x… (in
 *   kfence-#69):`;
 * - `object_cache` and `object_size` of the object the address belongs to: `which belongs to the
 *   cache kmalloc-512 of size 512`, 4.10's `Object at …, in cache skbuff_head_cache size: 248`,
 *   KFENCE's `kfence-#69 [0x…-0x…, size=424, cache=kmalloc-512]`, kmemleak's `unreferenced object
 *   0x… (size 576):` (its `address` is the object's);
 * - `where_in_object`: `28 bytes inside of 512-byte region`, `280 bytes to the right of 128-byte
 *   region` (KASAN's two lines joined), KFENCE's `1B left of kfence-#29`; before 4.11, whose
 *   report gives the object's start only (`Object at ffff880019d85f80, …`), in the same words
 *   from the access's address and the object's start and size;
 * - `alloc_task` and `free_task`: the pids that allocated and freed it (`Allocated by task 4655:`,
 *   4.10's `Allocated:` then `PID = 4655`, KFENCE's `allocated by task 9997:`);
 * - `pointer_tag` and `memory_tag` of a tag-based KASAN's `invalid-access` (arm64 MTE or software
 *   tags): `Pointer tag: [0b], memory tag: [fe]`, a pointer whose tag no longer matches its memory
 *   (0xfe: freed or never allocated).
 *
 * Absent keys are facts the report did not print.
 */
export function memoryFacts(lines: readonly BlockLine[], h: number): Record<string, DetailValue> {
	const head = lines[h]?.text.trim() ?? '';
	if (head.startsWith('BUG: KASAN: ')) return ordered(kasanFacts(lines, h, head));
	if (head.startsWith('BUG: KFENCE: ')) return ordered(kfenceFacts(lines, h));
	// syzkaller's own log may put its date before the header (`2018/01/09 14:28:48 BUG: memory leak`)
	if (head.endsWith('BUG: memory leak') || head.startsWith('unreferenced object '))
		return leakFacts(lines, h);
	return {};
}

/** the facts' order in a report, whatever order the report printed them in */
const ORDER = [
	'access',
	'access_size',
	'address',
	'object_cache',
	'object_size',
	'where_in_object',
	'alloc_task',
	'free_task',
	'pointer_tag',
	'memory_tag'
];

function ordered(facts: Record<string, DetailValue>): Record<string, DetailValue> {
	const out: Record<string, DetailValue> = {};
	for (const k of ORDER) if (k in facts) out[k] = facts[k];
	return out;
}

/**
 * KASAN's access line: `Read of size 4 at addr ffff… by task comm/pid` (`at addr` before 4.11 on
 * the header); the hardware tags' mode prints no size (`Read at addr 0bff00002a0f4600 by task …`,
 * arm64 MTE), an invalid free `Free of addr ffff… by task …`
 */
const KASAN_ACCESS =
	/^(Read|Write|Free)(?: of size (\d+))?(?: (?:at|of) addr ([0-9a-f]+))? by task /;
/** the largest pid a kernel gives (PID_MAX_LIMIT, 4194304): a larger one was read from a broken report */
const PID_MAX = 4194304;
/** the address on a 4.x header: `… in consume_skb+0x39f/0x530 at addr ffff…`, `wild-memory-access on address 0000ffff00013138` */
const KASAN_HEADER_ADDR = / (?:at addr|on address) ([0-9a-f]+)\s*$/;
/** what KASAN prints for a stack it has no record of (`Freed by task 0:` of an object never freed, 4.x) */
const NO_STACK = '(stack is not available)';
const KASAN_CACHE = /^which belongs to the cache (\S+) of size (\d+)/;
const KASAN_OLD_OBJECT = /^Object at ([0-9a-f]+), in cache (\S+) size: (\d+)/;
const KASAN_LOCATED =
	/^The buggy address is located (\d+ bytes (?:inside of|to the right of|to the left of))$/;
const KASAN_REGION = /^((?:freed |allocated )?\d+-byte region)\b/;
const KASAN_BY_TASK = /^(Allocated|Freed) by task (\d+):/;
const KASAN_TAGS = /^Pointer tag: \[([0-9a-f]+)\], memory tag: \[([0-9a-f]+)\]/;
/** lines of a report read at most (a KASAN report with both stacks and its shadow dump is ~100) */
const MAX_LINES = 300;

function kasanFacts(
	lines: readonly BlockLine[],
	h: number,
	head: string
): Record<string, DetailValue> {
	const out: Record<string, DetailValue> = {};
	let objectStart: string | null = null;
	const headAddr = KASAN_HEADER_ADDR.exec(head);
	const end = Math.min(lines.length, h + MAX_LINES);
	for (let i = h + 1; i < end; i++) {
		const t = lines[i].text.trim();
		// a second report in the block (another header) is not this one's
		if (t.startsWith('BUG: ') || t.startsWith('Kernel panic')) break;
		let m: RegExpExecArray | null;
		if (out.access === undefined && (m = KASAN_ACCESS.exec(t))) {
			out.access = m[1].toLowerCase();
			if (m[2] !== undefined) out.access_size = Number(m[2]);
			const addr = m[3] ?? headAddr?.[1];
			if (addr !== undefined) out.address = addr;
		} else if (out.object_cache === undefined && (m = KASAN_CACHE.exec(t))) {
			out.object_cache = m[1];
			out.object_size = Number(m[2]);
		} else if (out.object_cache === undefined && (m = KASAN_OLD_OBJECT.exec(t))) {
			out.object_cache = m[2];
			out.object_size = Number(m[3]);
			objectStart = m[1];
		} else if (out.where_in_object === undefined && (m = KASAN_LOCATED.exec(t))) {
			const r = KASAN_REGION.exec(lines[i + 1]?.text.trim() ?? '');
			if (r) out.where_in_object = `${m[1]} ${r[1]}`;
		} else if ((m = KASAN_BY_TASK.exec(t))) {
			const key = m[1] === 'Allocated' ? 'alloc_task' : 'free_task';
			// 120's `Allocated by task 3625515936:` was printed as the report itself crashed
			const recorded = lines[i + 1]?.text.trim() !== NO_STACK;
			if (recorded && Number(m[2]) <= PID_MAX) out[key] ??= Number(m[2]);
		} else if (t === 'Allocated:' || t === 'Freed:') {
			const p = /^PID = (\d+)$/.exec(lines[i + 1]?.text.trim() ?? '');
			const key = t === 'Allocated:' ? 'alloc_task' : 'free_task';
			// lkp-kasan-04.log's out-of-bounds write: `Freed:`, `PID = 0`, `(stack is not available)`
			const recorded = lines[i + 2]?.text.trim() !== NO_STACK;
			if (p && recorded && Number(p[1]) <= PID_MAX) out[key] ??= Number(p[1]);
		} else if (out.pointer_tag === undefined && (m = KASAN_TAGS.exec(t))) {
			out.pointer_tag = m[1];
			out.memory_tag = m[2];
		}
	}
	// a report cut after its 4.10 header still names the address (syzkaller report 104)
	if (out.address === undefined && headAddr) out.address = headAddr[1];
	// 4.x prints the object's start, not where the address is in it: say it in the later words
	if (
		out.where_in_object === undefined &&
		objectStart !== null &&
		typeof out.address === 'string' &&
		typeof out.object_size === 'number'
	) {
		const where = whereOf(out.address, objectStart, out.object_size);
		if (where !== null) out.where_in_object = where;
	}
	return out;
}

/**
 * Where an address is in an object that starts at `start` and has `size` bytes, in KASAN's later
 * words (`0 bytes inside of 32-byte region`, `8 bytes to the right of 32-byte region`), from 4.x's
 * `Object at ffff880019d85f80, in cache kmalloc-32 size: 32`; null for an address more than a
 * page away (not this object's: a report that named another)
 */
function whereOf(address: string, start: string, size: number): string | null {
	if (address.length > 16 || start.length > 16) return null;
	const off = BigInt(`0x${address}`) - BigInt(`0x${start}`);
	const region = `${size}-byte region`;
	const far = BigInt(4096);
	if (off < BigInt(0)) return -off > far ? null : `${-off} bytes to the left of ${region}`;
	if (off < BigInt(size)) return `${off} bytes inside of ${region}`;
	const past = off - BigInt(size);
	return past > far ? null : `${past} bytes to the right of ${region}`;
}

const KFENCE_ACCESS =
	/^(?:Use-after-free|Out-of-bounds|Invalid) (read|write) at (0x[0-9a-f]+)(?: \((.+)\))?:$/;
const KFENCE_OBJECT =
	/^kfence-#\d+ \[0x[0-9a-f]+-0x[0-9a-f]+, size=(\d+), cache=(\S+)\] allocated by task (\d+)/;
const KFENCE_FREED = /^freed by task (\d+)/;

function kfenceFacts(lines: readonly BlockLine[], h: number): Record<string, DetailValue> {
	const out: Record<string, DetailValue> = {};
	const end = Math.min(lines.length, h + MAX_LINES);
	for (let i = h + 1; i < end; i++) {
		const t = lines[i].text.trim();
		if (t.startsWith('BUG: ') || t.startsWith('Kernel panic')) break;
		let m: RegExpExecArray | null;
		if (out.access === undefined && (m = KFENCE_ACCESS.exec(t))) {
			out.access = m[1];
			out.address = m[2];
			// `in kfence-#69` says only that it is inside; `1B left of kfence-#29` where
			if (m[3] !== undefined && !m[3].startsWith('in ')) out.where_in_object = m[3];
		} else if (out.object_cache === undefined && (m = KFENCE_OBJECT.exec(t))) {
			out.object_cache = m[2];
			out.object_size = Number(m[1]);
			out.alloc_task = Number(m[3]);
		} else if (out.free_task === undefined && (m = KFENCE_FREED.exec(t))) {
			out.free_task = Number(m[1]);
		}
	}
	return out;
}

const LEAK_OBJECT = /^unreferenced object (0x[0-9a-f]+) \(size (\d+)\):/;

function leakFacts(lines: readonly BlockLine[], h: number): Record<string, DetailValue> {
	const end = Math.min(lines.length, h + 3);
	for (let i = h; i < end; i++) {
		const m = LEAK_OBJECT.exec(lines[i].text.trim());
		if (m) return { address: m[1], object_size: Number(m[2]) };
	}
	return {};
}

/** kmemleak's task line under its object: `comm "syz-executor1", pid 8262, jiffies 4294976807` */
const LEAK_TASK = /^comm "(.*)", pid (\d+), jiffies /;

/** The task a kmemleak report names (the one that allocated the object), or null. */
export function leakTask(text: string): { comm: string; pid: number } | null {
	const m = LEAK_TASK.exec(text.trim());
	return m ? { comm: m[1], pid: Number(m[2]) } : null;
}

/** KASAN's task, on its access line (`Read of size 4 by task syz-executor2/4676`), or null. */
export function kasanTask(text: string): { comm: string; pid: number } | null {
	const t = text.trim();
	if (!KASAN_ACCESS.test(t)) return null;
	const task = t.slice(t.indexOf(' by task ') + 9).trimEnd();
	const slash = task.lastIndexOf('/');
	if (slash < 1 || !/^\d+$/.test(task.slice(slash + 1))) return null;
	return { comm: task.slice(0, slash), pid: Number(task.slice(slash + 1)) };
}

/** the faulting address of x86's and arm64's fault headers */
const FAULT_ADDRESS = [
	/unable to handle kernel paging request at ([0-9a-f]{8,16})\b/,
	/unable to handle page fault for address: ([0-9a-f]{8,16})\b/,
	/probably for non-canonical address (0x[0-9a-f]{16})\b/,
	/Unable to handle kernel paging request at virtual address ([0-9a-f]{8,16})\b/
];
const CR2 = /\bCR2: ([0-9a-f]{8}|[0-9a-f]{16})\b/;

/**
 * The faulting address read as text, when its bytes are all printable ASCII in memory order
 * (little-endian: x86's `CR2: 20534847` is `GHS `): a string's bytes used as a pointer (a `%s`
 * given text, a corrupted pointer overwritten by a string), which kernel developers note. Only an
 * address that cannot be a real one's: 8 printable bytes make an x86-64 or arm64 address
 * non-canonical (its top byte 0x20-0x7e), and 4 are read only with at least three letters or
 * digits among them (a 32-bit user address may be printable by chance; text is mostly letters).
 * From the fault header, or from `CR2:` when the header is a page fault's or the report kept only
 * its registers (`registersOnly`: a panic whose oops lost its header, lkp-74.log). Null otherwise.
 */
export function addressAsText(
	lines: readonly BlockLine[],
	registers: readonly string[],
	registersOnly: boolean
): string | null {
	let hex: string | null = null;
	let pageFault = registersOnly;
	for (const l of lines.slice(0, 8)) {
		for (const re of FAULT_ADDRESS) {
			const m = re.exec(l.text);
			if (m) {
				hex = m[1].replace(/^0x/, '');
				break;
			}
		}
		if (hex !== null) break;
	}
	if (hex === null) {
		pageFault ||= lines
			.slice(0, 8)
			.some((l) => /unable to handle (?:kernel paging request|page fault)/i.test(l.text));
		if (pageFault) {
			for (const r of registers) {
				const m = CR2.exec(r);
				if (m) {
					hex = m[1];
					break;
				}
			}
		}
	}
	return hex === null ? null : asciiOf(hex);
}

function asciiOf(hex: string): string | null {
	if (hex.length !== 8 && hex.length !== 16) return null;
	let text = '';
	// little-endian: the lowest byte first in memory
	for (let i = hex.length - 2; i >= 0; i -= 2) {
		const b = parseInt(hex.slice(i, i + 2), 16);
		if (b < 0x20 || b > 0x7e) return null;
		text += String.fromCharCode(b);
	}
	if (hex.length === 8 && (text.match(/[a-z0-9]/gi)?.length ?? 0) < 3) return null;
	return text;
}

/** x86-64's general-purpose registers by number, as a register dump prints them */
const X86_64_REGISTERS = [
	'RAX',
	'RCX',
	'RDX',
	'RBX',
	'RSP',
	'RBP',
	'RSI',
	'RDI',
	'R08',
	'R09',
	'R10',
	'R11',
	'R12',
	'R13',
	'R14',
	'R15'
];

/** one-byte opcodes with a ModRM byte (the two-byte map's are all but TWO_BYTE_NO_MODRM) */
const ONE_BYTE_MODRM = new Set([
	...[0x00, 0x08, 0x10, 0x18, 0x20, 0x28, 0x30, 0x38].flatMap((b) => [b, b + 1, b + 2, b + 3]),
	0x63,
	0x69,
	0x6b,
	...[0x80, 0x81, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8d, 0x8e, 0x8f],
	0xc0,
	0xc1,
	0xc6,
	0xc7,
	0xd0,
	0xd1,
	0xd2,
	0xd3,
	0xf6,
	0xf7,
	0xfe,
	0xff
]);
const TWO_BYTE_NO_MODRM = new Set([
	0x05,
	0x06,
	0x07,
	0x08,
	0x09,
	0x0b,
	0x30,
	0x31,
	0x32,
	0x33,
	0x34,
	0x35,
	0x77,
	0xa0,
	0xa1,
	0xa2,
	0xa8,
	0xa9,
	0xaa,
	...Array.from({ length: 16 }, (_, k) => 0x80 + k),
	...Array.from({ length: 8 }, (_, k) => 0xc8 + k)
]);
const PREFIXES = new Set([0x66, 0xf0, 0xf2, 0xf3, 0x2e, 0x36, 0x3e, 0x26, 0x64, 0x65]);

/**
 * The registers that address the memory operand of the faulting instruction of an x86-64 `Code:`
 * line (its bytes from the one marked `<…>`): the ModRM byte's base and the SIB byte's base and
 * index, with REX's extensions; [] for an instruction without a memory operand or one this
 * decoder does not know (VEX, RIP-relative, a 32-bit address), null without a marked byte.
 * lkp-42.log: `<4c> 0f a3 78 18` is `bt %r15,0x18(%rax)`: RAX.
 */
export function memoryOperandRegisters(code: string): string[] | null {
	const at = code.indexOf('<');
	if (at < 0) return null;
	const bytes = code
		.slice(at)
		.replace(/[<>]/g, '')
		.trim()
		.split(/\s+/)
		.map((b) => (/^[0-9a-f]{2}$/.test(b) ? parseInt(b, 16) : NaN));
	let i = 0;
	while (i < bytes.length && PREFIXES.has(bytes[i])) i++;
	let rex = 0;
	if (bytes[i] >= 0x40 && bytes[i] <= 0x4f) rex = bytes[i++];
	const op = bytes[i++];
	if (Number.isNaN(op) || op === 0x67 || op === 0xc4 || op === 0xc5) return [];
	let modrm: boolean;
	if (op === 0x0f) {
		const op2 = bytes[i++];
		if (op2 === 0x38 || op2 === 0x3a) i++;
		modrm = !TWO_BYTE_NO_MODRM.has(op2);
	} else modrm = ONE_BYTE_MODRM.has(op);
	if (!modrm || i >= bytes.length || Number.isNaN(bytes[i])) return [];
	const m = bytes[i++];
	const mod = m >> 6;
	const rm = m & 7;
	if (mod === 3 || (mod === 0 && rm === 5)) return [];
	const b = rex & 1 ? 8 : 0;
	if (rm !== 4) return [X86_64_REGISTERS[rm + b]];
	const sib = bytes[i];
	if (Number.isNaN(sib) || sib === undefined) return [];
	const base = sib & 7;
	const index = ((sib >> 3) & 7) + (rex & 2 ? 8 : 0);
	const out: string[] = [];
	if (!(mod === 0 && base === 5)) out.push(X86_64_REGISTERS[base + b]);
	if (index !== 4) out.push(X86_64_REGISTERS[index]);
	return out;
}

/** the general-purpose registers of an x86-64 register dump, as printed: `RAX: 6d6d75642d676572` */
const GP_REGISTER = /\b(R[A-D]X|R[SD]I|RBP|R(?:0[89]|1[0-5])): ([0-9a-f]{16})\b/g;

/**
 * A register that addresses the faulting instruction's memory operand (memoryOperandRegisters)
 * and whose 8 bytes are all printable ASCII in memory order, for a report that prints no faulting
 * address: x86-64's general protection fault, raised by a non-canonical address, which 8
 * printable bytes always are (lkp-42.log: `RAX: 6d6d75642d676572`, `reg-dumm`, the base of the
 * faulting `bt %r15,0x18(%rax)`). Other registers that hold text are left: the remains of a
 * string just copied (lkp-48.log's `R09: 746e696174206c65`, `el taint` of the printk before the
 * fault). The first in the dump's order, or null.
 */
export function registerAsText(
	registers: readonly string[]
): { register: string; text: string } | null {
	const code = registers.find((r) => r.startsWith('Code: '));
	const used = code === undefined ? null : memoryOperandRegisters(code);
	if (used === null || used.length === 0) return null;
	for (const r of registers) {
		for (const m of r.matchAll(GP_REGISTER)) {
			if (!used.includes(m[1])) continue;
			const text = asciiOf(m[2]);
			if (text !== null) return { register: m[1], text };
		}
	}
	return null;
}
