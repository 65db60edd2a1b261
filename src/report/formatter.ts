import type { CheckOutcome, VerdictLabel } from '../types.js';

export interface FormatOptions {
  /** Colour (text and html-free formats only). */
  color: boolean;
  /** Include every sentence and its scores. */
  explain: boolean;
  /** Verdicts that count as findings (exit 1, SARIF results, annotations). */
  failOn: VerdictLabel[];
  /** Base for relative file paths in locations. */
  cwd: string;
}

export interface Summary {
  checked: number;
  errors: number;
  counts: Record<VerdictLabel, number>;
  flagged: number;
  /** Findings accepted by a marker, front matter or the baseline (not flagged). */
  suppressed?: number;
  ms: number;
}

/**
 * A formatter turns outcomes into text. `record` is called once per outcome in input order
 * (streaming formats write it at once); `end` once, after the last.
 */
export interface Formatter {
  record(outcome: CheckOutcome): string;
  end(summary: Summary): string;
}

export type FormatterFactory = (options: FormatOptions) => Formatter;
