import 'server-only';
import { isStaff, type Actor } from '../actor';
import { ticketListFields } from '../catalog/kinds';
import { findListed, inListedSpelling, listCatalogNames } from '../catalog/spellings';
import type { Executor, Transaction } from '../db/client';
import { AppError } from '../errors';
import { defaultCategory } from './rules';

// Ticket categories are a managed list (lib/catalog): saved in the listed spelling. Agents and
// admins add a new one by typing it, as they do for asset lists; requesters choose a listed one
// or the default, as in a helpdesk portal's drop-down, so the list stays the team's vocabulary.

/** The listed ticket categories, alphabetically, for the forms' suggestions and the list filter. */
export function listTicketCategories(executor: Executor): Promise<string[]> {
  return listCatalogNames(executor, 'ticket_category');
}

/** `category` in its listed spelling; a new one joins the list when staff typed it, and is refused otherwise. */
export async function inListedCategory(tx: Transaction, actor: Actor, category: string): Promise<string> {
  const isDefault = category.toLowerCase() === defaultCategory.toLowerCase();
  if (!isStaff(actor) && !isDefault && !(await findListed(tx, 'ticket_category', category))) {
    const message = 'Choose one of the listed categories.';
    throw new AppError('validation_failed', message, { fields: { category: message } });
  }
  // A requester's "general" is the default as the app spells it: their spelling never joins the list.
  const typed = isDefault && !isStaff(actor) ? defaultCategory : category;
  const spelled = await inListedSpelling(tx, ticketListFields, { category: typed });
  return spelled.category;
}
