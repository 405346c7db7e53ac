'use client';

import { useEffect } from 'react';
import { clearAllDrafts } from './drafts';

/**
 * Drafts are kept per browser, not per person: signing out on purpose forgets them, so the next
 * person at a shared computer does not find them. (A session that merely ended keeps them.)
 */
export function ForgetDrafts() {
  useEffect(clearAllDrafts, []);
  return null;
}
