import { z } from 'zod';
import { otherMethods, route } from '@/lib/boundary/route';
import { jsonOk } from '@/lib/http/json';
import { readJsonBody } from '@/lib/http/json-body';
import { assignSeat, unassignSeat } from '@/lib/licenses/mutations';
import { getLicense } from '@/lib/licenses/queries';
import { seatHolderSchema } from '@/lib/licenses/schemas';
import { parseInput } from '@/lib/validation';

const licenseParams = z.object({ id: z.string() });

/** Body {userId} or {assetId} (or {assetTag}); 409 "No free seats left on …" when the license is full. */
export const POST = route(
  { params: licenseParams, body: seatHolderSchema },
  async ({ actor, params, body, db, transaction }) => {
    const seat = await transaction((tx) => assignSeat(tx, actor, { licenseId: params.id, ...body }));
    return jsonOk({ seat, license: await getLicense(db, actor, params.id) }, { status: 201 });
  },
);

// `?seatId=` present but blank or malformed is an invalid query, not "no seat named".
const seatQuery = z.object({ seatId: z.uuid('Unknown seat.').optional() });
const seatIdOnly = (search: URLSearchParams): Record<string, string> => {
  const seatId = search.get('seatId');
  return seatId === null ? {} : { seatId };
};

/** The seat named by ?seatId=, or by a body {userId} / {assetId}. */
export const DELETE = route(
  { params: licenseParams, query: seatQuery, queryObject: seatIdOnly },
  async ({ actor, params, query, request, db, transaction }) => {
    const target =
      query.seatId !== undefined ? { seatId: query.seatId } : parseInput(seatHolderSchema, await readJsonBody(request));
    await transaction((tx) => unassignSeat(tx, actor, { licenseId: params.id, ...target }));
    return { license: await getLicense(db, actor, params.id) };
  },
);

export const { GET, PUT, PATCH, OPTIONS } = otherMethods('POST', 'DELETE');
