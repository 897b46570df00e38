/**
 * Archives (tar, zip) read as they stream: sosreports, Android bug reports, a packed /var/log.
 * The archive is told by its first bytes after decompression (`ustar` at 257 for tar,
 * `PK\x03\x04` for zip), never by its name. Its members are walked one after the other; the
 * ones whose path names a kernel log (see `kernelLogMember`) are candidates, and one of them is
 * analysed: the best ranked (kern.log, then messages or syslog, then `journalctl -k`, then a
 * journal of one boot, then dmesg, then an Android bug report's text). Several would give the
 * same kernel messages twice. A better one met later replaces the one being read (the caller
 * starts its analysis again: `start.replaces`). Nothing but the member being read is held, and
 * the names of the first members (for the note). An archive of one file is that file, whatever
 * its name (ArchiveSummary.tentative: its first file, held until another comes or the archive
 * ends, see archiveText in decode.ts).
 */
import {
	Unzip,
	UnzipInflate,
	type AsyncFlateStreamHandler,
	type UnzipDecoder,
	type UnzipDecoderConstructor,
	type UnzipFile
} from 'fflate';
import { InputError } from './decode.ts';
import { groupDigits } from '../util/text.ts';
import { concatBytes } from '../util/bytes.ts';

export type ArchiveKind = 'tar' | 'zip';

/** tar (`ustar` at 257, POSIX and GNU alike) or zip (a local file header first), else null */
export function archiveKind(head: Uint8Array): ArchiveKind | null {
	if (
		head.length >= 262 &&
		head[257] === 0x75 &&
		head[258] === 0x73 &&
		head[259] === 0x74 &&
		head[260] === 0x61 &&
		head[261] === 0x72
	)
		return 'tar';
	if (
		head.length >= 4 &&
		head[0] === 0x50 &&
		head[1] === 0x4b &&
		head[2] === 0x03 &&
		head[3] === 0x04
	)
		return 'zip';
	return null;
}

export interface KernelLogMember {
	/** lower is preferred */
	rank: number;
	/** what the member is, for the note */
	what: string;
	/** false: a kernel log, compressed in a way not read inside an archive (listed, not read) */
	readable: boolean;
}

/**
 * What kind of kernel log a member's path names, or null. By the last part of the path (and the
 * directory for sosreport's command output):
 *
 * | rank | member                                                                   | what it holds                          |
 * | ---- | ------------------------------------------------------------------------ | -------------------------------------- |
 * | 10   | `kern.log`, in a `log` directory or the archive's top (or a folder in it) | the kernel's messages of every boot     |
 * | 20   | `messages`, `syslog`, likewise                                            | every program's messages, every boot    |
 * | 30   | `journalctl…` with `-k` or `--dmesg` among its options (sosreport)        | the journal's kernel messages           |
 * | 40   | `journalctl_--no-pager_--catalog_--boot…` (sosreport, this or last boot)  | the journal of one boot                  |
 * | 50   | `dmesg…` in `sos_commands/kernel/`, a `log` directory or the top          | the kernel ring buffer, this boot        |
 * | 50   | `kernel.txt`, `kernel.log` in a `log` directory or the top                | a kernel log a user saved                |
 * | 60   | `bugreport…txt` (Android; only its kernel sections are read)              | an Android bug report                    |
 *
 * A rotated file (`kern.log.1`, `messages-20240101`, `syslog.2.gz`) ranks just after the current
 * one (older boots). `.gz` and `.zst` members are decompressed; `.xz` (xz-decompress runs one
 * decoder at a time: inside a `.tar.xz` it would wait for itself), `.bz2` and `.lz4` ones are
 * listed as not read.
 */
