#!/usr/bin/env node
// Printed after every build: the JavaScript the page loads before any analysis (every script
// index.html references), gzipped, and the analysis worker loaded on first use. Aim: under 100 KB.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const html = readFileSync('build/index.html', 'utf8');
const scripts = new Set([...html.matchAll(/"\.\/(_app\/immutable\/[^"]+\.js)"/g)].map((m) => m[1]));
const gz = (p) => gzipSync(readFileSync(p), { level: 9 }).length;
let initial = 0;
for (const s of scripts) initial += gz(join('build', s));
const workers = readdirSync('build/_app/immutable/workers').filter((f) => f.endsWith('.js'));
const worker = workers.reduce((n, f) => n + gz(join('build/_app/immutable/workers', f)), 0);
console.log(
	`initial JavaScript: ${(initial / 1024).toFixed(1)} KB gzipped in ${scripts.size} files; ` +
		`analysis worker (loaded on first analysis): ${(worker / 1024).toFixed(1)} KB gzipped`
);
