import type { Report, VerdictLabel } from '../types.js';

export interface RuleInfo {
  id: string;
  name: string;
  /** One line. */
  summary: string;
  description: string;
}

const VERDICT_TEXT: Record<VerdictLabel, string> = {
  supported: 'The body states what the headline says.',
  overstated: 'The headline says more than the body: the body hedges, attributes, narrows or gives a smaller figure.',
  contradicted: 'The body states the opposite of the headline or a different outcome.',
  unsupported: 'The body does not address the headline\'s claim.',
};

const KIND_TEXT: Record<string, string> = {
  hedge: 'the body only hedges (may, is considering, does not rule out, in talks…)',
  attribution: 'the body only reports someone\'s claim or accusation',
  number: 'the headline\'s figure is bigger than the body\'s',
  scope: 'the body speaks of part of what the headline generalises',
  negation: 'the body negates what the headline asserts',
  opposite: 'the body reports the opposite or a different outcome',
};

/** Reason kinds that name a rule of their own under a verdict. */
const SPECIFIC = new Set(Object.keys(KIND_TEXT));

/** Rule id of a report: verdict, plus its first explaining signal ("overstated/hedge"). */
export function ruleFor(report: Report): RuleInfo {
  const kind = report.reasons.find((r) => SPECIFIC.has(r.kind))?.kind;
  return ruleInfo(report.verdict, kind);
}

export function ruleInfo(verdict: VerdictLabel, kind?: string): RuleInfo {
  const id = kind ? `headcheck/${verdict}/${kind}` : `headcheck/${verdict}`;
  const name = kind ? `${cap(verdict)}${cap(kind)}` : cap(verdict);
  const description = kind ? `${VERDICT_TEXT[verdict]} Here: ${KIND_TEXT[kind]}.` : VERDICT_TEXT[verdict];
  const summary = kind ? `Headline ${verdict}: ${KIND_TEXT[kind]}.` : `Headline ${verdict}.`;
  return { id, name, summary, description };
}

/** Every rule a run can report, for SARIF's rule table. */
export function allRules(): RuleInfo[] {
  return [
    ruleInfo('overstated'), ...['hedge', 'attribution', 'number', 'scope'].map((k) => ruleInfo('overstated', k)),
    ruleInfo('contradicted'), ruleInfo('contradicted', 'negation'), ruleInfo('contradicted', 'opposite'),
    ruleInfo('unsupported'), ruleInfo('supported'),
  ];
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
