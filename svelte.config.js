import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		// Runes mode for project files (not for libraries in node_modules).
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		typescript: {
			// Also type-check root config files that SvelteKit's generated tsconfig leaves out.
			config: (tsconfig) => {
				tsconfig.include.push('../playwright.config.ts', '../svelte.config.js');
			}
		},
		// Relative asset paths: the site works from any static host under any sub-path.
		paths: { relative: true },
		prerender: {
			handleHttpError: ({ path, message }) => {
				// static files are checked by tests; only page links must resolve at prerender time
				if (path.includes('/schema/')) return;
				throw new Error(message);
			}
		},
		adapter: adapter({
			pages: 'build',
			assets: 'build',
			fallback: undefined,
			precompress: false,
			strict: true
		}),
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['none']
			}
		}
	}
};

export default config;
