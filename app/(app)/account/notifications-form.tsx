'use client';

import { ActionForm } from '@/app/components/action-form';
import { kindInfo, type NotificationKind } from '@/lib/mail/outgoing/kinds';
import { saveNotificationsAction } from './actions';

/** The mails a user may turn off, ticked when they are sent; the essential ones are listed, always on. */
export function NotificationsForm({
  optional,
  essential,
  optOuts,
}: {
  optional: NotificationKind[];
  essential: NotificationKind[];
  optOuts: string[];
}) {
  return (
    <ActionForm action={saveNotificationsAction} submit="Save mail settings" pendingText="Saving…">
      <fieldset className="stack">
        <legend>Mail me when…</legend>
        {optional.map((kind) => (
          <div className="checkbox" key={kind}>
            <input id={`notify-${kind}`} type="checkbox" name={kind} defaultChecked={!optOuts.includes(kind)} />
            <label htmlFor={`notify-${kind}`}>{kindInfo[kind].label}</label>
          </div>
        ))}
      </fieldset>
      {essential.length > 0 ? (
        <p className="muted">Always sent: {essential.map((kind) => kindInfo[kind].label.toLowerCase()).join('; ')}.</p>
      ) : null}
    </ActionForm>
  );
}
