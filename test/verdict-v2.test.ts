import { describe, expect, it } from 'vitest';
import { expectedCalibrationError } from '../src/eval/run-eval.js';
import { splitClaims } from '../src/segment/split-claims.js';
import { splitSentences } from '../src/segment/split-sentences.js';
import { bodyFrame, headlineFrame, moreCertain, sourceDropped } from '../src/signals/frame.js';
import { attributionSignal, conditionSignal, hedgeSignal, negationSignal, numberSignal, oppositeSignal, runSignals, scopeSignal } from '../src/signals/index.js';
import { claimWordCoverage, nameStems } from '../src/nli/relevance.js';
import { compareFigures, extractQuantities } from '../src/signals/quantities.js';
import { combineVerdicts } from '../src/verdict/build-report.js';
import { claimFeatures, FEATURE_NAMES } from '../src/verdict/features.js';
import { parseVerdictModel, verdictProbabilities } from '../src/verdict/learned.js';

const sentences = (text: string) => splitSentences(text);
const figures = (headline: string, body: string) => compareFigures(extractQuantities(headline), extractQuantities(body)).map((f) => f.kind);

describe('quantities', () => {
  it('reads number words, dozens, fractions, "nine in ten", multipliers and scales', () => {
    const q = (text: string) => extractQuantities(text).map((x) => [x.value, x.unit]);
    expect(q('Three dozen arrested')).toEqual([[36, 'count']]);
    expect(q('Nine in ten voters')).toEqual([[90, 'percent']]);
    expect(q('About a third of homes')).toEqual([[100 / 3, 'percent']]);
    expect(q('Sales triple')).toEqual([[200, 'percent']]);
    expect(q('A deal worth €6bn')).toEqual([[6e9, 'money']]);
    expect(q('Rates up 0.5 percentage points')).toEqual([[0.5, 'points']]);
    expect(q('between 40 and 50 people')).toEqual([[45, 'count']]);
  });

  it('leaves out years, ordinals and "one of"', () => {
    expect(extractQuantities('In 2024, one of the 3rd-round ties was replayed in May 2023.')).toEqual([]);
  });

  it('tells level from change and reads the direction', () => {
    const [jump] = extractQuantities('Inflation jumps to 7 per cent');
    expect([jump!.direction, jump!.change]).toEqual([1, false]);
    const [rise] = extractQuantities('sales rose by 15 per cent');
    expect([rise!.direction, rise!.change]).toEqual([1, true]);
    const [eased] = extractQuantities('Inflation eased to 3.2 per cent');
    expect(eased!.direction).toBe(-1);
  });

  it('compares like with like', () => {
    expect(figures('Inflation jumps to 7 per cent', 'Inflation eased to 3.2 per cent in May, down from 3.6 per cent in April.')).toEqual(['direction']);
    expect(figures('Carmakers agree 6 billion tie-up', 'Two of the biggest carmakers agreed a deal worth about 6 billion euros.')).toEqual(['match']);
    expect(figures('Three dozen arrested after match', 'Police arrested 36 people after the match.')).toEqual(['match']);
    expect(figures('Bakery chain triples its sales', 'Sales rose by 15 per cent last year.')).toEqual(['inflated']);
    expect(figures('Sales double', 'Sales rose 100 per cent.')).toEqual(['match']);
    expect(figures('400 passengers stranded', 'Around 40 passengers were stranded.')).toEqual(['inflated']);
    expect(figures('About 50 homes flooded', 'Some 48 homes were flooded.')).toEqual(['match']);
    // Different things counted, or a change against a level: not compared.
    expect(figures('Firm cuts 300 jobs', 'The firm, which has 12 factories, cut 300 jobs.')).toEqual(['match']);
    expect(figures('Rates rise 2 per cent', 'Rates stand at 5 per cent.')).toEqual([]);
  });

  it('reads "hundreds", "dozens" and "tens of thousands" as ranges', () => {
    expect(figures('Hundreds of jobs at risk at mill', 'The owner said 90 jobs were at risk.')).toEqual(['inflated']);
    expect(figures('Gull attacks injure dozens', 'Nine people needed first aid after gull attacks.')).toEqual(['inflated']);
    expect(figures('500 homes flooded', 'Hundreds of homes were flooded.')).toEqual(['match']);
    expect(figures('Tens of thousands march in capital', 'Police put the crowd at 35,000.')).toEqual(['match']);
    expect(figures('Thousands march in capital', 'Police put the crowd at 35,000.')).toEqual(['match']);
  });

  it('compares a count with no counted noun by size, and a headline sum that dropped its currency', () => {
    // "without power" names no counted thing: 50,000 is still the body's 31,000 customers inflated.
    expect(figures('Storm leaves 50,000 without power', 'At the peak, about 31,000 customers were without electricity.')).toEqual(['inflated']);
    expect(figures('Fare dodging costs rail firm 10 million a year', 'Fare dodging cost the firm an estimated 6.5 million pounds last year.')).toEqual(['inflated']);
    // The same number of another thing is no match: 300 jobs are not the site's 300 workers.
    expect(figures('Food firm to close plant, cutting 300 jobs', "About 120 of the site's 300 workers would lose their jobs.")).toEqual(['inflated']);
    // A small count is not compared with money.
    expect(figures('Two firms fined', 'The regulator fined them 3 million pounds.')).toEqual([]);
  });
});

