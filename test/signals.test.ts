import { describe, expect, it } from 'vitest';
import { splitSentences } from '../src/segment/split-sentences.js';
import { attributionSignal, entitySignal, extractQuantities, hedgeSignal, negationSignal, numberSignal, oppositeSignal, runSignals, scopeSignal } from '../src/signals/index.js';
import { questionAsStatement, splitClaims } from '../src/segment/split-claims.js';
import type { Reason } from '../src/types.js';

const body = (text: string) => ({ text, sentences: splitSentences(text) });

/** Every signal's span must point at the text it claims to have found. */
function expectSpansExact(reasons: Reason[], text: string, headline: string): void {
  for (const r of reasons) {
    if (!r.span) continue;
    const source = r.span.in === 'body' ? text : headline;
    expect(source.slice(r.span.start, r.span.end)).toBe(r.span.text);
  }
}

describe('hedge', () => {
  it('finds "does not rule out", "is considering", "in talks", "may" when the headline drops them', () => {
    const cases: Array<[string, string, string]> = [
      ['Mayor raises tax', 'The mayor does not rule out raising the tax next year.', 'does not rule out'],
      ['Club sacks coach', 'The club is considering whether to sack its coach.', 'is considering'],
      ['Orvia buys Voltline', 'Orvia is in talks to buy Voltline, sources said.', 'in talks'],
      ['Drug cures migraine', 'Early results suggest the drug may ease migraine.', 'suggest'],
      ['Police charge driver', 'Police are investigating whether the driver was at fault.', 'investigating whether'],
    ];
    for (const [headline, text, phrase] of cases) {
      const { sentences } = body(text);
      const reasons = hedgeSignal(headline, sentences);
      expect(reasons.map((r) => r.span?.text.toLowerCase())).toEqual([phrase]);
      expectSpansExact(reasons, text, headline);
    }
  });

  it('stays quiet when the body is plain or the headline hedges too', () => {
    expect(hedgeSignal('Mayor raises tax', body('The mayor raised the tax on Monday.').sentences)).toEqual([]);
    expect(hedgeSignal('Mayor may raise tax', body('The mayor may raise the tax.').sentences)).toEqual([]);
    expect(hedgeSignal('Mayor could raise tax, aides say', body('The mayor could raise the tax.').sentences)).toEqual([]);
    expect(hedgeSignal('Regulator blocks merger', body('The regulator blocked the proposed merger.').sentences)).toEqual([]);
  });

  it('compares hedges of different kinds by kind: a headline plan says more than a body "may"', () => {
    const closes = hedgeSignal('Drenford council to close two libraries', body('Budget proposals may lead to the closure of two libraries.').sentences);
    expect(closes.map((r) => r.span?.text)).toEqual(['may']);
    expect(hedgeSignal('Council could close two libraries', body('The council plans to close two libraries.').sentences)).toEqual([]);
  });

  it('takes extra phrases from config', () => {
    expect(hedgeSignal('Firm sells unit', body('The firm mulls a sale of the unit.').sentences, ['mulls'])).toHaveLength(1);
  });
});

describe('attribution', () => {
  it('flags an accusation stated as fact, with the exact span', () => {
    const text = 'Three former players have accused the coach of bullying.';
    const reasons = attributionSignal('Coach bullied players', body(text).sentences);
    expect(reasons.map((r) => r.span?.text)).toEqual(['accused']);
    expectSpansExact(reasons, text, 'Coach bullied players');
  });

  it('is quiet when the headline keeps the attribution or the body states a fact', () => {
    const text = 'Three former players have accused the coach of bullying.';
    expect(attributionSignal('Former players accuse coach of bullying', body(text).sentences)).toEqual([]);
    expect(attributionSignal('Coach bullied players, report says', body(text).sentences)).toEqual([]);
    expect(attributionSignal('"Coach bullied us": players speak out', body(text).sentences)).toEqual([]);
    expect(attributionSignal('Coach resigns', body('The coach resigned on Monday.').sentences)).toEqual([]);
  });

  it('gives plain "said" as a weaker `source` reason, cancelled by a headline source', () => {
    const text = 'The bridge is unsafe, a local campaigner said.';
    expect(attributionSignal('Bridge is unsafe', body(text).sentences).map((r) => [r.kind, r.span?.text])).toEqual([['source', 'said']]);
    expect(attributionSignal('Campaigner says bridge is unsafe', body(text).sentences)).toEqual([]);
  });
});

