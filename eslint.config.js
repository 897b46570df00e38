import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import regexp from 'eslint-plugin-regexp';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: ['build/', '.svelte-kit/', 'node_modules/', 'test-results/', 'bench/out/', 'fixtures/']
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	regexp.configs['flat/recommended'],
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			],
			// Every regular expression must run in linear time on hostile input.
			'regexp/no-super-linear-backtracking': 'error',
			'regexp/no-super-linear-move': 'error',
			'regexp/no-misleading-capturing-group': 'error',
			// One prerendered page: links are fragments, static files and external references,
			// none of which go through SvelteKit's router.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// The core is pure: no DOM, no Node, and only edges import it.
		files: ['src/lib/{models,util,ingestion,analysis,output,providers}/**/*.ts', 'src/lib/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['node:*', 'fs', 'path', 'zlib'],
							message: 'The core must not use Node APIs.'
						},
						{
							group: ['$app/*', 'svelte', 'svelte/*'],
							message: 'The core must not use Svelte or SvelteKit.'
						},
						{
							group: ['**/components/*', '**/worker/*', '**/cli/*'],
							message: 'The core must not import edges.'
						}
					]
				}
			],
			// a report must not depend on the runtime's locale data, and loading it is dear: an
			// Intl.NumberFormat made at a module's load had cost every run 120 million instructions
			'no-restricted-globals': [
				'error',
				{ name: 'Intl', message: 'Use util/text.ts (groupDigits) instead of locale data.' }
			],
			'no-restricted-properties': [
				'error',
				{
					property: 'toLocaleString',
					message: 'Use util/text.ts (groupDigits) instead of locale data.'
				},
				{
					property: 'localeCompare',
					message: 'Compare with < and > (locale-independent) instead of locale data.'
				}
			]
		}
	}
);
