// GraphiQL in a real browser with the internet cut off: every request the page makes that does
// not go to the gateway is aborted and recorded, and the page must still run a query.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startGateway, type GatewayService } from '../../gateway/service';
import { startFixtureWorld, type FixtureWorld } from '../gateway/support/fixture-subgraphs';

const SCREENSHOTS = join(__dirname, '__screenshots__');
const CHROMIUM = '/usr/bin/chromium';

let world: FixtureWorld;
let gateway: GatewayService;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`this test needs Debian's Chromium at ${CHROMIUM}: apt-get install chromium`);
  world = await startFixtureWorld();
  gateway = await startGateway({ supergraphSdl: world.supergraphSdl, host: '127.0.0.1' });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await gateway?.close();
  await world?.close();
});

it('opens GraphiQL from the gateway alone, runs a typed query and shows the data', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 800 } });
  const outside: string[] = [];
  await context.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
    outside.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));

  const response = await page.goto(`${gateway.url}/graphql`);
  expect(response?.status()).toBe(200);
  const editor = page.locator('.graphiql-query-editor .CodeMirror');
  await editor.waitFor({ state: 'visible', timeout: 20_000 });

  // Replace the default query by typing, as a person would (the editor closes brackets itself).
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('query ReviewDesk { reviews { body author { name } product { name price } } }');
  await page.keyboard.press('Escape'); // dismiss any autocompletion hint
  const typed = await page.evaluate(() => {
    const node = document.querySelector('.graphiql-query-editor .CodeMirror') as (Element & { CodeMirror?: { getValue(): string } }) | null;
    return node?.CodeMirror?.getValue() ?? '';
  });
  expect(typed.replace(/\s+/g, ' ').trim()).toBe('query ReviewDesk { reviews { body author { name } product { name price } } }');

  await page.locator('.graphiql-execute-button').click();
  const result = page.locator('.graphiql-response');
  await page.waitForFunction(() => document.querySelector('.graphiql-response')?.textContent?.includes('Great keys'), undefined, { timeout: 20_000 });
  const shown = (await result.textContent()) ?? '';
  expect(shown).toContain('"data"');
  expect(shown).toContain('"Squeaks"');
  expect(shown).toContain('"Grace"');
  expect(shown).toContain('"Keyboard"');
  expect(shown).not.toContain('"errors"');

  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, 'graphiql.png') });

  // Nothing GraphiQL needed came from outside, and the page ran without errors.
  expect(outside).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();
});
