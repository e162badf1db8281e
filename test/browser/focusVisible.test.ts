// Focus always visible (WCAG 2.4.7, 2.4.11, 1.4.11): Tab through every focusable element of the
// panel's four tabs and the dashboard's five sections, over the demo journal, in Light+, Dark+ and
// High Contrast. Each element focused must show an outline or box-shadow of non-zero width standing
// 3:1 from the page, and sit inside the viewport once scrolled to; Tab must reach the end (no trap).
import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { THEMES } from '../../tools/browser/themes';
import { installContrast, type InPageContrast } from './contrastInPage';
import { showSection } from './dashboardHooks';
import { pagePerTest } from './themedPages';

/** More Tab presses than any page state has stops: reaching it means focus never left the page's loop. */
const MAX_STOPS = 2000;

interface Stop {
  /** What a person would call the element (tag, id, classes, label). */
  name: string;
  /** Which element, the same on each visit. */
  id: number;
  /** Why the focus is not visible; empty when it is. */
  problems: string[];
}

/** Checks the element focus is on (inside shadow roots too); null once focus has left the page. */
function checkFocused(page: Page): Promise<Stop | null> {
  return page.evaluate(() => {
    let active = document.activeElement;
    if (!active || active === document.body || active === document.documentElement) return null;
    while (active.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const el = active as HTMLElement & { __stop?: number };
    const w = window as unknown as { __stops?: number };
    el.__stop ??= w.__stops = (w.__stops ?? 0) + 1;

    const { rgba, over, background, against } = (window as unknown as { __contrast: InPageContrast }).__contrast;
    const ratio = (css: string) => against(over(rgba(css), background()));

    // The indicator may be drawn on the element, or, in a component, on the host or any part of it
    // that is drawn (a checkbox rings its box, not its hidden input).
    const chain: Element[] = [];
    for (let e: Element | null = el; e; ) {
      chain.push(e);
      if (e === document.activeElement) break;
      e = e.parentElement ?? ((e.parentNode as ShadowRoot | null)?.host || null);
    }
    const parts = document.activeElement!.shadowRoot?.querySelectorAll('*') ?? [];
    for (const part of Array.from(parts)) if (!chain.includes(part) && part.getBoundingClientRect().width > 0) chain.push(part);
    const seen: string[] = [];
    const shows = chain.some((e) => {
      const css = getComputedStyle(e);
      if (css.outlineStyle !== 'none' && parseFloat(css.outlineWidth) > 0) {
        const r = ratio(css.outlineColor);
        seen.push(`outline ${css.outlineWidth} ${css.outlineColor} (${r.toFixed(2)}:1)`);
        if (r >= 3) return true;
      }
      // Each shadow: "rgb(...) x y blur spread"; it shows when it spreads or blurs.
      for (const shadow of css.boxShadow === 'none' ? [] : css.boxShadow.split(/,(?![^(]*\))/)) {
        const color = /rgba?\([^)]*\)/.exec(shadow)?.[0] ?? 'transparent';
        const sizes = shadow.replace(color, '').trim().split(/\s+/).map(parseFloat);
        if (!sizes.slice(2).some((n) => n > 0)) continue;
        const r = ratio(color);
        seen.push(`box-shadow ${shadow} (${r.toFixed(2)}:1)`);
        if (r >= 3) return true;
      }
      return false;
    });

    const problems: string[] = [];
    if (!shows) problems.push(`no focus indicator at 3:1 (${seen.join('; ') || 'no outline or box-shadow'})`);
    el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const box = el.getBoundingClientRect();
    const host = (document.activeElement as HTMLElement).getBoundingClientRect();
    // A component's inner part may be sized to nothing; its host is what shows.
    const shown = box.width > 0 && box.height > 0 ? box : host;
    // A tab panel may be taller than the window: it must then start or end in view. Nothing may be wider.
    const tall = shown.height > innerHeight;
    const outside = shown.left < -0.5 || shown.right > innerWidth + 0.5 || (tall ? shown.bottom < 0 || shown.top > innerHeight : shown.top < -0.5 || shown.bottom > innerHeight + 0.5);
    if (shown.width <= 0 || shown.height <= 0) problems.push('has no size');
    else if (outside)
      problems.push(`outside the viewport after scrolling to it (${Math.round(shown.left)},${Math.round(shown.top)} to ${Math.round(shown.right)},${Math.round(shown.bottom)})`);
    const label = el.getAttribute('aria-label') ?? (document.activeElement as HTMLElement).getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? '';
    const id = document.activeElement!.id ? `#${document.activeElement!.id}` : '';
    const name = `${document.activeElement!.tagName.toLowerCase()}${id}${el !== document.activeElement ? ` > ${el.tagName.toLowerCase()}` : ''}.${[...el.classList].join('.')} "${label.slice(0, 40)}"`;
    return { name, id: el.__stop, problems };
  });
}

