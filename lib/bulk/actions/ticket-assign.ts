import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { staffRoles } from '../../actor';
import { users } from '../../db/schema';
import { AppError } from '../../errors';
import { updateTicket } from '../../tickets/mutations';
import { defineBulkAction } from '../action';

const chooseAgent = 'Choose an active agent or admin.';

export const ticketAssignAction = defineBulkAction({
  kind: 'ticket.assign',
  target: 'ticket',
  label: 'Assign',
  fields: [{ name: 'assigneeId', label: 'Assign to', kind: 'agent' }],
  params: z.object({ assigneeId: z.uuid(chooseAgent) }),
  describe: async (executor, { assigneeId }) => {
    const [agent] = await executor
      .select({ displayName: users.displayName })
      .from(users)
      .where(and(eq(users.id, assigneeId), eq(users.active, true), inArray(users.role, [...staffRoles])))
      .limit(1);
    if (!agent) throw new AppError('validation_failed', chooseAgent, { fields: { assigneeId: chooseAgent } });
    return `Assign to ${agent.displayName}`;
  },
  refusal: (ticket, { assigneeId }) =>
    ticket.assigneeId === assigneeId ? `Already assigned to ${ticket.assigneeName ?? 'them'}.` : null,
  apply: async (tx, actor, ticket, { assigneeId }) => {
    await updateTicket(tx, actor, { ticketId: ticket.id, version: ticket.version, assigneeId });
  },
});
