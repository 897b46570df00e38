#!/usr/bin/env node
// Adds up vitest's and Playwright's JSON reports into one line: "N passed, N failed".
// A report that is missing counts as one failure (the suite did not run).
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
	if (!existsSync(file)) {
		console.error(`count-tests: ${file} is missing (suite did not run)`);
		failed++;
		continue;
	}
	const r = JSON.parse(readFileSync(file, 'utf8'));
	if (typeof r.numPassedTests === 'number') {
		// vitest (jest-compatible JSON)
		passed += r.numPassedTests;
		failed += r.numFailedTests;
		if (r.numTotalTests === 0) failed++;
	} else if (r.stats) {
		// Playwright
		passed += r.stats.expected ?? 0;
		failed += (r.stats.unexpected ?? 0) + (r.stats.flaky ?? 0);
		if ((r.stats.expected ?? 0) + (r.stats.unexpected ?? 0) === 0) failed++;
		if (Array.isArray(r.errors) && r.errors.length > 0) failed += r.errors.length;
	}
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
