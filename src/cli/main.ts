import { createReadStream, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analyzeStream, formatJson, formatText, InputError, type AnalysisResult } from '../lib/index.ts';

const USAGE = 'usage: necroscope [--format json|text] [--out-dir DIR] [FILE...|-]';

type Format = 'json' | 'text';
const EXT: Record<Format, string> = { json: '.json', text: '.txt' };
const FORMATTERS: Record<Format, (r: AnalysisResult) => string> = { json: formatJson, text: formatText };

class UsageError extends Error {}

interface Options {
	format: Format;
	outDir: string | null;
	files: string[];
}

function parseArgs(argv: string[]): Options {
	const o: Options = { format: 'text', outDir: null, files: [] };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const value = () => {
			const v = argv[++i];
			if (v === undefined) throw new UsageError(`${a} needs a value`);
			return v;
		};
		if (a === '--format' || a.startsWith('--format=')) {
			const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : value();
			if (!(v in EXT)) throw new UsageError(`unknown format '${v}' (json, text)`);
			o.format = v as Format;
		} else if (a === '--out-dir' || a.startsWith('--out-dir=')) {
			o.outDir = a.includes('=') ? a.slice(a.indexOf('=') + 1) : value();
		} else if (a === '-h' || a === '--help') {
			process.stdout.write(USAGE + '\n');
			process.exit(0);
		} else if (a === '-' || !a.startsWith('-')) o.files.push(a);
		else throw new UsageError(`unknown option ${a}`);
	}
	if (o.files.length === 0) o.files.push('-');
	if (o.files.length > 1 && !o.outDir) throw new UsageError('several inputs need --out-dir DIR');
	return o;
}

function checkReadable(file: string): void {
	if (file === '-') return;
	let st;
	try {
		st = statSync(file);
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		throw new InputError('read', code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot read (${code})`);
	}
	if (st.isDirectory()) throw new InputError('read', `${file}: is a directory`);
}

async function* readSource(file: string): AsyncGenerator<Uint8Array> {
	const stream = file === '-' ? process.stdin : createReadStream(file, { highWaterMark: 1 << 20 });
	try {
		for await (const chunk of stream) yield chunk as Uint8Array;
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		throw new InputError('read', `${file}: cannot read (${code ?? (e as Error).message})`);
	}
}

async function main(): Promise<number> {
	const o = parseArgs(process.argv.slice(2));
	for (const f of o.files) checkReadable(f);
	if (o.outDir) mkdirSync(o.outDir, { recursive: true });
	for (const file of o.files) {
		const name = file === '-' ? null : basename(file);
		const result = await analyzeStream(readSource(file), { name });
		const out = FORMATTERS[o.format](result);
		if (o.outDir) {
			const base = name ? name.replace(/\.[^.]*$/, '') || name : 'stdin';
			writeFileSync(join(o.outDir, base + EXT[o.format]), out);
		} else process.stdout.write(out);
	}
	return 0;
}

main().then(
	(code) => process.exit(code),
	(e: unknown) => {
		if (e instanceof UsageError) process.stderr.write(`necroscope: ${e.message}\n${USAGE}\n`);
		else if (e instanceof InputError) process.stderr.write(`necroscope: ${e.message}\n`);
		else process.stderr.write(`necroscope: internal error: ${(e as Error)?.message ?? e}\n`);
		process.exit(e instanceof UsageError || e instanceof InputError ? 2 : 3);
	}
);
