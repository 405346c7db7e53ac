import { otherMethods, route } from '@/lib/boundary/route';
import { jsonOk } from '@/lib/http/json';
import { createLicense } from '@/lib/licenses/mutations';
import { listLicenses } from '@/lib/licenses/queries';
import { licenseFieldsSchema, licenseListSchema } from '@/lib/licenses/schemas';

export const GET = route({ query: licenseListSchema.strict() }, async ({ actor, query, db }) =>
  listLicenses(db, actor, query),
);

export const POST = route({ body: licenseFieldsSchema }, async ({ actor, body, transaction }) => {
  const license = await transaction((tx) => createLicense(tx, actor, body));
  return jsonOk({ license }, { status: 201 });
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET', 'POST');
