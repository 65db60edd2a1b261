import type { Report, VerdictLabel } from '../types.js';

export interface RuleInfo {
  id: string;
  name: string;
  /** One line. */
  summary: string;
  description: string;
  /** What an editor can do about it. */
  fix: string;
}

const VERDICT_TEXT: Record<VerdictLabel, string> = {
  supported: 'The body states what the headline says.',
  overstated: 'The headline says more than the body: the body hedges, attributes, narrows or gives a smaller figure.',
  contradicted: 'The body states the opposite of the headline or a different outcome.',
  unsupported: 'The body does not address the headline\'s claim.',
};

const KIND_TEXT: Record<string, string> = {
  hedge: 'the body only hedges, plans or expects it (may, is considering, will, does not rule out, in talks…)',
  attribution: 'the body only reports someone\'s claim or accusation',
  source: 'the body gives it as what someone said; the headline drops the source',
  condition: 'the body states it only under a condition (if, unless, as long as…)',
  number: 'the headline\'s figure is bigger than the body\'s',
  scope: 'the body speaks of part of what the headline generalises',
  negation: 'the body negates what the headline asserts',
  opposite: 'the body reports the opposite or a different outcome',
  direction: 'the body\'s figure moves the other way',
  entity: 'the body names another holder of the role (another minister, team, city)',
};

const FIX: Record<VerdictLabel, string> = {
  supported: 'Nothing to do.',
  overstated: 'Keep the body\'s hedge, source, condition, scope or figure in the headline ("X may …", "X says …", "About 40 …"), or report more in the body.',
  contradicted: 'Rewrite the headline to the outcome the body reports, or correct the body.',
  unsupported: 'Write the headline from what the body says, or add the reporting that supports it.',
};

/** Reason kinds that name a rule of their own under a verdict. */
const SPECIFIC: Partial<Record<VerdictLabel, string[]>> = {
  overstated: ['hedge', 'attribution', 'source', 'condition', 'number', 'scope'],
  contradicted: ['negation', 'opposite', 'direction', 'entity'],
};

/** Rule id of a report: verdict, plus its first explaining signal ("overstated/hedge"). */
export function ruleFor(report: Report): RuleInfo {
  const kinds = SPECIFIC[report.verdict] ?? [];
  const kind = report.reasons.find((r) => kinds.includes(r.kind))?.kind;
  return ruleInfo(report.verdict, kind);
}

export function ruleInfo(verdict: VerdictLabel, kind?: string): RuleInfo {
  const id = kind ? `headcheck/${verdict}/${kind}` : `headcheck/${verdict}`;
  const name = kind ? `${cap(verdict)}${cap(kind)}` : cap(verdict);
  const description = kind ? `${VERDICT_TEXT[verdict]} Here: ${KIND_TEXT[kind]}.` : VERDICT_TEXT[verdict];
  const summary = kind ? `Headline ${verdict}: ${KIND_TEXT[kind]}.` : `Headline ${verdict}.`;
  return { id, name, summary, description, fix: FIX[verdict] };
}

/** Every rule a run can report, for SARIF's rule table. */
export function allRules(): RuleInfo[] {
  return [
    ruleInfo('overstated'), ...SPECIFIC.overstated!.map((k) => ruleInfo('overstated', k)),
    ruleInfo('contradicted'), ...SPECIFIC.contradicted!.map((k) => ruleInfo('contradicted', k)),
    ruleInfo('unsupported'), ruleInfo('supported'),
  ];
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
