/**
 * A small Rust v0 symbol demangler (https://doc.rust-lang.org/rustc/symbol-mangling/v0.html)
 * for frame names: `_RNvMs3_NtCs..._11rust_binder7processNtB5_7Process10update_ref` →
 * `<rust_binder::process::Process>::update_ref`. Generic arguments are dropped, as syzkaller
 * does before matching frames. Anything it cannot read is returned unchanged.
 */
const BASIC: Record<string, string> = {
	a: 'i8',
	b: 'bool',
	c: 'char',
	d: 'f64',
	e: 'str',
	f: 'f32',
	h: 'u8',
	i: 'isize',
	j: 'usize',
	l: 'i32',
	m: 'u32',
	n: 'i128',
	o: 'u128',
	p: '_',
	s: 'i16',
	t: 'u16',
	u: '()',
	v: '...',
	x: 'i64',
	y: 'u64',
	z: '!'
};

class Parser {
	i = 0;
	depth = 0;
	constructor(private readonly s: string) {}

	private peek(): string {
		return this.s[this.i] ?? '';
	}

	private next(): string {
		if (this.i >= this.s.length) throw new Error('end');
		return this.s[this.i++];
	}

	private base62(): number {
		if (this.peek() === '_') {
			this.i++;
			return 0;
		}
		let v = 0;
		for (;;) {
			const c = this.next();
			if (c === '_') return v + 1;
			const d = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'.indexOf(c);
			if (d < 0) throw new Error('base62');
			v = v * 62 + d;
		}
	}

	private disambiguator(): void {
		if (this.peek() === 's') {
			this.i++;
			this.base62();
		}
	}

	private ident(): string {
		this.disambiguator();
		if (this.peek() === 'u') throw new Error('punycode');
		let n = 0;
		let digits = 0;
		while (/\d/.test(this.peek())) {
			n = n * 10 + Number(this.next());
			digits++;
		}
		if (digits === 0) throw new Error('ident');
		if (this.peek() === '_') this.i++;
		const out = this.s.slice(this.i, this.i + n);
		if (out.length !== n) throw new Error('ident');
		this.i += n;
		return out;
	}

	private backref<T>(parse: () => T): T {
		const at = this.base62() + 2; // positions count from after `_R`
		if (++this.depth > 50) throw new Error('depth');
		const saved = this.i;
		this.i = at;
		const v = parse();
		this.i = saved;
		this.depth--;
		return v;
	}

	pathFrom(at: number): string {
		this.i = at;
		return this.path();
	}

	path(): string {
		const c = this.next();
		switch (c) {
			case 'C':
				return this.ident();
			case 'N': {
				const ns = this.next();
				const parent = this.path();
				const name = this.ident();
				if (ns === 'C') return `${parent}::{closure}`;
				if (ns === 'S') return `${parent}::{shim}`;
				return name === '' ? parent : `${parent}::${name}`;
			}
			case 'M': {
				this.disambiguator();
				this.path();
				return `<${this.type()}>`;
			}
			case 'X': {
				this.disambiguator();
				this.path();
				const self = this.type();
				return `<${self} as ${this.path()}>`;
			}
			case 'Y': {
				const self = this.type();
				return `<${self} as ${this.path()}>`;
			}
			case 'I': {
				const p = this.path();
				while (this.peek() !== 'E') this.genericArg();
				this.i++;
				return p;
			}
			case 'B':
				return this.backref(() => this.path());
			default:
				throw new Error('path');
		}
	}

	private genericArg(): void {
		const c = this.peek();
		if (c === 'L') {
			this.i++;
			this.base62();
		} else if (c === 'K') {
			this.i++;
			this.constant();
		} else this.type();
	}

	private constant(): void {
		const c = this.next();
		if (c === 'B') {
			this.base62();
			return;
		}
		if (c === 'p') return;
		while (this.peek() !== '_') this.next();
		this.i++;
	}

	type(): string {
		const c = this.peek();
		if (c in BASIC) {
			this.i++;
			return BASIC[c];
		}
		this.i++;
		switch (c) {
			case 'R':
			case 'Q': {
				if (this.peek() === 'L') {
					this.i++;
					this.base62();
				}
				return `&${c === 'Q' ? 'mut ' : ''}${this.type()}`;
			}
			case 'P':
				return `*const ${this.type()}`;
			case 'O':
				return `*mut ${this.type()}`;
			case 'S':
				return `[${this.type()}]`;
			case 'A': {
				const t = this.type();
				this.constant();
				return `[${t}; _]`;
			}
			case 'T': {
				const parts: string[] = [];
				while (this.peek() !== 'E') parts.push(this.type());
				this.i++;
				return `(${parts.join(', ')})`;
			}
			case 'B':
				return this.backref(() => this.type());
			default:
				this.i--;
				return this.path();
		}
	}
}

/** Demangle a Rust v0 symbol (`_R...`); other names are returned as they are. */
export function demangle(name: string): string {
	if (!name.startsWith('_R')) return name;
	try {
		return new Parser(name).pathFrom(2);
	} catch {
		return name;
	}
}
