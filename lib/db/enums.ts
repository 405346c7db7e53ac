// The value lists behind the schema's check constraints. No imports: client components use them,
// directly or through lib/tickets/rules, and importing the schema would ship drizzle to the browser.

export const ticketStatuses = ['new', 'open', 'pending', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

/** The statuses that still need work: the staff's ticket list shows these unless they choose others. */
export const openWorkStatuses = ['new', 'open', 'pending'] as const satisfies readonly TicketStatus[];
export const ticketPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof ticketPriorities)[number];
export const assetStatuses = ['in_stock', 'deployed', 'in_repair', 'retired', 'lost'] as const;
export type AssetStatus = (typeof assetStatuses)[number];
