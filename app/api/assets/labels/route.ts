import { otherMethods, route } from '@/lib/boundary/route';
import { renderLabelsPdf } from '@/lib/labels/render';
import { labelQuerySchema } from '@/lib/labels/schemas';

/** `ids` (comma-separated asset ids) or the asset list's filters and sort; page and pageSize are ignored. */
export const GET = route(
  { query: labelQuerySchema, note: 'Answers a PDF (application/pdf) of asset labels, one per asset.' },
  async ({ actor, query, db }) => {
    const { page: _page, pageSize: _pageSize, format, ids, ...filter } = query;
    const pdf = await renderLabelsPdf(db, actor, ids ? { assetIds: ids, format } : { filter, format });
    return new Response(new Uint8Array(pdf.bytes), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Length': String(pdf.bytes.byteLength),
        'Content-Disposition': `inline; filename="asset-labels-${format}.pdf"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
