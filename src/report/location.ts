import path from 'node:path';
import type { CheckOutcome } from '../types.js';

/** A repository-relative, '/'-separated path for an outcome's file, or undefined (stdin). */
export function relativeFile(outcome: CheckOutcome, cwd: string): string | undefined {
  const file = outcome.source?.file;
  if (!file || file === 'stdin') return undefined;
  const rel = path.relative(cwd, path.resolve(cwd, file));
  return (rel.startsWith('..') ? path.resolve(cwd, file) : rel).split(path.sep).join('/');
}

export function headlineLine(outcome: CheckOutcome): number {
  return Math.max(1, outcome.source?.line ?? 1);
}

export function headlineColumn(outcome: CheckOutcome): number {
  return Math.max(1, outcome.source?.column ?? 1);
}
