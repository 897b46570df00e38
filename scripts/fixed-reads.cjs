// Preloaded (node -r) by bench.mjs --instructions --predictable: the CLI's input file is read in
// fixed 1 MiB chunks, synchronously. A read stream's chunks depend on when the thread pool's reads
// complete (its iterator joins what is buffered), so under load one build's count of the first
// 5 MB varied by 0.8% (4,044-4,078 million in four runs); read this way, by 0.01%. CommonJS, as
// the bundle is: preloading an ES module (--import) starts Node's module loader, about 800
// million instructions more in every count.
/* eslint-disable @typescript-eslint/no-require-imports */
const fs = require('node:fs');
const { Readable } = require('node:stream');

/** @param {string} file */
function fixedReads(file) {
	const fd = fs.openSync(file, 'r');
	function* chunks() {
		try {
			for (;;) {
				const b = Buffer.allocUnsafe(1 << 20);
				const n = fs.readSync(fd, b, 0, b.length, null);
				if (n === 0) return;
				yield b.subarray(0, n);
			}
		} finally {
			fs.closeSync(fd);
		}
	}
	return Readable.from(chunks(), { objectMode: false });
}

// the bundle's `require('node:fs')` is this same object
fs.createReadStream = fixedReads;
