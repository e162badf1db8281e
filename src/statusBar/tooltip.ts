// The status item's tooltip as Markdown. Its text comes partly from the user (a medication's name,
// the unit in the settings, and whatever line the journal's status feed adds later), so every piece
// of text is escaped character by character: nothing in it can become a link, an autolink, an
// image, HTML, an entity, a heading, a list, a table or a theme icon. The only links are the three
// command links this file writes itself.
import { tooltipLinks, type StatusText, type StatusView } from './statusView';

/** Line breaks and other control characters: a piece of text stays on its own line. */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's job
const CONTROL = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/g;
/** Every ASCII punctuation character; CommonMark lets each be escaped with a backslash. */
const PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** Text that renders as itself in a MarkdownString with theme icons on. */
export function markdownText(text: string): string {
  return (
    text
      .replace(CONTROL, ' ')
      // "\$(name)" is how VS Code spells a literal "$(name)" when theme icons are on; the
      // backslash itself is then escaped below like everything else.
      .replace(/\$\(/g, '\\$(')
      .replace(PUNCTUATION, '\\$&')
  );
}

/** The tooltip: the check-in sentence, the journal's lines as a list, then the command links. */
export function tooltipMarkdown(view: Pick<StatusView, 'message' | 'lines'>, t: StatusText): string {
  const out = [`**${markdownText(t('Mood & Dose Journal'))}**`, '', markdownText(view.message), ''];
  for (const line of view.lines) out.push(`- ${markdownText(line)}`);
  out.push('', tooltipLinks(t).map((l) => `[$(${l.icon}) ${markdownText(l.title)}](command:${l.command})`).join(' &nbsp;·&nbsp; '));
  return out.join('\n');
}