export function kernelLogMember(path: string): KernelLogMember | null {
	const parts = path.split('/').filter((p) => p !== '' && p !== '.');
	if (parts.length === 0) return null;
	let base = parts[parts.length - 1];
	const dir = parts.slice(0, -1);
	let readable = true;
	let rotated = false;
	const dot = base.lastIndexOf('.');
	const ext = dot > 0 ? base.slice(dot + 1) : '';
	if (ext === 'gz' || ext === 'zst') base = base.slice(0, dot);
	else if (ext === 'xz' || ext === 'bz2' || ext === 'lz4') {
		base = base.slice(0, dot);
		readable = false;
	}
	// a rotated file's number or date: `.1`, `-20240101`
	const rot = /^([a-z.]+?)(?:\.\d{1,3}|-\d{8})$/.exec(base);
	if (rot !== null) {
		base = rot[1];
		rotated = true;
	}
	const top = dir.length <= 1;
	const inLog = top || dir[dir.length - 1] === 'log';
	const sosKernel = dir.length >= 2 && dir[dir.length - 2] === 'sos_commands';
	let found: { rank: number; what: string } | null = null;
	if (base === 'kern.log' && inLog) found = { rank: 10, what: 'kern.log' };
	else if ((base === 'messages' || base === 'syslog') && inLog)
		found = { rank: 20, what: `${base}, every program's messages` };
	else if (base.startsWith('journalctl') && sosKernel) {
		const opts = base.split('_');
		if (opts.includes('-k') || opts.includes('--dmesg'))
			found = { rank: 30, what: 'journalctl -k' };
		else if (base.startsWith('journalctl_--no-pager_--catalog_--boot'))
			found = {
				rank: base.endsWith('--boot') ? 40 : 41,
				what: `the journal of ${base.endsWith('--boot') ? 'one boot' : 'an earlier boot'}`
			};
	} else if (
		(base === 'dmesg' ||
			base.startsWith('dmesg_') ||
			base === 'dmesg.old' ||
			base === 'dmesg.txt' ||
			base === 'dmesg.log') &&
		(inLog || (sosKernel && dir[dir.length - 1] === 'kernel'))
	)
		found = { rank: 50, what: 'dmesg, this boot' };
	// the names this program's advice saves a kernel log under (`journalctl -k > kernel.txt`)
	else if ((base === 'kernel.txt' || base === 'kernel.log') && inLog)
		found = { rank: 50, what: 'a saved kernel log' };
	else if (base.startsWith('bugreport') && base.endsWith('.txt') && rot === null)
		found = { rank: 60, what: 'an Android bug report' };
	if (found === null) return null;
	return { rank: found.rank + (rotated ? 5 : 0), what: found.what, readable };
}

/** What is met while an archive is walked. */
export type ArchiveEvent =
	/** a member that is analysed starts; `replaces` the member whose analysis it replaces */
	| { type: 'start'; name: string; replaces: string | null }
	| { type: 'data'; bytes: Uint8Array }
	| { type: 'end' }
	/**
	 * the member read as the archive's only file (ArchiveSummary.tentative) is not: another file
	 * follows it, and no kernel log is read in its place yet (the analysis starts again, empty)
	 */
	| { type: 'drop'; name: string }
	/** bytes of other members were read: a turn for a Stop request and progress */
	| { type: 'tick' };

/** names kept for the note */
const LISTED = 20;
/** what the archive's only file is (ArchiveSummary.tentative), and its rank: below any kernel log's */
const ONLY_FILE = 'the archive’s only file';
const ONLY_FILE_RANK = 1000;

/** What the walk saw, for the note at its end. */
export class ArchiveSummary {
	files = 0;
	/** the first files' names */
	readonly first: string[] = [];
	/** the member analysed */
	chosen: { name: string; what: string } | null = null;
	/** kernel-log members not analysed (replaced, or ranked lower), with why */
	readonly others: string[] = [];
	private chosenRank = Infinity;
	/** the member the chosen one replaced, until the chosen one gives its first bytes */
	private replaced: { chosen: { name: string; what: string } | null; rank: number } | null = null;
	/**
	 * the archive's first file, whose name is no kernel log's, read as the log while no other
	 * file is met: an archive of one text file (`messages` in a folder, `console.log`, `boot.txt`)
	 * is that log; it had been refused with its file list
	 */
	tentative: string | null = null;
	/** the archive's only file was binary data: not read (its name, for the note) */
	binary: string | null = null;

	constructor(readonly kind: ArchiveKind) {}

