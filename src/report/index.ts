import type { FormatterFactory } from './formatter.js';
import { jsonFormatter, jsonlFormatter } from './json.js';
import { githubFormatter } from './github.js';
import { htmlFormatter } from './html.js';
import { sarifFormatter } from './sarif.js';
import { textFormatter } from './text.js';

/** Formatters by name; plug-ins register here. */
export const FORMATTERS: Record<string, FormatterFactory> = {
  text: textFormatter,
  json: jsonFormatter,
  jsonl: jsonlFormatter,
  html: htmlFormatter,
  sarif: sarifFormatter,
  github: githubFormatter,
};

export function getFormatter(name: string): FormatterFactory {
  const f = FORMATTERS[name];
  if (!f) throw new Error(`unknown format "${name}"; use one of ${Object.keys(FORMATTERS).join(', ')}`);
  return f;
}

export type { Formatter, FormatterFactory, FormatOptions, Summary } from './formatter.js';
export { serializeOutcome } from './serialize.js';
export { summaryLine } from './text.js';
export { escapeHtml, sentenceRole } from './html.js';
export { escapeData, escapeProperty } from './github.js';
export { ruleFor, allRules } from './rules.js';
