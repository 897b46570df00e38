/**
 * The only list of line rules, ordered specific -> generic. Crash reports (multi-line) are
 * handled by analysis/crash from ingestion's error blocks, not here.
 */
import { BENIGN } from './benign.ts';
import { oomKill } from './memory-oom.ts';
import { blockIoError } from './storage-io-error.ts';
import type { BenignRule, LineRule } from './types.ts';
import { segfault } from './userspace-segfault.ts';

export const LINE_RULES: readonly LineRule[] = [oomKill, segfault, blockIoError];

export const BENIGN_RULES: readonly BenignRule[] = BENIGN;

export type { LineRule, BenignRule } from './types.ts';
