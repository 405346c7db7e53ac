'use client';

import { useState, type FormEvent, type ReactNode } from 'react';
import { ActionButton } from '@/app/components/action-button';
import { Link } from '@/app/components/link';
import { markArticleSolvedAction } from './actions';
import styles from './kb.module.css';
import { useArticleSuggestions } from './use-article-suggestions';

/**
 * The new-ticket form (`children`) with the three articles best matching the title typed so far
 * beside it. The title is read from the form's input events as they bubble up, so the form itself
 * needs no change. "This solved it" closes nothing: it counts the article, and the form stays.
 */
export function WithArticleSuggestions({ children }: { children: ReactNode }) {
  const [title, setTitle] = useState('');
  const suggestions = useArticleSuggestions(title, 3);
  const readTitle = (event: FormEvent<HTMLDivElement>) => {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.name === 'title') setTitle(target.value);
  };
  return (
    <div className={styles.beside} onInput={readTitle}>
      <div>{children}</div>
      <div aria-live="polite">
        {suggestions.length > 0 ? (
          <section className={`panel ${styles.suggestions}`} aria-label="Articles that may help">
            <h2>These articles may help</h2>
            <ul>
              {suggestions.map((article) => (
                <li key={article.id}>
                  <Link href={`/kb/${article.id}`} target="_blank">
                    {article.title}
                    <span className="visually-hidden"> (opens in a new tab)</span>
                  </Link>
                  <span className="muted">{article.category}</span>
                  <ActionButton
                    action={markArticleSolvedAction}
                    fields={{ articleId: article.id }}
                    label="This solved it"
                    variant="secondary"
                  />
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </div>
  );
}