describe('frames', () => {
  it('does not read "May" the month, "talks with" or a noun "forecasts" as hedges', () => {
    expect(bodyFrame('Inflation eased to 3.2 per cent in May.').certainty.certainty).toBe(1);
    expect(bodyFrame('The walkout was called off after talks with the port operator.').certainty.certainty).toBe(1);
    expect(bodyFrame('Revenue fell short of forecasts this year.').certainty.certainty).toBe(1);
    expect(bodyFrame('Prices may rise in May.').certainty.cue?.match.text).toBe('may');
  });

  it('lets a headline hedge cancel a body hedge only when it is at least as weak', () => {
    const body = bodyFrame('A small study suggests coffee may be linked to lower risk.');
    expect(moreCertain(headlineFrame('Coffee may cut cancer risk'), body)).toBe(false);
    expect(moreCertain(headlineFrame('Study shows coffee cuts cancer risk'), body)).toBe(true);
    expect(moreCertain(headlineFrame('Mayor to resign in June'), bodyFrame('The mayor will step down in June.'))).toBe(false);
    expect(moreCertain(headlineFrame('Mayor resigns'), bodyFrame('The mayor will step down in June.'))).toBe(true);
  });

  it('reads "X to do" as planned after a plural subject and in the passive, not after a verb', () => {
    const planned = (h: string) => headlineFrame(h).certainty.cue?.kind === 'planned';
    // A plural noun in -s before "to" is the subject, not a verb ("fares", "surgeries").
    expect(planned('Ferry fares to rise as fuel costs climb')).toBe(true);
    expect(planned('All Greyfield GP surgeries to offer weekend appointments')).toBe(true);
    expect(planned('Dam to be raised by three metres')).toBe(true);
    expect(planned('Talks to resume')).toBe(true);
    // A verb before "to" makes "to" a preposition or the verb's complement: stated, not planned.
    expect(planned('Council sells land to developer')).toBe(false);
    expect(planned('Profit rises to record')).toBe(false);
    expect(planned('Acme returns to profit')).toBe(false);
    expect(planned('Acme loses to rival')).toBe(false);
    expect(moreCertain(headlineFrame('Ferry fares to rise'), bodyFrame('Fares will rise by 4% in January.'))).toBe(false);
  });

  it('keeps a headline source only when it can be the body\'s', () => {
    const body = bodyFrame('The bridge is unsafe, a local campaigner claimed.');
    expect(sourceDropped(headlineFrame('Bridge is unsafe'), body)).toBe(true);
    expect(sourceDropped(headlineFrame('Campaigner says bridge is unsafe'), body)).toBe(false);
    expect(sourceDropped(headlineFrame('Engineers say bridge is unsafe'), body)).toBe(true);
    expect(sourceDropped(headlineFrame('Bridge unsafe, report says'), body)).toBe(false);
  });

  it('knows a question and a condition', () => {
    expect(headlineFrame('Could the heatwave last until August?').question).toBe(true);
    expect(bodyFrame('There will be no new taxes unless revenue falls short, the governor said.').condition?.text).toBe('unless');
    expect(bodyFrame('If so, the plan goes ahead.').condition).toBeUndefined();
  });
});

