import { Chalk, type ChalkInstance } from 'chalk';
import { type CheckOutcome, isErrorRecord, type Report, type VerdictLabel } from '../types.js';
import type { FormatterFactory, Summary } from './formatter.js';
import { cutAtWord, safeLine, terminalSafe } from './terminal-safe.js';

const BADGE: Record<VerdictLabel, (c: ChalkInstance) => (s: string) => string> = {
  supported: (c) => c.green.bold,
  overstated: (c) => c.yellow.bold,
  contradicted: (c) => c.red.bold,
  unsupported: (c) => c.magenta.bold,
};

function probabilities(s: { entailment: number; neutral: number; contradiction: number }): string {
  return `E ${s.entailment.toFixed(2)}  N ${s.neutral.toFixed(2)}  C ${s.contradiction.toFixed(2)}`;
}

function location(outcome: CheckOutcome): string {
  const src = outcome.source;
  if (!src?.file) return outcome.id;
  const file = src.line ? `${src.file}:${src.line}` : src.file;
  return outcome.id === src.file || outcome.id.startsWith(`${src.file}:`) ? file : `${file} (${outcome.id})`;
}

function renderReport(r: Report, c: ChalkInstance, explain: boolean): string {
  const lines = [
    c.bold(safeLine(location(r))),
    `  ${BADGE[r.verdict](c)(r.verdict.toUpperCase())} ${c.dim(`(${r.confidence.toFixed(2)})`)}  ${terminalSafe(r.headline)}`,
  ];
  if (r.suppressed) lines.push(`    ${c.dim('suppressed'.padEnd(13))} ${c.dim(`accepted (${r.suppressed.kind}${r.suppressed.justification ? `: ${terminalSafe(r.suppressed.justification)}` : ''}); not flagged`)}`);
  if (r.claims.length > 1) {
    for (const claim of r.claims) lines.push(`    ${c.dim('claim'.padEnd(13))} ${BADGE[claim.verdict](c)(claim.verdict)} ${c.dim(`(${claim.confidence.toFixed(2)})`)}  ${terminalSafe(claim.text)}`);
  }
  for (const reason of r.reasons) lines.push(`    ${c.cyan(reason.kind.padEnd(13))} ${terminalSafe(reason.message)}`);
  if (r.suggestion) lines.push(`    ${c.green('suggest'.padEnd(13))} ${terminalSafe(r.suggestion.text)} ${c.dim(`(rated supported, ${r.suggestion.confidence.toFixed(2)})`)}`);
  for (const e of r.evidence) {
    const label = e.sentences.length > 1 ? `s${e.sentences[0]! + 1}-${e.sentences[e.sentences.length - 1]! + 1}` : `s${e.index + 1}`;
    const where = e.line ? ` ${c.dim(`(line ${e.line})`)}` : '';
    lines.push(`    ${c.dim(`evidence ${label.padEnd(5)}`)} ${c.italic(cutAtWord(terminalSafe(e.text), 160))}${where}`);
    lines.push(`    ${' '.repeat(15)}${c.dim(probabilities(e.scores))}`);
  }
  if (explain && r.sentenceScores) {
    lines.push(`    ${c.dim('all sentences:')}`);
    for (const s of r.sentences) {
      const scores = r.sentenceScores.find((x) => x.index === s.index);
      lines.push(`    ${c.dim(`s${s.index + 1}`.padEnd(5))} ${scores ? c.dim(probabilities(scores)) : c.dim('(not scored: below top-k relevance)')}  ${terminalSafe(s.text)}`);
    }
  }
  return `${lines.join('\n')}\n\n`;
}

/** `text`: a human report, coloured when the terminal allows. Errors go to stderr, not here. */
export const textFormatter: FormatterFactory = (options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  return {
    record(outcome) {
      return isErrorRecord(outcome) ? '' : renderReport(outcome, c, options.explain);
    },
    end(summary: Summary) {
      return summaryLine(summary, c);
    },
  };
};

export function summaryLine(summary: Summary, c: ChalkInstance = new Chalk({ level: 0 })): string {
  const parts = (Object.keys(summary.counts) as VerdictLabel[])
    .filter((v) => summary.counts[v] > 0)
    .map((v) => `${summary.counts[v]} ${BADGE[v](c)(v)}`);
  const errors = (summary.errors > 0 ? `, ${c.red(`${summary.errors} error${summary.errors === 1 ? '' : 's'}`)}` : '')
    + (summary.suppressed ? `, ${summary.suppressed} suppressed` : '');
  return `${summary.checked} checked: ${parts.join(', ') || 'nothing'}${errors}; ${summary.flagged} flagged in ${(summary.ms / 1000).toFixed(1)} s\n`;
}