/**
 * Tabs from the top of the page until focus leaves it, checking every stop. Returns the problems,
 * one line each, and how many stops there were.
 */
async function tabThrough(page: Page, where: string): Promise<{ problems: string[]; stops: number }> {
  // Focusing the body moves the point Tab starts from (a click leaves it where it clicked) to the top.
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
  });
  await installContrast(page);
  const problems: string[] = [];
  const visited = new Set<number>();
  let stops = 0;
  for (;;) {
    await page.keyboard.press('Tab');
    const stop = await checkFocused(page);
    if (!stop) break;
    stops++;
    if (stops > MAX_STOPS) {
      problems.push(`${where}: focus never leaves the page after ${MAX_STOPS} Tab presses (a trap), last at ${stop.name}`);
      break;
    }
    if (visited.has(stop.id)) {
      problems.push(`${where}: Tab comes back to ${stop.name} before leaving the page (a trap)`);
      break;
    }
    visited.add(stop.id);
    for (const p of stop.problems) problems.push(`${where}: ${stop.name}: ${p}`);
  }
  return { problems, stops };
}

describe('Focus always visible, by keyboard, in three themes (headless Chromium)', function () {
  this.timeout(240_000);
  const open = pagePerTest();

  for (const theme of THEMES) {
    it(`panel, demo journal, ${theme}: every stop of the four tabs shows its focus`, async () => {
      const opened = await open(theme, { demo: true });
      const page = opened.panel.page;
      await page.waitForSelector('#save');
      const problems: string[] = [];
      for (const tab of ['journal', 'charts', 'plan', 'checkups']) {
        await page.click(`vscode-tab-header[data-tab=${tab}]`);
        // A chosen mood (drawn pressed) and the form's optional fields too.
        if (tab === 'journal') {
          await page.click('.mood-option[data-mood="6"]');
          await page.click('#more-toggle');
        }
        await page.waitForTimeout(400);
        const found = await tabThrough(page, tab);
        assert.ok(found.stops >= 3, `${tab}: Tab reaches the tabs and the content (${found.stops} stops)`);
        problems.push(...found.problems);
      }
      assert.deepStrictEqual(problems, []);
    });

    it(`dashboard, demo journal, ${theme}: every stop of the five sections shows its focus`, async () => {
      const opened = await open(theme, { demo: true, dashboard: true });
      const page = opened.panel.page;
      await page.waitForSelector('#timeline-host canvas');
      const problems: string[] = [];
      for (const title of ['Timeline', 'Days after each dose change', 'Each dose step side by side', 'Year in pixels', 'What goes with better days']) {
        await showSection(page, title);
        await page.waitForTimeout(400);
        const found = await tabThrough(page, title);
        assert.ok(found.stops >= 2, `${title}: Tab reaches the tabs and the content (${found.stops} stops)`);
        problems.push(...found.problems);
      }
      assert.deepStrictEqual(problems, []);
    });
  }
});
