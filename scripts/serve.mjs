#!/usr/bin/env node
// A minimal static file server for build/, as any static host would serve it.
// usage: node scripts/serve.mjs [DIR] [PORT] [BASE_PATH]
// With BASE_PATH (e.g. /necroscope/) the site is served under that sub-path only.
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

const root = resolve(process.argv[2] ?? 'build');
const port = Number(process.argv[3] ?? 4173);
const base = (process.argv[4] ?? '/').replace(/\/?$/, '/');

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.log': 'text/plain; charset=utf-8',
	'.gz': 'application/gzip',
	'.woff2': 'font/woff2'
};

function fileFor(urlPath) {
	if (!urlPath.startsWith(base)) return null;
	let rel = decodeURIComponent(urlPath.slice(base.length));
	const target = normalize(join(root, rel));
	if (target !== root && !target.startsWith(root + sep)) return null;
	for (const candidate of [target, join(target, 'index.html'), `${target}.html`]) {
		try {
			if (statSync(candidate).isFile()) return candidate;
		} catch {
			/* try the next candidate */
		}
	}
	return null;
}

const server = createServer((req, res) => {
	const url = new URL(req.url ?? '/', 'http://localhost');
	if (url.pathname === '/' && base !== '/') {
		res.writeHead(302, { location: base });
		res.end();
		return;
	}
	const file = fileFor(url.pathname);
	if (!file) {
		res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
		res.end('Not found\n');
		return;
	}
	res.writeHead(200, {
		'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
		'cache-control': 'no-cache'
	});
	createReadStream(file).pipe(res);
});
server.listen(port, '127.0.0.1', () => {
	console.log(`NecroScope is being served at http://127.0.0.1:${port}${base}`);
});
