import 'server-only';
import { and, asc, desc, eq, gte, ilike, lte, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../actor';
import type { Executor } from '../db/client';
import { personColumns } from '../db/relations';
import { readPage } from '../db/page';
import { licenses, licenseSeats } from '../db/schema-domain';
import { escapeLike } from '../db/text-search';
import { offsetOf, type Page } from '../list-params';
import { utcToday } from '../dashboard/expiry-windows';
import { isUuid } from '../validation';
import { assertLicenseAccess, licenseNotFound } from './access';
import { maskProductKey } from './product-key';
import type { LicenseListParams } from './schemas';

export type LicenseSummary = {
  id: string;
  name: string;
  vendor: string | null;
  seats: number;
  used: number;
  free: number;
  expiresAt: string | null;
};

export type LicenseSeat = {
  id: string;
  assignedAt: Date;
  user: { id: string; username: string; displayName: string } | null;
  asset: { id: string; assetTag: string; name: string } | null;
};

export type LicenseDetail = LicenseSummary & {
  notes: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  productKeyMasked: string | null;
  seatList: LicenseSeat[];
};

export type LicenseSeatCount = { id: string; name: string; seats: number; used: number; free: number };

// A correlated count over license_seats_license_idx: cheap per license, and always current.
// Table-qualified by hand: drizzle prints bare column names inside a select list.
export const usedSeats =
  sql<number>`(select count(*) from ${licenseSeats} where ${licenseSeats}.license_id = ${licenses}.id)`.mapWith(Number);

const summaryColumns = {
  id: licenses.id,
  name: licenses.name,
  vendor: licenses.vendor,
  seats: licenses.seats,
  used: usedSeats,
  expiresAt: licenses.expiresAt,
};

const withFree = <Row extends { seats: number; used: number }>(row: Row) => ({
  ...row,
  free: Math.max(row.seats - row.used, 0),
});

const sortColumns: Record<LicenseListParams['sort'], SQL | typeof licenses.seats> = {
  name: sql`lower(${licenses.name})`,
  vendor: sql`lower(${licenses.vendor})`,
  expiresAt: sql`${licenses.expiresAt}`,
  seats: licenses.seats,
  createdAt: sql`${licenses.createdAt}`,
};

export async function listLicenses(
  executor: Executor,
  actor: Actor,
  params: LicenseListParams,
): Promise<Page<LicenseSummary>> {
  assertLicenseAccess(actor);
  const conditions: SQL[] = [];
  if (params.q) conditions.push(ilike(licenses.name, `%${escapeLike(params.q)}%`));
  if (params.vendor) conditions.push(ilike(licenses.vendor, escapeLike(params.vendor)));
  if (params.expiringWithinDays !== undefined) {
    const today = utcToday();
    conditions.push(gte(licenses.expiresAt, today));
    conditions.push(lte(licenses.expiresAt, sql`${today}::date + ${params.expiringWithinDays}::int`));
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const order = params.dir === 'asc' ? asc : desc;
  return readPage(
    params,
    executor
      .select(summaryColumns)
      .from(licenses)
      .where(where)
      .orderBy(order(sortColumns[params.sort]), asc(licenses.id))
      .limit(params.pageSize)
      .offset(offsetOf(params))
      .then((rows) => rows.map(withFree)),
    executor.$count(licenses, where),
  );
}

/** One license with its seats; the product key only masked (see revealProductKey). */
export async function getLicense(executor: Executor, actor: Actor, id: string): Promise<LicenseDetail> {
  assertLicenseAccess(actor);
  if (!isUuid(id)) throw licenseNotFound();
  const row = await executor.query.licenses.findFirst({
    columns: {
      id: true,
      name: true,
      vendor: true,
      seats: true,
      expiresAt: true,
      notes: true,
      version: true,
      createdAt: true,
      updatedAt: true,
      productKey: true,
    },
    where: eq(licenses.id, id),
    with: {
      seatList: {
        columns: { id: true, assignedAt: true },
        orderBy: [asc(licenseSeats.assignedAt), asc(licenseSeats.id)],
        with: { user: { columns: personColumns }, asset: { columns: { id: true, assetTag: true, name: true } } },
      },
    },
  });
  if (!row) throw licenseNotFound();
  const { productKey, seatList, ...license } = row;
  return {
    ...withFree({ ...license, used: seatList.length }),
    productKeyMasked: maskProductKey(productKey),
    seatList,
  };
}

/** Used and free seats of every license, for scripts and the seat-use panels. */
export async function licenseSeatCounts(executor: Executor, actor: Actor): Promise<LicenseSeatCount[]> {
  assertLicenseAccess(actor);
  const rows = await executor
    .select({ id: licenses.id, name: licenses.name, seats: licenses.seats, used: usedSeats })
    .from(licenses)
    .orderBy(asc(sql`lower(${licenses.name})`), asc(licenses.id));
  return rows.map(withFree);
}