describe('claim words', () => {
  const body = 'Corvane Steel reported a loss of 40 million pounds. Chief executive Arjun Mehta said energy prices were the biggest challenge. '
    + 'The steel maker employs 3,000 people in Corvane.';
  it('takes the words the body writes only capitalised as names', () => {
    expect([...nameStems(body)].sort()).toEqual(['arjun', 'corvan', 'mehta']);
  });

  it('measures what the claim says happened apart from whom it is about', () => {
    const names = nameStems(body);
    // Same firm, another claim: the names match, the claim's words do not.
    expect(claimWordCoverage('Corvane to cut 400 jobs', 'Corvane Steel reported a loss of 40 million pounds.', names)).toBe(0);
    expect(claimWordCoverage('Corvane Steel reports 40 million loss', 'Corvane Steel reported a loss of 40 million pounds.', names)).toBe(1);
    // A headline of names only falls back to plain coverage.
    expect(claimWordCoverage('Arjun Mehta', 'Chief executive Arjun Mehta said so.', names)).toBe(1);
  });
});

describe('signals stay quiet on ordinary factual sentences', () => {
  // One false-positive check per signal: plain reporting must not fire it.
  const plain = sentences('The council approved the budget on Monday. Maria Lopez, 54, has run the bakery since 2010. '
    + 'The proposed merger was blocked by the regulator in May. Talks with unions ended on Friday. Sales beat forecasts.');
  const headline = 'Council approves budget';
  it.each([
    ['hedge', hedgeSignal], ['attribution', attributionSignal], ['condition', conditionSignal], ['number', numberSignal],
    ['scope', scopeSignal], ['opposite', oppositeSignal],
  ] as const)('%s', (_name, signal) => {
    expect(signal(headline, plain)).toEqual([]);
  });
  it('negation', () => {
    expect(negationSignal(headline, sentences('The council approved the budget on Monday.'))).toEqual([]);
  });
});

describe('signals on the issue examples', () => {
  it('reads a dropped condition as a condition, not a hedge', () => {
    const reasons = runSignals('Governor: no new taxes this year', sentences('There will be no new taxes this year unless revenue falls short of forecasts, the governor said.'));
    expect(reasons.map((r) => r.kind)).toContain('condition');
    expect(reasons.find((r) => r.kind === 'condition')!.message).toContain('unless revenue falls short of forecasts');
    expect(reasons.filter((r) => r.kind === 'hedge' && r.span?.text === 'forecasts')).toEqual([]);
  });

  it('does not call "talks with" a hedge and finds the reversed outcome', () => {
    const reasons = runSignals('Dock workers walk out on Friday', sentences('A walkout by dock workers planned for Friday has been called off after talks with the port operator.'));
    expect(reasons.filter((r) => r.kind === 'hedge' && /talks/.test(r.span?.text ?? ''))).toEqual([]);
  });

  it('finds the survey\'s own hedge and source in the headline', () => {
    const reasons = runSignals('Survey links social media to teen anxiety', sentences('Heavy social media use is linked to higher levels of anxiety among teenagers, according to a survey.'));
    expect(reasons.filter((r) => r.kind === 'hedge' || r.kind === 'attribution')).toEqual([]);
  });
});

