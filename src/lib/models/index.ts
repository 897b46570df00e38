export * from './log-record.ts';
export * from './events.ts';
export * from './error-block.ts';
export * from './metadata.ts';
export * from './finding.ts';
export * from './report.ts';
