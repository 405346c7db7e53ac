import { z } from 'zod';
import { authenticate, getRequestInfo } from '@/lib/auth/dal';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { assertSameOrigin, jsonOk, jsonRoute, parseJsonBody } from '@/lib/http/json';
import { assignSeat, unassignSeat } from '@/lib/licenses/mutations';
import { getLicense } from '@/lib/licenses/queries';
import { seatHolderSchema } from '@/lib/licenses/schemas';

type Context = { params: Promise<{ id: string }> };

/** Body {userId} or {assetId} (or {assetTag}); 409 "No free seats left on …" when the license is full. */
export const POST = jsonRoute(async (request, { params }: Context) => {
  assertSameOrigin(request);
  const { id } = await params;
  const holder = await parseJsonBody(request, seatHolderSchema);
  const { user } = await authenticate();
  const { ipAddress } = await getRequestInfo();
  const db = await getDb();
  const seat = await db.transaction((tx) => assignSeat(tx, id, holder, { actor: user, ipAddress }));
  return jsonOk({ seat, license: await getLicense(db, user, id) }, { status: 201 });
});

const seatIdSchema = z.uuid('Unknown seat.');

/** The seat named by ?seatId=, or by a body {userId} / {assetId}. */
export const DELETE = jsonRoute(async (request, { params }: Context) => {
  assertSameOrigin(request);
  const { id } = await params;
  const seatIdParam = new URL(request.url).searchParams.get('seatId');
  let target: { seatId?: string; userId?: string; assetId?: string; assetTag?: string };
  if (seatIdParam !== null) {
    const seatId = seatIdSchema.safeParse(seatIdParam);
    if (!seatId.success) throw new AppError('validation_failed', 'Some query parameters are invalid.', { fields: { seatId: 'Unknown seat.' } });
    target = { seatId: seatId.data };
  } else {
    target = await parseJsonBody(request, seatHolderSchema);
  }
  const { user } = await authenticate();
  const { ipAddress } = await getRequestInfo();
  const db = await getDb();
  await db.transaction((tx) => unassignSeat(tx, id, target, { actor: user, ipAddress }));
  return jsonOk({ license: await getLicense(db, user, id) });
});
