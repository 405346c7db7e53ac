import 'server-only';
import type { BulkAction, BulkTarget } from '../action';
import { assetCheckInAction } from './asset-check-in';
import { assetCheckOutAction } from './asset-check-out';
import { assetCustomFieldAction } from './asset-custom-field';
import { assetLocationAction } from './asset-location';
import { assetStatusAction } from './asset-status';
import { ticketAssignAction } from './ticket-assign';
import { ticketCloseAction } from './ticket-close';
import { ticketPriorityAction } from './ticket-priority';
import { ticketStatusAction } from './ticket-status';

// Every kind of bulk change, in the order the lists offer them. A new kind: one module, one line here.
export const bulkActions: readonly BulkAction[] = [
  assetCheckInAction,
  assetCheckOutAction,
  assetStatusAction,
  assetLocationAction,
  assetCustomFieldAction,
  ticketAssignAction,
  ticketStatusAction,
  ticketPriorityAction,
  ticketCloseAction,
];

export function bulkActionsFor(target: BulkTarget): BulkAction[] {
  return bulkActions.filter((action) => action.target === target);
}

export function findBulkAction(kind: string): BulkAction | undefined {
  return bulkActions.find((action) => action.kind === kind);
}
