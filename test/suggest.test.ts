import Ajv from 'ajv-draft-04';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gerund, headlineStyle, reframe, shorten, suggestionCandidates, verbBase } from '../src/suggest/candidates.js';
import { ROOT, runCli } from './helpers.js';

describe('suggestion candidates (pure)', () => {
  it('re-frames the headline with the body\'s own hedge', () => {
    expect(reframe('Port authority sells harbour land to developer', 'does not rule out', 'possible')).toBe('Port authority does not rule out selling harbour land to developer');
    expect(reframe('Club sacks coach', 'is considering', 'planned')).toBe('Club considers sacking coach');
    expect(reframe('Orvia buys Voltline', 'in talks', 'planned')).toBe('Orvia in talks to buy Voltline');
    expect(reframe('Council closes library', 'will', 'planned')).toBe('Council to close library');
    expect(reframe('Drug cures migraine', 'may', 'possible')).toBe('Drug may cure migraine');
  });

  it('inflects and styles', () => {
    expect([verbBase('carries'), verbBase('closes'), verbBase('sells')]).toEqual(['carry', 'close', 'sell']);
    expect([gerund('close'), gerund('cut'), gerund('sell'), gerund('die')]).toEqual(['closing', 'cutting', 'selling', 'dying']);
    expect(headlineStyle('The council approved the budget on Monday night, the mayor said.')).toBe('Council approved the budget');
    expect(shorten('Unemployment fell to 4.1 per cent in March, down from 4.4 per cent in February and lower than expected by most economists', 60)).toBe('Unemployment fell to 4.1 per cent in March');
  });

  it('keeps the body\'s figure and stays on the headline\'s subject', () => {
    const c = suggestionCandidates({ headline: '900 homes flooded as river bursts its banks', verdict: 'overstated', reasons: [] }, 'About 90 homes were flooded when the river burst its banks, the council said.');
    expect(c).toContain('About 90 homes flooded as river bursts its banks');
    expect(suggestionCandidates({ headline: 'Orvia buys Voltline', verdict: 'overstated', reasons: [] }, 'Orvia declined to comment.')).toEqual([]);
    for (const x of c) expect(x.length).toBeLessThanOrEqual(90);
  });
});

describe('verified suggestions (bundled model)', () => {
  it('the hedge sample gets a suggestion the checker rates supported, in every format', () => {
    const sample = 'samples/hedge-does-not-rule-out.md';
    const json = JSON.parse(runCli([sample, '-f', 'json', '-q']).stdout)[0];
    expect(json.suggestion.text).toBe('Port authority does not rule out selling harbour land to developer');
    const recheck = JSON.parse(runCli(['--headline', json.suggestion.text, '--body-file', '-', '-f', 'json', '-q'], { input: readFileSync(path.join(ROOT, sample), 'utf8').split('---').slice(2).join('---') }).stdout)[0];
    expect(recheck.verdict).toBe('supported');
    expect(runCli([sample, '-q']).stdout).toContain(`suggest       ${json.suggestion.text}`);
    expect(runCli([sample, '-q', '-f', 'github']).stdout).toContain('Suggested headline (rated supported)');
    expect(runCli([sample, '-q', '-f', 'html']).stdout).toContain(`value="${json.suggestion.text}"`);
    const sarif = JSON.parse(runCli([sample, '-q', '-f', 'sarif']).stdout);
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validate = new Ajv({ strict: false, unicodeRegExp: false, validateFormats: false }).compile(schema);
    expect(validate(sarif)).toBe(true);
    expect(sarif.runs[0].results[0].fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toBe(json.suggestion.text);
  });
});
