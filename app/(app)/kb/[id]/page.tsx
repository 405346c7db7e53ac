import type { Metadata } from 'next';
import { ActionButton } from '@/app/components/action-button';
import { Banner } from '@/app/components/banner';
import { Fact, Facts } from '@/app/components/facts';
import { BackLink, Link } from '@/app/components/link';
import { Markdown } from '@/app/components/markdown';
import { Panel } from '@/app/components/panel';
import { Time } from '@/app/components/time';
import { isStaff } from '@/lib/actor';
import { pageActor } from '@/lib/boundary/page';
import type { SearchParams } from '../../_components/list-query';
import { markArticleSolvedAction } from '../actions';
import { ArticleBadges, savedTickets } from '../article-badges';
import { loadArticle } from '../load-article';
import styles from '../kb.module.css';

export const metadata: Metadata = { title: 'Article' };

export default async function ArticlePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const actor = await pageActor();
  const { id } = await params;
  const { created, saved } = await searchParams;
  const article = await loadArticle(actor, id);
  const staff = isStaff(actor);

  return (
    <>
      <BackLink href="/kb">Knowledge base</BackLink>
      <h1>{article.title}</h1>
      {created ? <Banner param="created">Article created.</Banner> : null}
      {saved ? <Banner param="saved">Article saved.</Banner> : null}
      <p className={styles.articleMeta}>
        <ArticleBadges status={article.status} visibility={article.visibility} />
        <span className="muted">{article.category}</span>
        <strong data-testid="article-solved-count">{savedTickets(article.solvedCount)}</strong>
        {staff ? <Link href={`/kb/${article.id}/edit`}>Edit article</Link> : null}
      </p>
      <Panel id="article" title="Article">
        <Markdown text={article.body} className={styles.markdown} />
      </Panel>
      <Panel id="article-helped" title="Did this solve your problem?">
        {article.status !== 'published' ? (
          <p className="muted">Publish the article to let people say it helped.</p>
        ) : article.solvedByReader ? (
          <p>You said this solved your problem. Thank you.</p>
        ) : (
          <ActionButton action={markArticleSolvedAction} fields={{ articleId: article.id }} label="This solved it" />
        )}
      </Panel>
      {staff ? (
        <Panel id="article-facts" title="About this article">
          <Facts>
            <Fact term="Written by">{article.author?.displayName ?? 'A deleted user'}</Fact>
            <Fact term="Created">
              <Time value={article.createdAt} />
            </Fact>
            <Fact term="Updated">
              <Time value={article.updatedAt} />
            </Fact>
            <Fact term="Published">{article.publishedAt ? <Time value={article.publishedAt} /> : 'Not yet'}</Fact>
            {article.sourceTicketId ? (
              <Fact term="Drafted from">
                <Link href={`/tickets/${article.sourceTicketId}`}>its ticket</Link>
              </Fact>
            ) : null}
          </Facts>
        </Panel>
      ) : null}
    </>
  );
}
