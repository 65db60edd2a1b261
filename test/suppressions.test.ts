import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { jsonLines, ROOT, runCli, tempDir } from './helpers.js';

const hedged = (marker: string) => `${marker}# Port authority sells harbour land\n\nThe chair of the port authority does not rule out selling the old harbour land, she said. Nothing has been decided.\n`;
const schema = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false }).compile(schema);

describe('suppressions', () => {
  it('an inline <!-- headcheck-disable: reason --> or front-matter key accepts the article: reported, never flagged', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'inline.md'), hedged('<!-- headcheck-disable: desk accepted the framing -->\n\n'));
    writeFileSync(path.join(dir, 'fm.md'), `---\nheadcheck: off\n---\n${hedged('')}`);
    writeFileSync(path.join(dir, 'plain.md'), hedged(''));
    const all = (args: string[]) => runCli([path.join(dir, 'inline.md'), path.join(dir, 'fm.md'), ...args, '--fail-on', 'overstated,unsupported,contradicted,supported', '-q']);
    const json = jsonLines(all(['-f', 'jsonl']).stdout);
    expect(json.map((r) => r.suppressed)).toEqual([{ kind: 'inline', justification: 'desk accepted the framing' }, { kind: 'front-matter' }]);
    expect(all([]).code).toBe(0);
    expect(all(['-f', 'github']).stdout).not.toContain('::warning');
    const sarif = JSON.parse(all(['-f', 'sarif']).stdout);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(sarif.runs[0].results.map((r: { suppressions: unknown }) => r.suppressions)).toEqual([
      [{ kind: 'inSource', status: 'accepted', justification: 'desk accepted the framing' }], [{ kind: 'inSource', status: 'accepted' }],
    ]);
    const plain = runCli([path.join(dir, 'plain.md'), '--fail-on', 'overstated,unsupported,contradicted,supported', '-q', '-f', 'jsonl']);
    expect(plain.code).toBe(1);
    expect(jsonLines(plain.stdout)[0]!.suppressed).toBeUndefined();
  });

  it('a baseline accepts today\'s findings; a changed headline is reported again', () => {
    const dir = tempDir();
    for (const f of ['hedge-does-not-rule-out.md', 'inflated-figure.txt', 'supported-bridge.md']) copyFileSync(path.join(ROOT, 'samples', f), path.join(dir, f));
    const baseline = path.join(dir, 'baseline.json');
    const first = runCli([dir, '--write-baseline', baseline, '-q']);
    expect(first.code).toBe(1);
    const written = JSON.parse(readFileSync(baseline, 'utf8'));
    expect(written.version).toBe(1);
    expect(written.findings.length).toBeGreaterThan(0);
    const again = runCli([dir, '--baseline', baseline, '-q', '-f', 'jsonl']);
    expect(again.code).toBe(0);
    for (const r of jsonLines(again.stdout)) if (r.verdict !== 'supported') expect(r.suppressed).toMatchObject({ kind: 'baseline' });
    const file = path.join(dir, 'hedge-does-not-rule-out.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Port authority sells harbour land to developer', 'Port authority sells all its land to developer'));
    expect(runCli([dir, '--baseline', baseline, '-q']).code).toBe(1);
  });

  it('a broken baseline file is one clear error', () => {
    const file = path.join(tempDir(), 'b.json');
    writeFileSync(file, '{"version": 2}');
    const r = runCli(['samples/supported-bridge.md', '--baseline', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a headcheck baseline');
  });
});
