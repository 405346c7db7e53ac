import 'server-only';
import MarkdownIt from 'markdown-it';
import type { MarkdownIt as Parser, MarkdownItOptions, RendererRule, StateInline, Token } from 'markdown-it';

// What people write on tickets (descriptions, replies, notes) shown as Markdown: the one renderer,
// on the server. Raw HTML is never passed through (html: false escapes it), links go only to
// http, https and mailto addresses, and an image becomes a link to it, so a reply cannot load
// anything from another host into the page. Mail keeps the plain text.

/** A staff member an @name may point at, by lower-case username. */
export type Mentionable = ReadonlyMap<string, { username: string; displayName: string }>;

type RenderEnv = { mentionable?: Mentionable };

const allowedLink = /^(?:https?:|mailto:)/i;
const linkRel = 'noopener noreferrer nofollow';

// Usernames are letters, digits and . _ @ - (lib/users/schemas.ts); a mention ends before
// trailing punctuation, so "thanks @alice." names alice.
const mentionPattern = /^@([A-Za-z0-9][A-Za-z0-9._@-]{0,63})/;
const trailingPunctuation = /[._@-]+$/;
const partOfAWord = /[A-Za-z0-9._@-]/;

function mentionRule(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x40 /* @ */) return false;
  // "bob@example.com" is an address, not a mention.
  if (state.pos > 0 && partOfAWord.test(state.src[state.pos - 1])) return false;
  const match = mentionPattern.exec(state.src.slice(state.pos, state.pos + 66));
  if (!match) return false;
  const name = match[1].replace(trailingPunctuation, '');
  if (name.length < 2) return false;
  if (!silent) {
    const token = state.push('mention', '', 0);
    token.content = name;
  }
  state.pos += name.length + 1;
  return true;
}

function createRenderer(): Parser {
  const md = new MarkdownIt('default', { html: false, linkify: true, breaks: true, typographer: false });
  md.validateLink = (url) => allowedLink.test(url.trim());
  md.inline.ruler.after('text', 'mention', mentionRule);
  const { rules } = md.renderer;

  rules.mention = (tokens, index, _options, env) => {
    const name = tokens[index].content;
    const person = (env as RenderEnv | undefined)?.mentionable?.get(name.toLowerCase());
    if (!person) return md.utils.escapeHtml(`@${name}`);
    const title = md.utils.escapeHtml(person.displayName);
    return `<span class="mention" title="${title}">@${md.utils.escapeHtml(person.username)}</span>`;
  };

  const renderToken = (tokens: Token[], index: number, options: Required<MarkdownItOptions>) =>
    md.renderer.renderToken(tokens, index, options);
  rules.link_open = (tokens, index, options) => {
    tokens[index].attrSet('rel', linkRel);
    return renderToken(tokens, index, options);
  };
  // Headings inside a comment sit below the page's h1 and the panel's h2.
  const shiftHeading: RendererRule = (tokens, index, options) => {
    const token = tokens[index];
    token.tag = `h${Math.min(Number(token.tag.slice(1)) + 2, 6)}`;
    return renderToken(tokens, index, options);
  };
  rules.heading_open = shiftHeading;
  rules.heading_close = shiftHeading;
  // Never load a picture from elsewhere: show a link to it, named by its alt text.
  rules.image = (tokens, index, options, env) => {
    const token = tokens[index];
    const src = String(token.attrGet('src') ?? '');
    const label = md.renderer.renderInlineAsText(token.children ?? [], options, env) || src;
    return `<a href="${md.utils.escapeHtml(src)}" rel="${linkRel}">${md.utils.escapeHtml(label)}</a>`;
  };
  return md;
}

const renderer = createRenderer();

/** Safe HTML for `text`; an @name of someone in `mentionable` becomes a mention, any other stays text. */
export function renderMarkdown(text: string, mentionable: Mentionable = new Map()): string {
  return renderer.render(text, { mentionable } satisfies RenderEnv);
}

/** The lower-case names written as @name in `text` (outside code), whoever they turn out to be. */
export function mentionedNames(text: string): string[] {
  const names = new Set<string>();
  const visit = (tokens: Token[]) => {
    for (const token of tokens) {
      if (token.type === 'mention') names.add(token.content.toLowerCase());
      if (token.children) visit(token.children);
    }
  };
  visit(renderer.parse(text, {}));
  return [...names];
}
