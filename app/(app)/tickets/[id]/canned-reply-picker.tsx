'use client';

import { useId, useState } from 'react';
import { Link } from '@/app/components/link';

type Reply = { id: string; title: string; text: string; shared: boolean };

/**
 * Puts a canned reply, already filled for this ticket on the server, into the reply box at the
 * cursor. The box keeps its draft: the inserted text is sent through its own input event.
 */
export function CannedReplyPicker({ replies, targetId }: { replies: Reply[]; targetId: string }) {
  const selectId = useId();
  const [chosen, setChosen] = useState(replies[0]?.id ?? '');
  const [notice, setNotice] = useState('');

  function insert() {
    const reply = replies.find((item) => item.id === chosen);
    const box = document.getElementById(targetId);
    if (!reply || !(box instanceof HTMLTextAreaElement)) return;
    const start = box.selectionStart ?? box.value.length;
    const end = box.selectionEnd ?? box.value.length;
    box.setRangeText(reply.text, start, end, 'end');
    box.dispatchEvent(new Event('input', { bubbles: true }));
    box.focus();
    setNotice(`Inserted “${reply.title}”.`);
  }

  return (
    <div className="canned-reply-picker">
      {replies.length === 0 ? (
        <span className="muted">No canned replies yet.</span>
      ) : (
        <>
          <label htmlFor={selectId}>Canned reply</label>
          <select id={selectId} value={chosen} onChange={(event) => setChosen(event.target.value)}>
            {replies.map((reply) => (
              <option key={reply.id} value={reply.id}>
                {reply.shared ? reply.title : `${reply.title} (yours)`}
              </option>
            ))}
          </select>
          <button type="button" className="secondary" onClick={insert}>
            Insert
          </button>
        </>
      )}
      <Link href="/canned-replies">Manage canned replies</Link>
      <span role="status" className="muted">
        {notice}
      </span>
    </div>
  );
}