	/**
	 * a regular file met: whether to analyse it (and what it replaces). `size` is its length when
	 * known before its data (not in a zip member with a data descriptor): an empty one (a kern.log
	 * just rotated) is not taken, so that it replaces nothing; nor is one whose compression is
	 * not read (`readable` false: a zip member's method other than stored or deflate).
	 */
	file(
		name: string,
		size?: number,
		readable = true
	): { take: boolean; replaces: string | null; drop?: string } {
		this.files++;
		if (this.first.length < LISTED) this.first.push(name);
		const m = kernelLogMember(name);
		if (m === null) {
			// the first file, of any name: read while it is the only one (see tentative)
			if (this.files === 1 && readable && size !== 0) {
				this.tentative = name;
				this.replaced = { chosen: null, rank: Infinity };
				this.chosen = { name, what: ONLY_FILE };
				this.chosenRank = ONLY_FILE_RANK;
				return { take: true, replaces: null };
			}
			// a second file: the first was not the archive's only one
			const drop = this.untake();
			return drop === null
				? { take: false, replaces: null }
				: { take: false, replaces: null, drop };
		}
		if (this.tentative !== null && this.chosenRank === ONLY_FILE_RANK) {
			// a kernel log replaces the first file read as the only one (not listed as a kernel log)
			if (!m.readable || !readable || size === 0) {
				const drop = this.untake();
				this.others.push(
					`\`${name}\`${size === 0 ? ' (empty)' : ' (compressed in a way not read inside an archive)'}`
				);
				return drop === null
					? { take: false, replaces: null }
					: { take: false, replaces: null, drop };
			}
			const replaces = this.tentative;
			this.tentative = null;
			this.replaced = { chosen: null, rank: Infinity };
			this.chosen = { name, what: m.what };
			this.chosenRank = m.rank;
			return { take: true, replaces };
		}
		if (!m.readable || !readable) {
			this.others.push(`\`${name}\` (compressed in a way not read inside an archive)`);
			return { take: false, replaces: null };
		}
		if (size === 0) {
			this.others.push(`\`${name}\` (empty)`);
			return { take: false, replaces: null };
		}
		if (m.rank >= this.chosenRank) {
			this.others.push(`\`${name}\``);
			return { take: false, replaces: null };
		}
		const replaces = this.chosen?.name ?? null;
		if (replaces !== null) this.others.push(`\`${replaces}\``);
		this.replaced = { chosen: this.chosen, rank: this.chosenRank };
		this.chosen = { name, what: m.what };
		this.chosenRank = m.rank;
		return { take: true, replaces };
	}

	/**
	 * the member taken last (its size not known before its data: a zip data descriptor) ended
	 * without a byte: it is listed as empty, and the member it would have replaced, still being
	 * read, is the one analysed again
	 */
	empty(name: string): void {
		if (this.chosen?.name !== name || this.replaced === null) return;
		if (this.tentative === name) {
			this.tentative = null;
			this.chosen = null;
			this.chosenRank = Infinity;
			this.replaced = null;
			return;
		}
		const { chosen, rank } = this.replaced;
		if (chosen !== null) {
			const at = this.others.lastIndexOf(`\`${chosen.name}\``);
			if (at >= 0) this.others.splice(at, 1);
		}
		this.others.push(`\`${name}\` (empty)`);
		this.chosen = chosen;
		this.chosenRank = rank;
		this.replaced = null;
	}

	/** the first file read as the only one is not (another follows): its name, else null */
	private untake(): string | null {
		const t = this.tentative;
		if (t === null || this.chosen?.name !== t) return null;
		this.tentative = null;
		this.chosen = null;
		this.chosenRank = Infinity;
		this.replaced = null;
		return t;
	}

	/** the archive's only file is binary data (its first bytes): it is not read */
	binaryOnly(name: string): void {
		if (this.tentative !== name) return;
		this.binary = name;
		this.tentative = null;
		this.chosen = null;
		this.chosenRank = Infinity;
	}

