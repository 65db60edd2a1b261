import { isErrorRecord } from '../types.js';
import type { FormatterFactory } from './formatter.js';
import { headlineColumn, headlineLine, relativeFile } from './location.js';
import { ruleFor } from './rules.js';
import { summaryLine } from './text.js';

/** Workflow-command escaping: data escapes %, CR, LF; properties also ':' and ','. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(level: 'error' | 'warning' | 'notice', props: Record<string, string | number | undefined>, message: string): string {
  const list = Object.entries(props).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${level}${list ? ` ${list}` : ''}::${escapeData(message)}\n`;
}

/**
 * `github`: GitHub Actions workflow commands. Flagged headlines become ::warning (::error
 * when contradicted) on the headline's line so they annotate the pull request diff.
 */
export const githubFormatter: FormatterFactory = (options) => ({
  record(outcome) {
    const file = relativeFile(outcome, options.cwd);
    if (isErrorRecord(outcome)) {
      return command('error', { file, line: outcome.source?.line, title: `headcheck ${outcome.error.code}` }, outcome.error.message);
    }
    if (!options.failOn.includes(outcome.verdict) || outcome.suppressed) return '';
    const rule = ruleFor(outcome);
    const evidence = outcome.evidence[0];
    const message = [`"${outcome.headline}" is ${outcome.verdict} (confidence ${outcome.confidence.toFixed(2)}).`,
      ...outcome.reasons.map((r) => r.message),
      ...(outcome.suggestion ? [`Suggested headline (rated supported): ${outcome.suggestion.text}`] : []),
      ...(evidence ? [`Evidence: ${evidence.text}`] : [])].join('\n');
    return command(outcome.verdict === 'contradicted' ? 'error' : 'warning',
      { file, line: headlineLine(outcome), col: headlineColumn(outcome), title: `headcheck: ${outcome.verdict} (${rule.id})` }, message);
  },
  end: (summary) => `::notice title=headcheck::${escapeData(summaryLine(summary).trim())}\n`,
});
