import type { Reason, Sentence } from '../types.js';
import { bodySpan, headlineSpan, reason } from './match.js';
import { compareFigures, extractQuantities } from './quantities.js';

/**
 * Figures in the headline against like figures in the evidence: a bigger headline figure is an
 * overstatement ("400" where the body says "around 40", "triples" where sales rose 15 %); a
 * figure moving the other way ("jumps to 7 %" where the body says "eased to 3.2 %") is a
 * conflict of direction. Figures of other kinds or about other things are not compared.
 */
export function numberSignal(headline: string, evidence: Sentence[]): Reason[] {
  const reasons: Reason[] = [];
  const head = extractQuantities(headline);
  if (head.length === 0) return reasons;
  const inBody = evidence.flatMap((sentence) => extractQuantities(sentence.text).map((q) => ({ q, sentence })));
  const findings = compareFigures(head, inBody.map((b) => b.q));
  for (const f of findings) {
    const where = inBody.find((b) => b.q === f.body)!.sentence;
    const span = bodySpan(where, { text: f.body.text, index: f.body.index });
    if (f.kind === 'inflated') reasons.push(reason('number', `The headline's figure "${f.headline.text}" is bigger than the body's "${f.body.text}".`, span));
    else if (f.kind === 'direction') reasons.push(reason('direction', `The headline's figure moves ${f.headline.direction > 0 ? 'up' : 'down'} ("${f.headline.text}"); the body's moves ${f.body.direction > 0 ? 'up' : 'down'} ("${f.body.text}").`, span));
    else if (f.kind === 'smaller') reasons.push(reason('number', `The headline's figure "${f.headline.text}" does not match the body's "${f.body.text}".`, headlineSpan({ text: f.headline.text, index: f.headline.index })));
  }
  return reasons;
}

/** True when a number reason says the headline inflated a figure. */
export function isInflation(r: Reason): boolean {
  return r.kind === 'number' && r.message.includes('is bigger than');
}

export { extractQuantities };
