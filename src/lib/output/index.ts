export { formatJson } from './json.ts';
export { formatText } from './text.ts';
