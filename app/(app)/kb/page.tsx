import type { Metadata } from 'next';
import { byId, DataTable, type Column } from '@/app/components/data-table';
import { FilterBar } from '@/app/components/filter-bar';
import { FilterActions, FilterInput, FilterSelect } from '@/app/components/filter-fields';
import { Link } from '@/app/components/link';
import { PageHeader } from '@/app/components/page-header';
import { Pagination } from '@/app/components/pagination';
import { Panel } from '@/app/components/panel';
import { Time } from '@/app/components/time';
import { isStaff } from '@/lib/actor';
import { pageActor } from '@/lib/boundary/page';
import { getDb } from '@/lib/db/client';
import { formatCount } from '@/lib/format-count';
import { listArticleCategories, listArticles, type ArticleRow } from '@/lib/kb/queries';
import { articleListPageSchema } from '@/lib/kb/schemas';
import { readListQuery, type SearchParams } from '../_components/list-query';
import { ArticleBadges, savedTickets } from './article-badges';

export const metadata: Metadata = { title: 'Knowledge base' };

const columns: Column<ArticleRow>[] = [
  {
    key: 'title',
    header: 'Article',
    cell: (article) => (
      <>
        <Link href={`/kb/${article.id}`}>{article.title}</Link>{' '}
        <ArticleBadges status={article.status} visibility={article.visibility} />
      </>
    ),
  },
  { key: 'category', header: 'Category', cell: (article) => article.category },
  { key: 'solved', priority: 'secondary', header: 'Helped', cell: (article) => savedTickets(article.solvedCount) },
  { key: 'updated', priority: 'secondary', header: 'Updated', cell: (article) => <Time value={article.updatedAt} /> },
];

export default async function KnowledgeBasePage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await pageActor();
  const staff = isStaff(actor);
  const { raw, params } = await readListQuery(searchParams, articleListPageSchema);
  const db = await getDb();
  const [page, categories] = await Promise.all([listArticles(db, actor, params), listArticleCategories(db, actor)]);
  const filtered = Boolean(params.q || params.category || params.status);

  return (
    <>
      <PageHeader title="Knowledge base" primary={staff ? { label: 'New article', href: '/kb/new' } : undefined}>
        <p className="muted">Answers to common problems: search here before opening a ticket.</p>
      </PageHeader>
      <FilterBar id="article-filters">
        <form className="filters" role="search" aria-label="Search articles">
          <FilterInput name="q" label="Search" type="search" value={params.q} />
          <FilterSelect
            name="category"
            label="Category"
            anyLabel="Any category"
            value={params.category}
            options={categories.map((name) => ({ value: name, label: name }))}
          />
          {staff ? (
            <FilterSelect
              name="status"
              label="State"
              anyLabel="Drafts and published"
              value={params.status}
              options={{ draft: 'Drafts', published: 'Published' }}
            />
          ) : null}
          <FilterActions clearHref="/kb" filtered={filtered} />
        </form>
      </FilterBar>
      <Panel id="articles" title={`${filtered ? 'Matching articles' : 'All articles'} (${formatCount(page.total)})`}>
        <DataTable
          columns={columns}
          rows={page.items}
          rowKey={byId}
          empty={page.total > 0 ? null : filtered ? 'No article matches this search.' : 'No articles yet.'}
        />
        <Pagination list={page} params={raw} path="/kb" />
      </Panel>
    </>
  );
}
