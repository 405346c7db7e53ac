'use client';

import { useId, useState, type KeyboardEvent } from 'react';
import styles from './kb.module.css';
import { useArticleSuggestions, type Suggestion } from './use-article-suggestions';
import { basePath } from '@/app/components/base-path';

// Markdown allows only http(s) and mailto links (lib/markdown.ts), so the link is absolute: the
// address this page was reached at, which also works in the mail the reply becomes.
function markdownLink(article: Suggestion): string {
  const title = article.title.replace(/[[\]\\]/g, (character) => `\\${character}`);
  return `[${title}](${window.location.origin}${basePath}/kb/${article.id})`;
}

/**
 * Finds a published article and writes a Markdown link to it at the cursor of the textarea
 * `textareaId` (its draft keeps it, as if typed). A search field without a name: never sent with the form.
 * `replyOnTicketId`: the text is a public reply on that ticket, so only articles its requester may open are offered.
 */
export function InsertArticleLink({ textareaId, replyOnTicketId }: { textareaId: string; replyOnTicketId?: string }) {
  const id = useId();
  const [text, setText] = useState('');
  const [inserted, setInserted] = useState('');
  const articles = useArticleSuggestions(text, 5, replyOnTicketId);

  const insert = (article: Suggestion) => {
    const area = document.getElementById(textareaId);
    if (!(area instanceof HTMLTextAreaElement)) return;
    area.setRangeText(markdownLink(article), area.selectionStart, area.selectionEnd, 'end');
    area.dispatchEvent(new Event('input', { bubbles: true }));
    area.focus();
    setInserted(`Link to “${article.title}” inserted.`);
  };
  // Enter in the search would send the reply.
  const keepFormUnsent = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') event.preventDefault();
  };

  return (
    <details className={styles.insertLink}>
      <summary>Insert article link</summary>
      <div className="field">
        <label htmlFor={`${id}-search`}>Find an article</label>
        {replyOnTicketId ? (
          <p id={`${id}-hint`} className="hint">
            A reply offers only the articles the requester can open; an internal note offers all.
          </p>
        ) : null}
        <input
          id={`${id}-search`}
          type="search"
          autoComplete="off"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={keepFormUnsent}
          aria-describedby={replyOnTicketId ? `${id}-hint` : undefined}
        />
      </div>
      {articles.length > 0 ? (
        <ul aria-label="Articles found">
          {articles.map((article) => (
            <li key={article.id}>
              <button type="button" className="link" onClick={() => insert(article)}>
                Insert “{article.title}”
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <p role="status" className="muted">
        {inserted}
      </p>
    </details>
  );
}
