'use client';

import { useState } from 'react';
import { ActionForm } from '@/app/components/action-form';
import { TextAreaField } from '@/app/components/form-controls';
import { addCommentAction } from '../actions';
import { AttachmentField, type AttachmentLimits } from '../attachment-field';
import styles from '../tickets.module.css';
import { InsertArticleLink } from '../../kb/insert-article-link';

type Props = { ticketId: string; canWriteInternal: boolean; attachmentLimits: AttachmentLimits };

/**
 * Staff choose between a reply and an internal note with two buttons, and the note's composer looks
 * different, so a note cannot go out as a reply by one missed checkbox. Without JavaScript it is a reply.
 */
export function CommentForm({ ticketId, canWriteInternal, attachmentLimits }: Props) {
  const [internal, setInternal] = useState(false);
  const note = canWriteInternal && internal;
  return (
    <>
      {canWriteInternal ? (
        <div role="group" aria-label="Kind of comment" className={styles.composerModes}>
          <button
            type="button"
            className={note ? 'secondary' : undefined}
            aria-pressed={!note}
            onClick={() => setInternal(false)}
          >
            Reply
          </button>
          <button
            type="button"
            className={note ? undefined : 'secondary'}
            aria-pressed={note}
            onClick={() => setInternal(true)}
          >
            Internal note
          </button>
        </div>
      ) : null}
      <div className={note ? styles.noteComposer : undefined} data-composer={note ? 'internal-note' : 'reply'}>
        {note ? <p className={styles.noteWarning}>Only staff will see this</p> : null}
        <ActionForm
          action={addCommentAction}
          hidden={note ? { ticketId, internal: 'on' } : { ticketId }}
          submit={note ? 'Add internal note' : 'Send reply'}
          pendingText={note ? 'Saving…' : 'Sending…'}
        >
          <TextAreaField
            name="body"
            label={note ? 'Internal note' : 'Reply'}
            required
            rows={5}
            idPrefix="comment"
            draft={`comment:${ticketId}`}
          />
          {canWriteInternal ? (
            <InsertArticleLink textareaId="comment-body" replyOnTicketId={note ? undefined : ticketId} />
          ) : null}
          <AttachmentField limits={attachmentLimits} idPrefix="comment" />
        </ActionForm>
      </div>
    </>
  );
}
