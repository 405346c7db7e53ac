import { renderMarkdown, type Mentionable } from '@/lib/markdown';

type Props = {
  text: string;
  /** The staff an @name may mention; any other @name stays plain text. */
  mentionable?: Mentionable;
  className?: string;
};

/** Text people wrote, shown as Markdown. A server component: the renderer never reaches the browser. */
export function Markdown({ text, mentionable, className }: Props) {
  // Safe to inject: lib/markdown.ts escapes raw HTML and allows only http, https and mailto links.
  return <div className={className} dangerouslySetInnerHTML={{ __html: renderMarkdown(text, mentionable) }} />;
}
