import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

describe('text output cannot be hijacked by the input', () => {
  it('escapes control characters and keeps body lines from becoming CI workflow commands', () => {
    const record = {
      id: 'evil\u001b]0;owned\u0007',
      headline: 'Mayor \u001b[2Jquits',
      body: 'The mayor said she would quit.\n::error file=README.md::pwned\nHer deputy takes over on Monday.',
    };
    const r = runCli(['-', '-f', 'text', '--no-color', '--fail-on', 'none', '--explain'], { input: `${JSON.stringify(record)}\n` });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Mayor \\x1b[2Jquits');
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    for (const line of r.stdout.split('\n')) expect(line.startsWith('::')).toBe(false);
  });
});
