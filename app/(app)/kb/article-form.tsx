'use client';

import { ActionForm } from '@/app/components/action-form';
import { Field } from '@/app/components/form';
import { SelectField, SuggestField, TextAreaField } from '@/app/components/form-controls';
import { createArticleAction, updateArticleAction } from './actions';

export type ArticleFormValues = {
  title: string;
  body: string;
  category: string;
  status: 'draft' | 'published';
  visibility: 'everyone' | 'staff';
};

type Props = {
  /** The listed article categories (listArticleCategories). */
  categories: string[];
  /** An article being edited, with the version it was read at. */
  article?: ArticleFormValues & { id: string; version: number };
  /** A new article's starting text, e.g. from a ticket's reply, and that ticket. */
  prefill?: { title: string; body: string; sourceTicketId: string };
};

/** Write (no `article`) or edit an article; a new one starts as a draft. */
export function ArticleForm({ categories, article, prefill }: Props) {
  const hidden: Record<string, string> | undefined = article
    ? { articleId: article.id, version: String(article.version) }
    : prefill
      ? { sourceTicketId: prefill.sourceTicketId }
      : undefined;
  return (
    <ActionForm
      action={article ? updateArticleAction : createArticleAction}
      hidden={hidden}
      submit={article ? 'Save article' : 'Create article'}
      pendingText="Saving…"
      autoFocus={!article}
    >
      <Field
        name="title"
        label="Title"
        required
        autoComplete="off"
        defaultValue={article?.title ?? prefill?.title}
        hint="What a requester would type, e.g. “Laptop does not start”."
      />
      <TextAreaField
        name="body"
        label="Article (Markdown)"
        required
        rows={14}
        defaultValue={article?.body ?? prefill?.body}
        hint="Steps, links and lists in Markdown; pictures show as links."
        draft={article || prefill ? undefined : 'new-article:body'}
      />
      <div className="grid-2">
        <SuggestField
          name="category"
          label="Category"
          defaultValue={article?.category ?? ''}
          suggestions={categories}
          hint="Choose a suggestion or type a new one. Left empty: General."
        />
        <SelectField
          name="status"
          label="State"
          defaultValue={article?.status ?? 'draft'}
          options={[
            { value: 'draft', label: 'Draft (staff only)' },
            { value: 'published', label: 'Published' },
          ]}
        />
        <SelectField
          name="visibility"
          label="Who may read it once published"
          defaultValue={article?.visibility ?? 'everyone'}
          options={[
            { value: 'everyone', label: 'Everyone signed in' },
            { value: 'staff', label: 'Staff only' },
          ]}
        />
      </div>
    </ActionForm>
  );
}
