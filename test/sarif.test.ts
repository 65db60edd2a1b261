import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { artifactUri } from '../src/report/sarif.js';
import { ROOT, runCli, tempDir } from './helpers.js';

// The SARIF 2.1.0 JSON schema, as shipped in @microsoft/jest-sarif (a dev dependency).
const schema = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
// The schema's own language-tag pattern is not valid in unicode mode; formats are checked below by hand.
const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false }).compile(schema);

describe('SARIF output', () => {
  it('validates against the SARIF 2.1.0 schema, with rules that carry help, and evidence as related locations', () => {
    const dir = tempDir();
    const odd = path.join(dir, 'odd #1 100%');
    mkdirSync(odd);
    writeFileSync(path.join(odd, 'a b.md'), '# Port authority sells harbour land\n\nThe port authority does not rule out selling the old harbour land, its chair said.\n');
    const r = runCli([dir, path.join(ROOT, 'samples', 'batch.jsonl'), '-', '-f', 'sarif', '--fail-on', 'overstated,contradicted,unsupported,supported'], {
      input: `${JSON.stringify({ id: 'from-stdin', headline: 'Mayor quits', body: 'The mayor said she may step down next year.' })}\n`,
      cwd: dir,
    });
    const log = JSON.parse(r.stdout);
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const run = log.runs[0];
    for (const rule of run.tool.driver.rules) {
      expect(rule.help.text).toContain('Fix:');
      expect(rule.helpUri).toMatch(/^https:\/\//);
    }
    const results = run.results as Array<Record<string, any>>;
    const fromFile = results.find((x) => x.locations[0].physicalLocation?.artifactLocation.uri.includes('a%20b.md'))!;
    expect(fromFile.locations[0].physicalLocation.artifactLocation.uri).toBe('odd%20%231%20100%25/a%20b.md');
    expect(fromFile.relatedLocations.length).toBeGreaterThan(0);
    expect(fromFile.relatedLocations[0].message.text).toMatch(/^Evidence \(sentence \d+\)/);
    const fromStdin = results.find((x) => x.locations[0].logicalLocations)!;
    expect(fromStdin.locations[0].logicalLocations[0].fullyQualifiedName).toBe('from-stdin');
    expect(JSON.stringify(fromStdin)).not.toContain('"uri":"stdin"');
    for (const x of results) {
      const uri = x.locations[0].physicalLocation?.artifactLocation.uri;
      if (uri) expect(new URL(uri, 'file:///root/').protocol).toBe('file:');
    }
  });

  it('builds file URIs that survive #, % and spaces', () => {
    expect(artifactUri('a #1/100%.md', '/repo')).toEqual({ uri: 'a%20%231/100%25.md', uriBaseId: '%SRCROOT%' });
    expect(artifactUri('/elsewhere/x #.md', '/repo').uri).toBe('file:///elsewhere/x%20%23.md');
  });
});