describe('numbers', () => {
  it('reads counts, percentages, money and number words, not years', () => {
    const q = extractQuantities('In 2024 around 40 people paid $1.2bn, 3.5% more; nine per cent of 1,200 voters.');
    expect(q.map((x) => [x.value, x.unit])).toEqual([[40, 'count'], [1.2e9, 'money'], [3.5, 'percent'], [9, 'percent'], [1200, 'count']]);
  });

  it('calls a bigger headline figure inflated and points at the body figure', () => {
    const text = 'Around 40 passengers spent the night on the ferry.';
    const reasons = numberSignal('400 passengers stranded', body(text).sentences);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]!.message).toContain('is bigger than');
    expect(reasons[0]!.span).toMatchObject({ text: '40', in: 'body' });
    expectSpansExact(reasons, text, '400 passengers stranded');
  });

  it('is quiet when the figures match or the body has none of the kind', () => {
    expect(numberSignal('Inflation hits 9 per cent', body('Inflation rose to 9 per cent in October.').sentences)).toEqual([]);
    expect(numberSignal('Inflation hits 9%', body('Inflation rose to nine per cent.').sentences)).toEqual([]);
    expect(numberSignal('400 passengers stranded', body('The ferry broke down on Saturday.').sentences)).toEqual([]);
    expect(numberSignal('Rates at 4%', body('Rates are 5% now.').sentences)[0]!.message).toContain('does not match');
  });
});

describe('scope', () => {
  it('flags a counted or limited group reported as the whole group', () => {
    const text = 'Three primary schools in Ashby were closed on Monday after their boilers failed.';
    const reasons = scopeSignal('Ashby schools shut over boiler failures', body(text).sentences);
    expect(reasons.map((r) => r.span?.text)).toEqual(['Three primary schools']);
    expect(scopeSignal('Ashby flights cancelled', body('The airline cancelled two of its five flights to Ashby.').sentences).map((r) => r.span?.text)).toEqual(['two of its five flights']);
    expect(scopeSignal('All schools shut', body('Three schools shut on Monday.').sentences).map((r) => r.span?.text)).toEqual(['Three']);
  });

  it('is quiet without a universal headline or without a limiter', () => {
    expect(scopeSignal('Bakery closes branch', body('The chain will close its branch on Market Street.').sentences)).toEqual([]);
    expect(scopeSignal('Three Ashby schools shut', body('Three primary schools in Ashby were closed.').sentences)).toEqual([]);
    expect(scopeSignal('All schools shut', body('Every school in the county shut on Monday.').sentences)).toEqual([]);
  });

  it('does not read a quantified headline plural or a word in -s that is no plural as a whole group', () => {
    const scope = (headline: string, text: string) => scopeSignal(headline, body(text).sentences);
    expect(scope('Maritime museum draws more than a million visitors', 'The museum had 1.2 million visitors, up from 2 million visitors in 2019.')).toEqual([]);
    expect(scope('Hundreds of jobs at risk at Pennock mill', 'The mill said 90 jobs could go.')).toEqual([]);
    expect(scope('Quarry workers to strike unless pay offer improves', 'Workers will strike on 3 June unless the offer improves.')).toEqual([]);
    expect(scope('Study links night shifts to diabetes', 'Night shifts raise the risk of type 2 diabetes.')).toEqual([]);
  });

  it('reads a number beside a month as a date, not a count', () => {
    const scope = (headline: string, text: string) => scopeSignal(headline, body(text).sentences).map((r) => r.span?.text);
    expect(scope('Zoo to reopen after flood repairs', 'The zoo will reopen on 12 April once repairs are finished.')).toEqual([]);
    expect(scope('Zoo to reopen after flood repairs', 'The zoo will reopen on April 12 once repairs are finished.')).toEqual([]);
    expect(scope('Ashby schools shut', 'On Monday 19 schools in Ashby were shut.')).toEqual(['19 schools']);
  });

  it('limits "its shops" only by a limiter on shops; "all" by any limiter', () => {
    const scope = (headline: string, text: string) => scopeSignal(headline, body(text).sentences).map((r) => r.span?.text);
    expect(scope('Bakery chain triples its sales', 'Its sales rose by 15 per cent, helped by new shops in three cities.')).toEqual([]);
    expect(scope('Bakery chain closes its shops', 'The chain will close three shops in the north.')).toEqual(['three']);
    expect(scope('All pupils to get free laptops', 'Pupils in the final two years will each receive a laptop.')).toEqual(['two']);
  });
});

