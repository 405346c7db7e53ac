import type { Metadata } from 'next';
import { asc, eq, sql } from 'drizzle-orm';
import { Banner } from '@/app/components/banner';
import { byId, DataTable, type Column } from '@/app/components/data-table';
import { Panel } from '@/app/components/panel';
import { adminRoles } from '@/lib/actor';
import { pageActor } from '@/lib/boundary/page';
import { listCustomFieldsForAdmin } from '@/lib/custom-fields/admin';
import type { CategoryField } from '@/lib/custom-fields/definitions';
import { customFieldKindLabels } from '@/lib/custom-fields/values-schema';
import { getDb } from '@/lib/db/client';
import { catalogValues } from '@/lib/db/schema-catalog';
import type { SearchParams } from '../../_components/list-query';
import { NewFieldForm, RemoveFieldButton } from './field-forms';

export const metadata: Metadata = { title: 'Custom fields' };

const columns: Column<CategoryField>[] = [
  { key: 'name', header: 'Field', rowHeader: true, cell: (field) => field.name },
  { key: 'category', header: 'Category', cell: (field) => field.category },
  {
    key: 'kind',
    header: 'Kind',
    cell: (field) =>
      field.kind === 'choice'
        ? `${customFieldKindLabels.choice}: ${field.options.join(', ')}`
        : customFieldKindLabels[field.kind],
  },
  { key: 'required', header: 'Required', priority: 'secondary', cell: (field) => (field.required ? 'Yes' : 'No') },
  {
    key: 'remove',
    header: <span className="skip-link">Remove</span>,
    cell: (field) => <RemoveFieldButton field={field} />,
  },
];

export default async function CustomFieldsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await pageActor(adminRoles);
  const db = await getDb();
  const [fields, categories] = await Promise.all([
    listCustomFieldsForAdmin(db, actor),
    db
      .select({ id: catalogValues.id, name: catalogValues.name })
      .from(catalogValues)
      .where(eq(catalogValues.kind, 'category'))
      .orderBy(asc(sql`lower(${catalogValues.name})`)),
  ]);
  const { removed, assets } = await searchParams;
  return (
    <>
      <h1>Custom fields</h1>
      {typeof removed === 'string' ? (
        <Banner param="removed">
          Removed “{removed}” from {typeof assets === 'string' ? assets : 0} asset(s); their histories keep the values.
        </Banner>
      ) : null}
      <p className="muted">
        Fields the assets of a category carry (a laptop&apos;s RAM, a phone&apos;s IMEI). The asset form, the JSON API
        and the CSV import check them by the same rules. Categories are managed under Admin → Lists.
      </p>
      <Panel id="fields" title="Fields">
        <DataTable
          columns={columns}
          rows={fields}
          rowKey={byId}
          caption="Custom fields"
          hideCaption
          empty="No custom fields yet."
        />
      </Panel>
      <Panel id="new-field" title="Add a field">
        {categories.length === 0 ? (
          <p className="muted">Add an asset category under Admin → Lists first.</p>
        ) : (
          <NewFieldForm categories={categories} />
        )}
      </Panel>
    </>
  );
}
