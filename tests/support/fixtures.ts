import { readFileSync } from 'node:fs';

/** A fixture file as text (fixtures/ is the project's own copy of every log a test reads). */
export function fixture(path: string): string {
	return readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
}

export function fixtureBytes(path: string): Buffer {
	return readFileSync(new URL(`../../fixtures/${path}`, import.meta.url));
}
