'use client';

import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';

type Props = {
  /** Asked in the page before the form inside is sent; with none, the form is sent at once. */
  question: string | undefined;
  /** The button that sends the form after all, e.g. "Check in". */
  confirmLabel: string;
  variant?: 'danger' | 'secondary';
  /** Runs just before the confirmed form is sent, e.g. to render a field saying it was confirmed. */
  onConfirm?: () => void;
  children: ReactNode;
};

const submitButtonOf = (form: HTMLFormElement) => form.querySelector<HTMLButtonElement>('button[type="submit"]');

/**
 * Wraps a form so that submitting it first asks `question` in the page: "Check in A-00042?
 * [Check in] [Cancel]" stands in for the form's submit button (see .confirm-step in globals.css).
 * Focus moves to the confirming button; Escape or Cancel puts it back on the submit button.
 * Asked in the page rather than with window.confirm, which some browsers suppress and which
 * cannot be styled or tested like the rest of the page.
 */
export function ConfirmBeforeSubmit({ question, confirmLabel, variant, onConfirm, children }: Props) {
  const [asking, setAsking] = useState<HTMLFormElement | null>(null);
  const confirmed = useRef(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const questionId = useId();

  useEffect(() => {
    if (asking) confirmButton.current?.focus();
  }, [asking]);

  function ask(event: FormEvent<HTMLElement>) {
    if (!question || !(event.target instanceof HTMLFormElement)) return;
    if (confirmed.current) {
      confirmed.current = false;
      return;
    }
    event.preventDefault();
    setAsking(event.target);
  }

  function stopAsking(form: HTMLFormElement, before?: () => void) {
    flushSync(() => {
      before?.();
      setAsking(null);
    });
    submitButtonOf(form)?.focus();
  }

  function confirm() {
    if (!asking) return;
    const form = asking;
    stopAsking(form, onConfirm);
    confirmed.current = true;
    form.requestSubmit();
  }

  function cancelOnEscape(event: KeyboardEvent<HTMLElement>) {
    if (event.key !== 'Escape' || !asking) return;
    event.preventDefault();
    stopAsking(asking);
  }

  return (
    <div className="confirm-step" data-asking={asking ? '' : undefined} onSubmitCapture={ask}>
      {children}
      {asking ? (
        <div role="group" aria-labelledby={questionId} className="confirm-question" onKeyDown={cancelOnEscape}>
          <span id={questionId}>{question}</span>
          <button ref={confirmButton} type="button" className={variant} onClick={confirm}>
            {confirmLabel}
          </button>
          <button type="button" className="secondary" onClick={() => stopAsking(asking)}>
            Cancel
          </button>
        </div>
      ) : null}
    </div>
  );
}