	/** the note for the report's warnings */
	note(): string {
		const kind = this.kind === 'tar' ? 'a tar archive' : 'a zip archive';
		const count = `${groupDigits(this.files)} ${this.files === 1 ? 'file' : 'files'}`;
		if (this.binary !== null)
			return `This is ${kind} of one file, \`${this.binary}\`, which is binary data, not a text log: extract it, and analyse the kernel log it holds as text.`;
		if (this.chosen === null) {
			const listed = this.first.map((n) => `\`${n}\``).join(', ');
			const more =
				this.files > this.first.length ? `, and ${this.files - this.first.length} more` : '';
			const others =
				this.others.length > 0
					? ` Kernel logs in it that are not read: ${this.others.join(', ')}.`
					: '';
			return `This is ${kind} with no kernel log that is read here (kern.log, messages, syslog, dmesg, kernel.txt, a sosreport's journalctl output or an Android bug report, by their paths).${others} It holds ${count}${this.files > 0 ? `: ${listed}${more}` : ''}. Extract the kernel log from it and analyse that.`;
		}
		const shown = this.others.slice(0, LISTED);
		const more =
			this.others.length > shown.length ? `, and ${this.others.length - shown.length} more` : '';
		const others =
			this.others.length > 0
				? ` Other kernel logs in it, not analysed (one is read, so that no message is counted twice): ${shown.join(', ')}${more}.`
				: '';
		if (this.chosen.what === ONLY_FILE)
			return `This is ${kind} of one file, \`${this.chosen.name}\`: it is analysed as the kernel log, though its name is none of those read by name in an archive (kern.log, messages, syslog, dmesg, kernel.txt, …).`;
		return `This is ${kind} (${count}): the kernel log analysed is its member \`${this.chosen.name}\` (${this.chosen.what}).${others}`;
	}
}

/** Pulls exact byte counts from a stream of chunks. */
class ByteReader {
	private buf: Uint8Array = new Uint8Array(0);
	private ended = false;
	constructor(private readonly it: AsyncIterator<Uint8Array>) {}

	/** more bytes into the buffer; false at the end */
	private async fill(): Promise<boolean> {
		if (this.ended) return false;
		const r = await this.it.next();
		if (r.done) {
			this.ended = true;
			return false;
		}
		this.buf = this.buf.length === 0 ? r.value : concatBytes([this.buf, r.value]);
		return true;
	}

	/** exactly n bytes, or fewer at the end */
	async read(n: number): Promise<Uint8Array> {
		while (this.buf.length < n && (await this.fill()));
		const out = this.buf.subarray(0, Math.min(n, this.buf.length));
		this.buf = this.buf.subarray(out.length);
		return out;
	}

	/** up to n bytes, at most what one chunk gives; empty at the end */
	async some(n: number): Promise<Uint8Array> {
		if (this.buf.length === 0) await this.fill();
		const out = this.buf.subarray(0, Math.min(n, this.buf.length));
		this.buf = this.buf.subarray(out.length);
		return out;
	}
}

function damaged(name: string): InputError {
	return new InputError(
		'corrupt-compressed',
		`The archive is damaged: its member \`${name}\` cannot be decompressed.`
	);
}

function truncated(name: string | null): InputError {
	return new InputError(
		'corrupt-compressed',
		name === null
			? 'The archive is damaged or truncated.'
			: `The archive is truncated: it ends in the middle of \`${name}\`.`
	);
}

function cutAfter(name: string): InputError {
	return new InputError(
		'corrupt-compressed',
		`The archive is truncated: it ends in the padding after \`${name}\`, whose data is whole; any members after it are missing.`
	);
}

const ascii = new TextDecoder('utf-8');

/** a NUL-terminated text field of a tar header */
function field(h: Uint8Array, at: number, len: number): string {
	const f = h.subarray(at, at + len);
	const nul = f.indexOf(0);
	return ascii.decode(nul === -1 ? f : f.subarray(0, nul));
}

/** a tar number: octal text, or base-256 when the first byte's high bit is set (GNU, > 8 GiB) */
function tarNumber(h: Uint8Array, at: number, len: number): number {
	if (h[at] & 0x80) {
		let n = h[at] & 0x7f;
		for (let i = 1; i < len; i++) n = n * 256 + h[at + i];
		return n;
	}
	const s = field(h, at, len).trim();
	return s === '' ? 0 : parseInt(s, 8);
}

function checksumOk(h: Uint8Array): boolean {
	let sum = 0;
	for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i];
	return tarNumber(h, 148, 8) === sum;
}

