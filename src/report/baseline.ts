/**
 * Baselines: a file of accepted findings (`--write-baseline FILE`), so a later run with
 * `--baseline FILE` reports only new or changed ones. A finding's key is a hash of its headline,
 * verdict and evidence text, so it survives moving the file but not rewording the finding.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Report, VerdictLabel } from '../types.js';

export interface BaselineEntry {
  key: string;
  id: string;
  verdict: VerdictLabel;
  headline: string;
}

export interface Baseline {
  version: 1;
  tool: 'headcheck';
  findings: BaselineEntry[];
}

export function findingKey(report: Pick<Report, 'headline' | 'verdict' | 'evidence'>): string {
  const evidence = report.evidence.map((e) => e.text.replace(/\s+/g, ' ').trim()).join('\u0000');
  return createHash('sha256').update(`${report.headline.replace(/\s+/g, ' ').trim()}\u0000${report.verdict}\u0000${evidence}`).digest('hex').slice(0, 32);
}

export function makeBaseline(flagged: Report[]): Baseline {
  const findings = flagged.map((r) => ({ key: findingKey(r), id: r.id, verdict: r.verdict, headline: r.headline }));
  findings.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.key < b.key ? -1 : 1));
  return { version: 1, tool: 'headcheck', findings };
}

/** Reads a baseline file; a broken one is an error naming the file and the fix. */
export function readBaseline(file: string): Set<string> {
  let data: Partial<Baseline>;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as Partial<Baseline>;
  } catch (err) {
    throw new Error(`--baseline ${file}: cannot read it as JSON (${(err as Error).message}); write one with --write-baseline`);
  }
  if (data.version !== 1 || !Array.isArray(data.findings) || !data.findings.every((f) => typeof f?.key === 'string')) {
    throw new Error(`--baseline ${file}: not a headcheck baseline (version 1 with "findings"); write one with --write-baseline`);
  }
  return new Set(data.findings.map((f) => f.key));
}