describe('claims', () => {
  const claims = (h: string) => splitClaims(h).map((c) => c.text);
  it('splits coordinated predicates and clauses that state a second fact', () => {
    expect(claims('Council shuts library and raises parking fees')).toEqual(['Council shuts library', 'Council raises parking fees']);
    expect(claims('Mayor resigns after audit finds fraud')).toEqual(['Mayor resigns', 'audit finds fraud']);
    expect(claims('Minister: council shuts library and raises fees')).toEqual(['Minister: council shuts library', 'Minister: council raises fees']);
  });

  it('keeps one claim when a side has no verb', () => {
    expect(claims('Tom and Jerry win')).toEqual(['Tom and Jerry win']);
    expect(claims('Three dozen arrested after match')).toEqual(['Three dozen arrested after match']);
    expect(claims('Could the heatwave last until August and beyond?')).toEqual(['Could the heatwave last until August and beyond?']);
  });

  it('keeps a trailing reporting frame with its claim instead of splitting it off', () => {
    expect(claims('Glacier grows for second year, survey finds')).toEqual(['Glacier grows for second year, survey finds']);
    expect(claims('Bridge unsafe, report says')).toEqual(['Bridge unsafe, report says']);
    expect(claims('Port closes, unions warned')).toEqual(['Port closes, unions warned']);
    expect(claims('Factory shuts, owner resigns')).toEqual(['Factory shuts', 'owner resigns']);
  });

  it('gives offsets into the headline', () => {
    const h = 'Council shuts library and raises parking fees';
    const [, second] = splitClaims(h);
    expect(h.slice(second!.start, second!.end)).toBe('raises parking fees');
  });

  it('judges the headline by its worst claim; a claim the body never addresses makes it unsupported', () => {
    expect(combineVerdicts(['supported', 'contradicted'])).toBe('contradicted');
    expect(combineVerdicts(['supported', 'overstated'])).toBe('overstated');
    expect(combineVerdicts(['supported', 'unsupported'])).toBe('unsupported');
    expect(combineVerdicts(['overstated', 'unsupported'])).toBe('unsupported');
    expect(combineVerdicts(['unsupported', 'contradicted'])).toBe('contradicted');
    expect(combineVerdicts(['unsupported', 'unsupported'])).toBe('unsupported');
    expect(combineVerdicts(['supported'])).toBe('supported');
  });
});

