import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
// Required in CI (.ci/run installs chromium); on a machine without it the test is skipped with
// one line saying how to run it.
const RUN_BROWSER = existsSync(CHROMIUM) || process.env.CI === 'true';
if (!RUN_BROWSER) console.warn(`HTML browser test skipped: ${CHROMIUM} not found (apt-get install chromium, or set CHROMIUM_PATH); CI=true makes it required`);

/** Opens a generated HTML report in Debian's headless Chromium and checks what an editor sees. */
describe.runIf(RUN_BROWSER)('HTML report in a real browser', () => {
  let browser: Browser;
  let reportUrl: string;

  beforeAll(async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} not found: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`).toBe(true);
    const dir = tempDir();
    const injected = path.join(dir, 'injected.jsonl');
    writeFileSync(injected, `${JSON.stringify({
      id: 'injected',
      headline: '<script>window.__pwned = 1</script> Mayor <b>quits</b>',
      body: 'The mayor said she would quit. <img src=x onerror="window.__pwned = 2"> Her deputy takes over on Monday.',
    })}\n`);
    const report = path.join(dir, 'report.html');
    const r = runCli(['samples/inflated-figure.txt', 'samples/supported-bridge.md', injected, '-f', 'html', '-o', report, '--fail-on', 'none']);
    expect(r.code).toBe(0);
    reportUrl = pathToFileURL(report).href;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows badges, the shaded evidence sentence, and injected markup as text that never runs', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    const consoleErrors: string[] = [];
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    await page.goto(reportUrl);

    // Badges carry the verdict as text (readable without colour) and a distinct colour.
    const badges = await page.locator('article > h2 .badge').allTextContents();
    expect(badges).toHaveLength(3);
    expect(badges[0]).toBe('overstated');
    const colour = await page.locator('article > h2 .badge').first().evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(colour).not.toBe('rgba(0, 0, 0, 0)');
    expect(await page.locator('#summary table.articles a').count()).toBe(3);

    // The inflated figure's sentence is shaded as the one that narrows the claim, with its probabilities on hover.
    const evidence = page.locator('article#a1 .s[data-sentence="0"]');
    expect(await evidence.getAttribute('data-role')).toBe('hedges');
    expect(await evidence.getAttribute('title')).toMatch(/entailment \d\.\d\d, neutral \d\.\d\d, contradiction \d\.\d\d/);
    const shade = await evidence.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(shade).not.toBe('rgba(0, 0, 0, 0)');

    // Injected markup shows as text; nothing ran, no element was created from it.
    expect(await page.locator('article#a3 .headline').textContent()).toBe('<script>window.__pwned = 1</script> Mayor <b>quits</b>');
    expect(await page.locator('article#a3 .body').textContent()).toContain('<img src=x onerror="window.__pwned = 2">');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('article img, article b').count()).toBe(0);
    expect(consoleErrors).toEqual([]);

    // The expandable table lists every sentence.
    await page.locator('article#a2 details summary').click();
    expect(await page.locator('article#a2 details tbody tr').count()).toBeGreaterThanOrEqual(4);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'html-report.png'), fullPage: true });
    expect(existsSync(path.join(ARTIFACTS, 'html-report.png'))).toBe(true);
    await page.close();
  });
});
