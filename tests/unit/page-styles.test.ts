import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';

/** the page's Svelte sources: the routes and the components */
function svelteSources(): Map<string, string> {
	const out = new Map<string, string>();
	for (const dir of ['src/routes', 'src/lib/components']) {
		for (const name of readdirSync(new URL(`../../${dir}/`, import.meta.url))) {
			if (name.endsWith('.svelte')) {
				out.set(
					`${dir}/${name}`,
					readFileSync(new URL(`../../${dir}/${name}`, import.meta.url), 'utf8')
				);
			}
		}
	}
	return out;
}

describe('the severity colour classes', () => {
	it('are defined once, in the layout, and every component colours with their --sev', () => {
		// .sev-critical ... .sev-info had been written out in four components (as a colour, a
		// fill and a custom property): a fifth severity or a new shade had to be made in all four
		const rule = /(?:^|[\s,}])(?::global\()?\.sev-(critical|high|medium|low|info)\)?\s*[{,]/gm;
		const defined: string[] = [];
		for (const [file, text] of svelteSources()) {
			const style = text.slice(text.indexOf('<style'));
			for (const m of style.matchAll(rule)) defined.push(`${file} ${m[1]}`);
		}
		expect(defined.sort()).toEqual(
			['critical', 'high', 'info', 'low', 'medium'].map((s) => `src/routes/+layout.svelte ${s}`)
		);
	});
});