describe('negation and opposite outcomes', () => {
  it('flags a negated body, but not a hedge that contains "not"', () => {
    const text = 'The treatment worked no better than a placebo.';
    expect(negationSignal('New treatment works', body(text).sentences).map((r) => r.span?.text)).toEqual(['no better than']);
    expect(negationSignal('Mayor raises tax', body('The mayor does not rule out a rise.').sentences)).toEqual([]);
    expect(negationSignal('Mayor raises tax', body('The mayor raised the tax.').sentences)).toEqual([]);
    expect(negationSignal('Giant spider found in Peru', body('Experts said the viral photo was a hoax.').sentences).map((r) => r.span?.text)).toEqual(['hoax']);
  });

  it('flags opposite outcomes and ignores same-direction wording', () => {
    const text = 'Unemployment fell to 4.1 per cent in March.';
    const reasons = oppositeSignal('Unemployment rises in March', body(text).sentences);
    expect(reasons.map((r) => [r.kind, r.span?.text])).toEqual([['opposite', 'fell']]);
    expectSpansExact(reasons, text, 'Unemployment rises in March');
    expect(oppositeSignal('Museum reopens', body('The museum will remain closed until spring.').sentences).map((r) => r.span?.text)).toEqual(['remain closed']);
    expect(oppositeSignal('Unemployment rises', body('Unemployment rose to 5 per cent.').sentences)).toEqual([]);
    expect(oppositeSignal('Shares rise', body('Shares rose after falling on Monday.').sentences)).toEqual([]);
  });

  it('reads the other verbs of a quantity moving up or down: a gap narrows, inflation eases, a list lengthens', () => {
    const opposite = (headline: string, text: string) => oppositeSignal(headline, body(text).sentences).map((r) => r.span?.text);
    expect(opposite('Trade gap narrows', 'The trade gap widened to 4 billion in May.')).toEqual(['widened']);
    expect(opposite('Inflation eases in Ostland', 'Inflation in Ostland accelerated to 6 per cent.')).toEqual(['accelerated']);
    expect(opposite('Waiting lists shrink', 'Waiting lists lengthened again last month.')).toEqual(['lengthened']);
    expect(opposite('Trade gap narrows', 'The trade gap narrowed to 2 billion.')).toEqual([]);
  });

  it('reads events held or called off, rulings upheld or quashed, praise against criticism', () => {
    const opposite = (headline: string, text: string) => oppositeSignal(headline, body(text).sentences).map((r) => r.span?.text);
    expect(opposite('Rail strike called off', 'Union leaders said the rail strike would go ahead on Monday.')).toEqual(['go ahead']);
    expect(opposite('Flights resume at Corrin Field', 'Flights at Corrin Field remained suspended into the evening.')).toEqual(['suspended']);
    expect(opposite("Court upholds mayor's conviction", "Appeal judges quashed the mayor's conviction.")).toEqual(['quashed']);
    expect(opposite('Inspectors praise prison conditions', 'Inspectors criticised conditions at the prison.')).toEqual(['criticised']);
    // "growth" is a noun: it does not make a slowing growth rate the same direction as "accelerates".
    expect(opposite('Wage growth accelerates', 'Annual wage growth slowed to 3.1 per cent.')).toEqual(['slowed']);
    // Both outcomes in the sentence, or the same one: no conflict.
    expect(opposite('Concert goes ahead', 'The concert will go ahead even though two acts cancelled.')).toEqual([]);
    expect(opposite('Festival goes ahead despite storm', 'The festival went ahead on Saturday despite the storm.')).toEqual([]);
    // "were beaten" is the headline's loss, not a win against it.
    expect(opposite('Ashgrove lose cup final on penalties', 'Ashgrove were beaten 4-3 on penalties in the cup final.')).toEqual([]);
    expect(opposite('Ashgrove win cup final', 'Ashgrove lost the cup final 2-1.')).toEqual(['lost']);
  });

  it('does not read "declined to comment" or a signed contract as a fall', () => {
    const opposite = (headline: string, text: string) => oppositeSignal(headline, body(text).sentences);
    expect(opposite('Harbour Bank profits rise', 'Harbour Bank declined to comment on its profits.')).toEqual([]);
    expect(opposite('Shipyard orders grow', 'The shipyard signed contracts for two ferries, adding to its orders.')).toEqual([]);
  });
});

describe('runSignals', () => {
  it('returns reasons in a fixed order with spans inside the body', () => {
    const text = 'A rival accused the firm of fraud. It may face 3 charges.';
    const reasons = runSignals('Firm faces 30 fraud charges', body(text).sentences);
    expect(reasons.map((r) => r.kind)).toEqual(['hedge', 'attribution', 'number']);
    expectSpansExact(reasons, text, 'Firm faces 30 fraud charges');
  });
});

describe('entity', () => {
  it('flags another holder of the same role, like with like', () => {
    const minister = entitySignal('Education minister quits', body('The transport minister resigned on Wednesday.').sentences);
    expect(minister.map((r) => r.span?.text)).toEqual(['transport minister']);
    expect(entitySignal('Games go to Marrenburg council', body('The Olsby council won the vote.').sentences)).toHaveLength(1);
  });

  it('does not take a verb, or a common noun for a name, as another entity', () => {
    expect(entitySignal('Drenford council to close libraries', body('It follows council budget proposals.').sentences)).toEqual([]);
    expect(entitySignal('Games go to Marrenburg council', body('The town council won the vote.').sentences)).toEqual([]);
  });
});

describe('question headlines', () => {
  it('are scored as the statement they ask about', () => {
    expect(questionAsStatement('Could the heatwave stretch into September?')).toBe('The heatwave stretch into September');
    expect(questionAsStatement('Is Kessler Tower safe to live in?')).toBe('Kessler Tower safe to live in');
    expect(questionAsStatement('Why did the mill close?')).toBe('The mill close');
    expect(questionAsStatement('What happens to the old shipyard now?')).toBe('What happens to the old shipyard now');
    expect(splitClaims('Will the bridge close for good?')).toEqual([{ text: 'Will the bridge close for good?', start: 0, end: 31, scored: 'The bridge close for good' }]);
  });
});

