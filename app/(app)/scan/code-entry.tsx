'use client';

import { useId, useState } from 'react';

/** The typed fallback: a keyboard-wedge scanner types the code and presses Enter, as a person would. */
export function CodeEntry({ onCode, busy }: { onCode: (text: string) => void; busy: boolean }) {
  const id = useId();
  const [text, setText] = useState('');
  return (
    <form
      className="code-entry"
      onSubmit={(event) => {
        event.preventDefault();
        const code = text.trim();
        if (!code) return;
        onCode(code);
        setText('');
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-code`}>Asset tag, serial number or label address</label>
        <input
          id={`${id}-code`}
          name="code"
          value={text}
          onChange={(event) => setText(event.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          enterKeyHint="search"
        />
      </div>
      <button type="submit" disabled={busy}>
        Find
      </button>
    </form>
  );
}
