import 'server-only';
import type { z } from 'zod';
import type { Actor } from '../actor';
import type { Executor, Transaction } from '../db/client';
import type { AssetStatus, TicketPriority, TicketStatus } from '../db/enums';
import type { StoredValues } from '../custom-fields/values-schema';
import { parseInput } from '../validation';

// One kind of bulk change (e.g. "change the status of assets"). Each kind is one module in
// actions/, listed in actions/index.ts: adding a kind is adding a file. The action only judges an
// item (refusal) and changes it through the domain's own function (apply), so the rules stay there.

export const bulkTargets = ['asset', 'ticket'] as const;
export type BulkTarget = (typeof bulkTargets)[number];

/** An asset as a bulk change sees it. */
export type AssetItem = {
  id: string;
  label: string;
  version: number;
  status: AssetStatus;
  holder: { id: string; displayName: string } | null;
  locationId: string | null;
  category: string;
  /** Custom field values by field id (lib/custom-fields). */
  customValues: StoredValues;
};

/** A ticket as a bulk change sees it. */
export type TicketItem = {
  id: string;
  label: string;
  version: number;
  status: TicketStatus;
  priority: TicketPriority;
  assigneeId: string | null;
  assigneeName: string | null;
};

export type ItemOf<Target extends BulkTarget> = Target extends 'asset' ? AssetItem : TicketItem;

/** What the action asks for, for the form on the bulk page (app/(app)/bulk/new/). */
export type BulkField =
  | { name: string; label: string; kind: 'select'; options: { value: string; label: string }[] }
  /** Any active user (UserPicker). */
  | { name: string; label: string; kind: 'user' }
  /** An active agent or admin (a select). */
  | { name: string; label: string; kind: 'agent' }
  | { name: string; label: string; kind: 'text' }
  /** A place (lib/locations), or none. */
  | { name: string; label: string; kind: 'location' }
  /** A custom field (named `name`) and its new value (named `valueName`), the input fitting the field's kind. */
  | { name: string; label: string; kind: 'customField'; valueName: string };

export type BulkActionDefinition<Target extends BulkTarget, Input, Params> = {
  kind: string;
  target: Target;
  /** In the list's menu: "Change status". */
  label: string;
  fields: BulkField[];
  params: z.ZodType<Input>;
  /**
   * Optional: checks the parsed params against stored data (a custom field's own rules) and returns
   * them as the change keeps them; describe, refusal and apply see what it returns. Without it they
   * see the parsed params.
   */
  check?: (executor: Executor, input: Input) => Promise<Params>;
  /** The change in words for the preview and the result, e.g. "Set the status to Retired". */
  describe: (executor: Executor, params: Params) => string | Promise<string>;
  /** Why this item cannot be changed, in words for the preview; null when it can. */
  refusal: (item: ItemOf<Target>, params: Params, actor: Actor) => string | null;
  /** Changes one item at the version the preview saw, through the domain function. */
  apply: (tx: Transaction, actor: Actor, item: { id: string; version: number }, params: Params) => Promise<void>;
  /**
   * Optional, for speed: changes a chunk's items in a few statements, by the same rules and with the
   * same audit rows as `apply`, and returns the ids it changed. It may leave any item (changed
   * meanwhile, or refused by a rule): those go through `apply` one by one, which says why.
   */
  applyMany?: (
    tx: Transaction,
    actor: Actor,
    items: { id: string; version: number }[],
    params: Params,
  ) => Promise<string[]>;
};

/** A registered action, its params checked at the edge (parseParams) and passed on untyped. */
export type BulkAction = {
  kind: string;
  target: BulkTarget;
  label: string;
  fields: BulkField[];
  parseParams: (executor: Executor, raw: unknown) => Promise<unknown>;
  describe: (executor: Executor, params: unknown) => Promise<string>;
  refusal: (item: AssetItem | TicketItem, params: unknown, actor: Actor) => string | null;
  apply: (tx: Transaction, actor: Actor, item: { id: string; version: number }, params: unknown) => Promise<void>;
  applyMany?: (
    tx: Transaction,
    actor: Actor,
    items: { id: string; version: number }[],
    params: unknown,
  ) => Promise<string[]>;
};

export function defineBulkAction<Target extends BulkTarget, Input, Params = Input>(
  definition: BulkActionDefinition<Target, Input, Params>,
): BulkAction {
  const { params: schema, check, ...rest } = definition;
  return {
    ...rest,
    parseParams: async (executor, raw) => {
      const input = parseInput(schema, raw);
      return check ? await check(executor, input) : input;
    },
    describe: async (executor, params) => await definition.describe(executor, params as Params),
    refusal: (item, params, actor) => definition.refusal(item as ItemOf<Target>, params as Params, actor),
    apply: (tx, actor, item, params) => definition.apply(tx, actor, item, params as Params),
    applyMany: definition.applyMany
      ? (tx, actor, items, params) => definition.applyMany!(tx, actor, items, params as Params)
      : undefined,
  };
}
