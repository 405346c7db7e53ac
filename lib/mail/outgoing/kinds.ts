// The mails the app sends, who they are for, and which ones a user may turn off. Pure data: the
// account page lists them, the recipient rules and the job handlers use them.

export const notificationKinds = [
  'ticket_received',
  'public_reply',
  'ticket_resolved',
  'ticket_closed',
  'new_unassigned',
  'ticket_assigned',
  'requester_reply',
  'ticket_reopened',
  'mentioned',
  'sla_warning',
  'sla_breach',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** The outcome recorded in mail_messages for a password-reset mail (not a notification: never turned off). */
export const passwordResetOutcome = 'password_reset';

type KindInfo = { label: string; audience: 'requester' | 'staff'; essential: boolean };

// Essential mails carry what someone must act on: the answer to a requester's question and the work
// given to an agent. Everything else can be read in the app as well, so it may be turned off.
export const kindInfo: Record<NotificationKind, KindInfo> = {
  ticket_received: { label: 'We received your ticket', audience: 'requester', essential: false },
  public_reply: { label: 'A reply on your ticket', audience: 'requester', essential: true },
  ticket_resolved: { label: 'Your ticket was resolved', audience: 'requester', essential: false },
  ticket_closed: { label: 'Your ticket was closed', audience: 'requester', essential: false },
  new_unassigned: { label: 'A new unassigned ticket', audience: 'staff', essential: false },
  ticket_assigned: { label: 'A ticket was assigned to you', audience: 'staff', essential: true },
  requester_reply: { label: "A requester's reply on your ticket", audience: 'staff', essential: false },
  ticket_reopened: { label: "A requester's reply reopened your pending ticket", audience: 'staff', essential: true },
  mentioned: { label: 'Someone mentioned you (@username)', audience: 'staff', essential: false },
  sla_warning: { label: "A ticket's SLA target is 80 % through its time", audience: 'staff', essential: false },
  sla_breach: { label: 'A ticket missed its SLA target', audience: 'staff', essential: true },
};

export function isNotificationKind(value: string): value is NotificationKind {
  return (notificationKinds as readonly string[]).includes(value);
}

/** The kinds a user may get: staff also get the requester's mails, for tickets they opened themselves. */
function kindsFor(staff: boolean): NotificationKind[] {
  return notificationKinds.filter((kind) => staff || kindInfo[kind].audience === 'requester');
}

/** What a user may turn off on their account page. */
export function optionalKindsFor(staff: boolean): NotificationKind[] {
  return kindsFor(staff).filter((kind) => !kindInfo[kind].essential);
}

/** What is always sent to this user. */
export function essentialKindsFor(staff: boolean): NotificationKind[] {
  return kindsFor(staff).filter((kind) => kindInfo[kind].essential);
}
