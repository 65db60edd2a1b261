import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Checker, createChecker } from '../src/checker.js';
import type { Report, VerdictLabel } from '../src/types.js';
import { expectOrKnownMiss } from './helpers.js';

/**
 * The examples of the verdict-v2 issue (new cases written for it, never tuned on), in order,
 * with the verdict and the reason a user should see.
 */
const EXAMPLES: Array<{ key: string; headline: string; body: string; verdict: VerdictLabel; reason?: string }> = [
  { key: 'inflation-direction', headline: 'Inflation jumps to 7 per cent', body: 'Inflation eased to 3.2 per cent in May, down from 3.6 per cent in April, the statistics office said on Wednesday. Food prices rose more slowly than in the spring. Economists had expected a fall to 3.3 per cent.', verdict: 'contradicted', reason: 'direction' },
  { key: 'carmakers-6bn', headline: 'Carmakers agree 6 billion tie-up', body: "Two of Europe's biggest carmakers agreed on Monday to combine their electric-vehicle units in a deal worth about 6 billion euros. The new company will be based in Turin. Unions said they would seek guarantees on jobs.", verdict: 'supported' },
  { key: 'three-dozen', headline: 'Three dozen arrested after match', body: 'Police arrested 36 people after fighting broke out between rival fans at the end of Saturday\'s derby. Two officers were slightly injured. The club condemned the violence.', verdict: 'supported' },
  { key: 'triples', headline: 'Bakery chain triples its sales', body: 'The bakery chain said on Thursday that its sales rose by 15 per cent last year, helped by new shops in three cities. Profit was flat because of higher flour costs. It plans to open ten more shops.', verdict: 'overstated', reason: 'number' },
  { key: 'survey-links', headline: 'Survey links social media to teen anxiety', body: 'Heavy use of social media is linked to higher levels of anxiety among teenagers, according to a survey of 5,000 pupils published on Monday. The researchers said the survey could not show cause and effect. Schools are being asked to discuss screen time with parents.', verdict: 'supported' },
  { key: 'dock-walkout', headline: 'Dock workers walk out on Friday', body: 'A walkout by dock workers planned for Friday has been called off after talks with the port operator. The union said a new pay offer would be put to members next week. Shipping lines had warned of delays.', verdict: 'contradicted' },
  { key: 'library-fees', headline: 'Council shuts library and raises parking fees', body: 'The council voted on Tuesday to close the Elm Street library at the end of March. Parking fees will stay at their current level until next year, the council leader said. About 40 people protested outside the town hall.', verdict: 'contradicted' },
  { key: 'governor-taxes', headline: 'Governor: no new taxes this year', body: 'There will be no new taxes this year unless revenue falls short of forecasts, the governor said on Friday. The state budget is due in June. Opposition leaders called the pledge empty.', verdict: 'overstated', reason: 'condition' },
  { key: 'heatwave-question', headline: 'Could the heatwave last until August?', body: 'Forecasters say the hot spell could continue well into next month. Temperatures reached 36C in the capital on Sunday. The health agency has issued an amber warning.', verdict: 'supported', reason: 'question' },
];

describe('verdict-v2 issue examples (bundled model)', () => {
  let checker: Checker;
  const reports = new Map<string, Report>();
  beforeAll(async () => {
    checker = await createChecker();
    for (const e of EXAMPLES) reports.set(e.key, await checker.check({ id: e.key, headline: e.headline, body: e.body }));
  }, 60_000);
  afterAll(() => checker.dispose());

  for (const e of EXAMPLES) {
    it(`${e.headline} → ${e.verdict}${e.reason ? ` (${e.reason})` : ''}`, () => {
      const report = reports.get(e.key)!;
      expectOrKnownMiss('issue-examples', e.key, report.verdict, e.verdict);
      if (e.reason && report.verdict === e.verdict) expect(report.reasons.map((r) => r.kind)).toContain(e.reason);
    });
  }

  it('checks each claim of a multi-claim headline and reports them', () => {
    const report = reports.get('library-fees')!;
    expect(report.claims.map((c) => c.text)).toEqual(['Council shuts library', 'Council raises parking fees']);
  });
});