/** pax extended header records (`LEN key=value\n`): the ones used here */
function paxRecords(body: Uint8Array): { path?: string; size?: number } {
	const out: { path?: string; size?: number } = {};
	const text = ascii.decode(body);
	let i = 0;
	while (i < text.length) {
		const sp = text.indexOf(' ', i);
		if (sp === -1) break;
		const len = parseInt(text.slice(i, sp), 10);
		if (!(len > 0)) break;
		const rec = text.slice(sp + 1, i + len - 1);
		const eq = rec.indexOf('=');
		if (eq > 0) {
			const key = rec.slice(0, eq);
			const value = rec.slice(eq + 1);
			if (key === 'path') out.path = value;
			else if (key === 'size') out.size = Number(value);
		}
		i += len;
	}
	return out;
}

/** longest pax or GNU long-name body read (a longer one is skipped) */
const MAX_META = 1 << 16;
/** bytes read at a time from a member's body */
const SLICE = 1 << 16;

/**
 * The events of a tar archive's walk: the chosen members' bytes, ticks for the rest. A tar that
 * ends inside a member, or whose header is damaged, throws after what was read.
 */
export async function* walkTar(
	src: AsyncIterable<Uint8Array>,
	summary: ArchiveSummary
): AsyncGenerator<ArchiveEvent> {
	const r = new ByteReader(src[Symbol.asyncIterator]());
	let longName: string | null = null;
	let pax: { path?: string; size?: number } = {};
	for (;;) {
		const h = await r.read(512);
		if (h.length === 0) return; // the end without the end-of-archive blocks: as tar reads it
		if (h.length < 512) throw truncated(null);
		if (h.every((b) => b === 0)) return; // end-of-archive
		if (!checksumOk(h)) throw truncated(null);
		const type = String.fromCharCode(h[156] || 0x30);
		const ustar = field(h, 257, 6) === 'ustar';
		const prefix = ustar ? field(h, 345, 155) : '';
		let name = pax.path ?? longName ?? (prefix !== '' ? `${prefix}/` : '') + field(h, 0, 100);
		const size =
			type === 'x' || type === 'g' || type === 'L' || type === 'K'
				? tarNumber(h, 124, 12)
				: (pax.size ?? tarNumber(h, 124, 12));
		const padded = Math.ceil(size / 512) * 512;
		if (type === 'L' || type === 'x') {
			// the next header's long name (GNU) or extended attributes (pax)
			if (size > MAX_META) {
				yield* skip(r, padded, name);
				continue;
			}
			const body = await r.read(padded);
			if (body.length < padded) throw truncated(name);
			if (type === 'L') longName = field(body, 0, size);
			else pax = paxRecords(body.subarray(0, size));
			continue;
		}
		longName = null;
		pax = {};
		name = name.replace(/^\.\//, '');
		const regular = type === '0' || type === '7';
		const choice: ReturnType<ArchiveSummary['file']> = regular
			? summary.file(name, size)
			: { take: false, replaces: null };
		if (choice.drop !== undefined) yield { type: 'drop', name: choice.drop };
		if (!choice.take) {
			yield* skip(r, padded, name);
			continue;
		}
		yield { type: 'start', name, replaces: choice.replaces };
		let left = size;
		while (left > 0) {
			const bytes = await r.some(Math.min(left, SLICE));
			if (bytes.length === 0) throw truncated(name);
			left -= bytes.length;
			yield { type: 'data', bytes };
		}
		yield { type: 'end' };
		// a tar cut in the padding after the member's data is cut too (GNU tar: "Unexpected EOF");
		// what came after it (a better kernel log) is lost
		const pad = padded - size;
		if (pad > 0 && (await r.read(pad)).length < pad) throw cutAfter(name);
	}
}

async function* skip(r: ByteReader, n: number, name: string): AsyncGenerator<ArchiveEvent> {
	let left = n;
	while (left > 0) {
		const got = await r.some(Math.min(left, SLICE));
		if (got.length === 0) throw truncated(name);
		left -= got.length;
		yield { type: 'tick' };
	}
}

/** the zip compression methods read: stored (0) and deflate (8, UnzipInflate) */
const ZIP_METHODS = new Set([0, 8]);

/** compressed bytes handed to the zip reader at a time (each push's output is checked) */
const ZIP_SLICE = 4096;

/**
 * A zip "decoder" for a compression method not read: it takes the member's bytes and drops them
 * (fflate has no decoder for it and would hold them all, a member of any size, to the archive's
 * end), and gives nothing.
 */
function dropping(method: number): UnzipDecoderConstructor {
	return class implements UnzipDecoder {
		static compression = method;
		ondata: AsyncFlateStreamHandler = () => {};
		push(_data: Uint8Array, final: boolean) {
			if (final) this.ondata(null, new Uint8Array(0), true);
		}
	};
}

/**
 * The events of a zip archive's walk (fflate's streaming Unzip, local headers one after the
 * other). Every member is inflated (a member written with a data descriptor has no size before
 * its data), the others' output dropped; all of it counts against `limit`, past which the
 * decompression-bomb error is thrown (`bomb`). A damaged or truncated zip throws after what was
 * read; damaged data that still inflates is told by its size when the local header has it (no
 * checksum is checked), not in a member written with a data descriptor.
 */
export async function* walkZip(
	src: AsyncIterable<Uint8Array>,
	summary: ArchiveSummary,
	limit: number,
	bomb: (limit: number) => Error
): AsyncGenerator<ArchiveEvent> {
	const queue: ArchiveEvent[] = [];
	let produced = 0;
	let over = false;
	/** the member analysed could not be decompressed */
	let failed: string | null = null;
	/** the input ended too early or its headers make no sense (fflate threw) */
	let broken = false;
	let current: string | null = null;
	const unzip = new Unzip((file: UnzipFile) => {
		const isDir = file.name.endsWith('/');
		const method = ZIP_METHODS.has(file.compression);
		const choice: ReturnType<ArchiveSummary['file']> = isDir
			? { take: false, replaces: null }
			: // a method not read (bzip2, LZMA, Deflate64) is listed, not taken: it would replace
				// the member read and then fail
				summary.file(file.name, file.originalSize, method);
		if (choice.drop !== undefined) queue.push({ type: 'drop', name: choice.drop });
		// a member whose size comes after its data (a data descriptor) starts when its first bytes
		// come: one that ends empty (a kern.log just rotated) replaces nothing (summary.empty)
		let started = false;
		const begin = () => {
			started = true;
			queue.push({ type: 'start', name: file.name, replaces: choice.replaces });
		};
		if (choice.take) {
			current = file.name;
			if (file.originalSize !== undefined) begin();
		}
		// a method not read: its bytes are dropped as they come (fflate keeps a member's bytes
		// until the archive ends when it has no decoder for them)
		if (!method && !registered.has(file.compression)) {
			registered.add(file.compression);
			unzip.register(dropping(file.compression));
		}
		let got = 0;
		file.ondata = (err, data, final) => {
			if (over || failed !== null) return;
			if (err) {
				// another member's trouble (a compression method not read) is not the log's
				if (choice.take) failed = file.name;
				return;
			}
			const room = limit - produced;
			produced += data.length;
			if (data.length > room) {
				if (choice.take && room > 0) {
					if (!started) begin();
					queue.push({ type: 'data', bytes: data.slice(0, room) });
				}
				over = true;
				return;
			}
			if (choice.take) {
				got += data.length;
				if (!started) {
					if (data.length === 0 && final) {
						summary.empty(file.name);
						current = null;
						return;
					}
					if (data.length > 0) begin();
				}
				if (data.length > 0) queue.push({ type: 'data', bytes: data });
				if (final) {
					// damaged data can inflate without an error: its size tells (fflate checks no CRC;
					// a member with a data descriptor has no size here)
					if (file.originalSize !== undefined && got !== file.originalSize) failed = file.name;
					else queue.push({ type: 'end' });
					current = null;
				}
			}
		};
		file.start();
	});
	unzip.register(UnzipInflate);
	const registered = new Set<number>();
	const push = (chunk: Uint8Array, final: boolean) => {
		try {
			unzip.push(chunk, final);
		} catch {
			broken = true;
		}
	};
	for await (const chunk of src) {
		for (let i = 0; i < chunk.length; i += ZIP_SLICE) {
			push(chunk.subarray(i, Math.min(chunk.length, i + ZIP_SLICE)), false);
			if (queue.length > 0) yield* queue.splice(0);
			else yield { type: 'tick' };
			if (over) throw bomb(limit);
			if (failed !== null) throw damaged(failed);
			if (broken) throw truncated(current);
		}
	}
	push(new Uint8Array(0), true);
	yield* queue.splice(0);
	if (over) throw bomb(limit);
	if (failed !== null) throw damaged(failed);
	if (broken) throw truncated(current);
}
