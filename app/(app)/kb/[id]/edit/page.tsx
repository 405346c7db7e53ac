import type { Metadata } from 'next';
import { BackLink } from '@/app/components/link';
import { staffRoles } from '@/lib/actor';
import { pageActor } from '@/lib/boundary/page';
import { getDb } from '@/lib/db/client';
import { listArticleCategories } from '@/lib/kb/queries';
import { ArticleForm } from '../../article-form';
import { loadArticle } from '../../load-article';

export const metadata: Metadata = { title: 'Edit article' };

export default async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await pageActor(staffRoles);
  const { id } = await params;
  const [article, categories] = await Promise.all([
    loadArticle(actor, id),
    listArticleCategories(await getDb(), actor),
  ]);
  return (
    <>
      <BackLink href={`/kb/${article.id}`}>{article.title}</BackLink>
      <h1>Edit article</h1>
      <section className="panel" aria-label="Article">
        <ArticleForm
          categories={categories}
          article={{
            id: article.id,
            version: article.version,
            title: article.title,
            body: article.body,
            category: article.category,
            status: article.status,
            visibility: article.visibility,
          }}
        />
      </section>
    </>
  );
}
