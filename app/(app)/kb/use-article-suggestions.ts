'use client';

import { useEffect, useState } from 'react';
import { basePath } from '@/app/components/base-path';

// The search behind the new ticket's suggestions and the reply box's "Insert article link":
// GET /api/kb/suggestions (lib/kb/queries.ts, suggestArticles).

export type Suggestion = { id: string; title: string; category: string; solvedCount: number };

const suggestionsUrl = `${basePath}/api/kb/suggestions`;
// Long enough that a word typed at speed sends one request; a title shorter than this finds nothing useful.
const typingPauseMs = 300;
const shortestSearch = 3;

/**
 * The best-matching published articles for `text` (at most `limit`), asked a moment after the last
 * keystroke. `forTicketId`: for a public reply on that ticket, only those its requester may open.
 */
export function useArticleSuggestions(text: string, limit: number, forTicketId?: string): Suggestion[] {
  const [found, setFound] = useState<Suggestion[]>([]);
  const query = text.trim();
  useEffect(() => {
    if (query.length < shortestSearch) return;
    const controller = new AbortController();
    const ask = async () => {
      const params = new URLSearchParams({ q: query, limit: String(limit) });
      if (forTicketId) params.set('ticketId', forTicketId);
      const response = await fetch(`${suggestionsUrl}?${params}`, {
        signal: controller.signal,
        headers: { accept: 'application/json' },
      });
      if (!response.ok) return;
      setFound(((await response.json()) as { items: Suggestion[] }).items);
    };
    const timer = window.setTimeout(() => {
      // Overtaken by typing, or offline: the form works the same without suggestions.
      ask().catch(() => {});
    }, typingPauseMs);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query, limit, forTicketId]);
  return query.length < shortestSearch ? [] : found;
}
