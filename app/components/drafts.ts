'use client';

// Drafts of long text (a ticket's description, a reply) kept in this browser until they are sent,
// so a reload, a failed send or a round trip to the sign-in page never loses them. A draft is named
// by its form and the record it belongs to, not by the user: it is what was typed in this browser.
// A control opts in with `data-draft` (TextAreaField's `draft` prop); ActionForm clears its drafts
// when a send succeeds and keeps them when it fails.

const prefix = 'itam-draft:';

export const draftAttribute = 'data-draft';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage switched off: the form still works, it just remembers nothing
  }
}

export function readDraft(name: string): string | null {
  return storage()?.getItem(prefix + name) ?? null;
}

export function saveDraft(name: string, text: string): void {
  const store = storage();
  if (!store) return;
  try {
    if (text.trim() === '') store.removeItem(prefix + name);
    else store.setItem(prefix + name, text);
  } catch {
    // Storage full: the text is still in the form; only the copy is missing.
  }
}

export function clearDraft(name: string): void {
  storage()?.removeItem(prefix + name);
}

/** Every draft in this browser, e.g. after signing out on a shared computer. */
export function clearAllDrafts(): void {
  const store = storage();
  if (!store) return;
  const names = Array.from({ length: store.length }, (_, index) => store.key(index)).filter(
    (key): key is string => key?.startsWith(prefix) ?? false,
  );
  for (const name of names) store.removeItem(name);
}

/** The controls of `form` that keep a draft, with the draft's name. */
export function draftControls(form: HTMLFormElement): { name: string; control: HTMLTextAreaElement }[] {
  return Array.from(form.querySelectorAll<HTMLTextAreaElement>(`textarea[${draftAttribute}]`)).map((control) => ({
    name: control.getAttribute(draftAttribute) ?? '',
    control,
  }));
}