describe('learned verdict', () => {
  const model = {
    classes: ['supported', 'overstated', 'contradicted', 'unsupported'],
    features: [...FEATURE_NAMES],
    mean: FEATURE_NAMES.map(() => 0),
    scale: FEATURE_NAMES.map(() => 1),
    weights: [FEATURE_NAMES.map((f) => (f === 'entailment' ? 4 : 0)), FEATURE_NAMES.map((f) => (f === 'hedgeKey' ? 4 : 0)), FEATURE_NAMES.map((f) => (f === 'contradiction' ? 4 : 0)), FEATURE_NAMES.map(() => 0)],
    bias: [0, 0, 0, 1],
    temperature: 1,
  };
  const features = (over: Record<string, number>) => Object.fromEntries(FEATURE_NAMES.map((f) => [f, over[f] ?? 0])) as never;

  it('gives probabilities that sum to 1 and follow the weights', () => {
    const m = parseVerdictModel(model, 'test');
    const p = verdictProbabilities(m, features({ entailment: 1 }));
    expect(Object.values(p).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(Object.entries(p).sort((a, b) => b[1] - a[1])[0]![0]).toBe('supported');
    expect(verdictProbabilities(m, features({ hedgeKey: 1 })).overstated).toBeGreaterThan(0.5);
  });

  it('rejects a model fitted for other features, naming the fix', () => {
    expect(() => parseVerdictModel({ ...model, features: ['entailment'] }, 'x/verdict.json')).toThrow(/x\/verdict.json: .*refit it with training\/fit-verdict.mjs/);
    expect(() => parseVerdictModel({ ...model, temperature: 0 }, 'x')).toThrow();
  });
});

describe('expected calibration error', () => {
  it('is 0 when confidence matches accuracy per bin and grows with overconfidence', () => {
    const right = { expected: 'supported', predicted: 'supported' } as const;
    const wrong = { expected: 'supported', predicted: 'overstated' } as const;
    expect(expectedCalibrationError([{ ...right, confidence: 0.75 }, { ...right, confidence: 0.75 }, { ...right, confidence: 0.75 }, { ...wrong, confidence: 0.75 }])).toBeCloseTo(0, 10);
    expect(expectedCalibrationError([{ ...wrong, confidence: 0.95 }, { ...right, confidence: 0.95 }])).toBeCloseTo(0.45, 10);
  });
});

describe('entity signal', () => {
  it('names another holder of the same role', async () => {
    const { entitySignal } = await import('../src/signals/index.js');
    const reasons = entitySignal('Education minister quits', sentences('The transport minister resigned on Wednesday after a row over rail funding.'));
    expect(reasons.map((r) => [r.kind, r.span?.text])).toEqual([['entity', 'transport minister']]);
    expect(entitySignal('Education minister quits', sentences('The education minister resigned on Wednesday.'))).toEqual([]);
    expect(entitySignal('Council approves budget', sentences('The council approved the budget; the transport minister welcomed it.'))).toEqual([]);
  });
});

describe('terminal-safe text', () => {
  it('turns control characters and line breaks into visible escapes and spaces; no line starts with "::"', async () => {
    const { terminalSafe, safeLine, cutAtWord } = await import('../src/report/terminal-safe.js');
    expect(terminalSafe('Mayor\u001b[2J quits\u0007\nnow')).toBe('Mayor\\x1b[2J quits\\x07 now');
    expect(terminalSafe('\u009b31m')).toBe('\\x9b31m');
    expect(safeLine('::error file=a::b')).toBe(' ::error file=a::b');
    expect(cutAtWord('one two three four five six', 14)).toBe('one two three…');
  });
});

describe('relevance uses a real stemmer', () => {
  it('"cities"/"city" and "closes"/"closed" meet, so coverage counts them', async () => {
    const { coverage, stem } = await import('../src/nli/relevance.js');
    expect(stem('cities')).toBe(stem('city'));
    expect(stem('closes')).toBe(stem('closed'));
    expect(coverage('Cities close libraries', 'The city closed its library.')).toBe(1);
  });
});

describe('claim features', () => {
  const premise = (sentence: number, entailment: number, contradiction: number) => ({
    text: 's', sentences: [sentence], start: 0, end: 1, kind: 'sentence' as const, relevance: 1, coverage: 1,
    scores: { entailment, neutral: 1 - entailment - contradiction, contradiction },
  });
  const hedgeIn = (sentence: number) => ({ kind: 'hedge', message: 'The body hedges ("does not rule out") where the headline states it as fact.', span: { text: 'does not rule out', start: 0, end: 17, in: 'body' as const, sentence } });
  const input = (signals: ReturnType<typeof hedgeIn>[]) => ({
    scores: { entailment: 0.34, neutral: 0.04, contradiction: 0.63, relevance: 1 },
    focus: { entailing: premise(0, 0.34, 0.63), contradicting: premise(0, 0.34, 0.63), mostRelevant: premise(0, 0.34, 0.63) },
    signals, keySentences: new Set([0]), entailingKey: 0, contradictingKey: 0, relevantKey: 0,
    headline: headlineFrame('Port authority sells land'), premises: 3, figureMatches: 0, namesMissing: 0,
  });

  it('moves a contradiction that rests on a hedged sentence out of the plain contradiction features', () => {
    const hedged = claimFeatures(input([hedgeIn(0)]) as never);
    expect(hedged.contradictionSoftened).toBeCloseTo(0.63);
    expect(hedged.contradictionPlain).toBe(0);
    expect(hedged.contradictionOfRelevant).toBe(0);
    const plain = claimFeatures(input([]) as never);
    expect(plain.contradictionSoftened).toBe(0);
    expect(plain.contradictionPlain).toBeCloseTo(0.63);
    expect(plain.contradictionOfRelevant).toBeCloseTo(0.63);
  });
});
