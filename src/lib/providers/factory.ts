import type { ExplanationProvider } from './base.ts';
import { heuristicProvider } from './heuristic.ts';

/** The provider used for reports. Optional providers (local LLM) are asked per finding by the page. */
export function defaultProvider(): ExplanationProvider {
	return heuristicProvider;
}
