// axe-core in a test page: injected through the debugging protocol (the page's CSP allows only our
// own nonce, and it must stay as strict as VS Code's), then run with the WCAG 2.0–2.2 A and AA rules.
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './repoServer';

/** The rule sets of WCAG 2.0, 2.1 and 2.2 at levels A and AA (2.2 added no level-A rule to axe). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  /** Each offending element: its selector path (into shadow roots joined with " >>> ") and what is wrong. */
  nodes: { target: string; summary: string }[];
}

let source: string | undefined;

export async function runAxe(page: Page): Promise<AxeFinding[]> {
  source ??= fs.readFileSync(path.join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${source}\n;0`);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    interface AxeViolation {
      id: string;
      impact: string;
      help: string;
      nodes: { target: (string | string[])[]; failureSummary: string }[];
    }
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' >>> '), summary: n.failureSummary.replace(/\s+/g, ' ') }))
    }));
  }, WCAG_TAGS);
}

/** Findings as lines a failing test can show. */
export function describeFindings(where: string, findings: AxeFinding[]): string[] {
  return findings.flatMap((f) => f.nodes.map((n) => `${where}: ${f.rule} (${f.impact}) at ${n.target}: ${f.help}. ${n.summary}`));
}
