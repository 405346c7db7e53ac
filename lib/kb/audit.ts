import 'server-only';
import { auditFor } from '../audit/record';

/** Writes an audit row about one article, named by its title. */
export const auditArticle = auditFor('kb_article', (article: { title: string }) => ({ title: article.title }));
