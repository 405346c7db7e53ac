import { z } from 'zod';
import { formatCount } from '../format-count';
import { paginationSchema } from '../list-params';
import { slaFilters } from '../sla/filters';
import { multiLineText, singleLineText } from '../validation';
import { defaultCategory, ticketPriorities, ticketStatuses } from './rules';

// Input shapes for tickets, shared by server actions, JSON routes and the data layer.

export const maxTitleLength = 200;
export const maxDescriptionLength = 20_000;
export const maxCommentLength = 10_000;
export const maxLinkedAssets = 20;

const uuid = (message: string) => z.uuid(message);

export const titleSchema = singleLineText({ error: 'Enter a title.' })
  .min(1, 'Enter a title.')
  .max(maxTitleLength, `Use at most ${maxTitleLength} characters.`);
// Browsers send a textarea's line breaks as CRLF; stored text uses LF, so an unchanged
// description read back from a form compares equal to what is stored.
const unixLineBreaks = (text: string) => text.replace(/\r\n?/g, '\n');

export const descriptionSchema = multiLineText()
  .max(maxDescriptionLength, `Use at most ${formatCount(maxDescriptionLength)} characters.`)
  .transform(unixLineBreaks);
export const categorySchema = singleLineText()
  .max(60, 'Use at most 60 characters.')
  .transform((text) => text || defaultCategory);
export const prioritySchema = z.enum(ticketPriorities, { error: 'Choose low, normal, high or urgent.' });
export const statusSchema = z.enum(ticketStatuses, { error: 'Choose new, open, pending, resolved or closed.' });
export const assetIdsSchema = z
  .array(uuid('Unknown asset.'), { error: 'assetIds must be a list of asset ids.' })
  .max(maxLinkedAssets, `Link at most ${maxLinkedAssets} assets.`);

export const newTicketSchema = z.object({
  title: titleSchema,
  description: descriptionSchema.optional().default(''),
  category: categorySchema.optional().default(defaultCategory),
  priority: prioritySchema.optional().default('normal'),
  assetIds: assetIdsSchema.optional().default([]),
  // Agents log tickets on someone's behalf (a phone call, a walk-up); requesters open their own.
  requesterId: uuid('Choose an active user.').optional(),
});
export type NewTicketInput = z.input<typeof newTicketSchema>;

/** A change carries the version it read; every other field is optional and only what differs is written. */
export const ticketChangeSchema = z.object({
  version: z.coerce.number({ error: 'version is required.' }).int().positive('version is required.'),
  status: statusSchema.optional(),
  priority: prioritySchema.optional(),
  assigneeId: uuid('Choose an active agent or admin.').nullable().optional(),
  category: categorySchema.optional(),
  title: titleSchema.optional(),
  description: descriptionSchema.optional(),
  assetIds: assetIdsSchema.optional(),
});
export type TicketChangeInput = z.input<typeof ticketChangeSchema>;

export const newCommentSchema = z.object({
  body: multiLineText({ error: 'Write a comment.' })
    .min(1, 'Write a comment.')
    .max(maxCommentLength, `Use at most ${formatCount(maxCommentLength)} characters.`)
    .transform(unixLineBreaks),
  internal: z.boolean({ error: 'internal must be true or false.' }).optional().default(false),
});
export type NewCommentInput = z.input<typeof newCommentSchema>;

export const ticketViews = ['all', 'mine', 'unassigned'] as const;
export type TicketView = (typeof ticketViews)[number];
export const ticketSorts = ['updated', 'created', 'priority', 'number', 'status', 'due'] as const;
export type TicketSort = (typeof ticketSorts)[number];

/** "open,pending" (or a repeated parameter joined by the caller) → ['open', 'pending']. */
function listOf<Values extends readonly [string, ...string[]]>(values: Values, message: string) {
  return z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values, { error: message })).max(values.length))
    .transform((list) => [...new Set(list)]);
}

const listFilterFields = {
  view: z.enum(ticketViews, { error: 'view is all, mine or unassigned.' }).default('all'),
  status: listOf(
    ticketStatuses,
    'status is new, open, pending, resolved or closed (comma-separated for several).',
  ).optional(),
  priority: listOf(
    ticketPriorities,
    'priority is low, normal, high or urgent (comma-separated for several).',
  ).optional(),
  assignee: z
    .union([z.literal('none'), uuid('assignee is a user id or "none".')], { error: 'assignee is a user id or "none".' })
    .optional(),
  requester: uuid('requester is a user id.').optional(),
  category: singleLineText().max(60, 'category is at most 60 characters.').optional(),
  q: singleLineText().max(200, 'q is at most 200 characters.').optional(),
  sla: z.enum(slaFilters, { error: 'sla is due_soon or breached.' }).optional(),
  sort: z.enum(ticketSorts, { error: `sort is one of ${ticketSorts.join(', ')}.` }).default('updated'),
};

/** JSON routes: an unknown or malformed parameter is a 400. */
export const ticketListQuerySchema = paginationSchema.extend(listFilterFields).strict();
/** Pages: the same fields, parsed leniently (unknown parameters ignored). */
export const ticketListPageSchema = paginationSchema.extend(listFilterFields);
export type TicketListQuery = z.output<typeof ticketListQuerySchema>;
export type TicketFilters = Omit<TicketListQuery, 'page' | 'pageSize'>;

const multiValued = new Set(['status', 'priority']);

/**
 * URLSearchParams or a page's searchParams → a plain object for the list schemas. Unlike the shared
 * helper, repeated status/priority values (checkboxes in a GET form) are joined, not dropped.
 */
export function ticketQueryObject(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): Record<string, string> {
  const entries: [string, string][] =
    params instanceof URLSearchParams
      ? [...params.entries()]
      : Object.entries(params).flatMap(([key, value]) =>
          [value ?? []].flat().map((item): [string, string] => [key, item]),
        );
  const object: Record<string, string> = {};
  for (const [key, raw] of entries) {
    const value = raw.trim();
    if (value === '') continue;
    if (multiValued.has(key) && key in object) object[key] = `${object[key]},${value}`;
    else if (!(key in object)) object[key] = value;
  }
  return object;
}
