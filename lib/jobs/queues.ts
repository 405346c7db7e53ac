// The queues of the app and how each retries. A queue is made (or updated) when the database is
// migrated; a job sent to a queue missing here is refused by pg-boss.
export type QueueDefinition = {
  name: string;
  /** Attempts after the first one; with backoff the waits double from retryDelaySeconds. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** A running job not finished in this time counts as failed (its worker died) and is retried. */
  expireInSeconds: number;
  /** 'singleton': at most one job of this queue runs at a time across every process. */
  policy?: 'standard' | 'singleton' | 'stately' | 'short';
};

export const queues = {
  /** One outgoing mail. */
  mailSend: { name: 'mail-send', retryLimit: 8, retryDelaySeconds: 30, expireInSeconds: 120 },
  /** One "Forgot password" mail: the job makes the token, so only the user id is stored. */
  passwordReset: { name: 'password-reset', retryLimit: 3, retryDelaySeconds: 30, expireInSeconds: 120 },
  /** Reads the mailbox once and IDLEs (lib/mail/incoming); the timer of every process queues the next. */
  mailFetch: { name: 'mail-fetch', retryLimit: 0, retryDelaySeconds: 60, expireInSeconds: 5 * 60, policy: 'stately' },
  /** One large bulk change (lib/bulk): resumable, so an expired run is simply run again. */
  bulkChange: { name: 'bulk-change', retryLimit: 5, retryDelaySeconds: 10, expireInSeconds: 30 * 60 },
  /** Mails the SLA warnings due (lib/sla/warnings.ts); every process's timer queues one a minute. */
  slaCheck: { name: 'sla-check', retryLimit: 0, retryDelaySeconds: 60, expireInSeconds: 5 * 60, policy: 'stately' },
  /** Recomputes the open tickets' due times after an SLA calendar or policy change. */
  slaRecompute: {
    name: 'sla-recompute',
    retryLimit: 3,
    retryDelaySeconds: 30,
    expireInSeconds: 15 * 60,
    policy: 'stately',
  },
} as const satisfies Record<string, QueueDefinition>;

export type QueueName = (typeof queues)[keyof typeof queues]['name'];
