import 'server-only';
import { and, inArray, sql } from 'drizzle-orm';
import { staffRoles, type Actor } from '../actor';
import type { Executor } from '../db/client';
import { users } from '../db/schema';
import { mentionedNames, type Mentionable } from '../markdown';

// @username mentions: only agents and admins can be mentioned; any other @name is plain text.

// A text naming more people than this is not a conversation: the rest stay plain text.
const maxMentions = 50;

type MentionedStaff = { id: string; username: string; displayName: string; active: boolean };

async function staffNamed(executor: Executor, names: string[]): Promise<MentionedStaff[]> {
  if (names.length === 0) return [];
  return executor
    .select({ id: users.id, username: users.username, displayName: users.displayName, active: users.active })
    .from(users)
    .where(
      and(inArray(sql`lower(${users.username})`, names.slice(0, maxMentions)), inArray(users.role, [...staffRoles])),
    );
}

/** For showing texts: the staff they mention, by lower-case username (one query for all of them). */
export async function mentionableIn(executor: Executor, texts: readonly string[]): Promise<Mentionable> {
  const names = [...new Set(texts.flatMap((text) => mentionedNames(text)))];
  const staff = await staffNamed(executor, names);
  return new Map(staff.map((person) => [person.username.toLowerCase(), person]));
}

/**
 * The active staff `text` mentions who are worth telling: not the writer, and not anyone `before`
 * (the text it replaces) already mentioned.
 */
export async function staffToTell(executor: Executor, actor: Actor, text: string, before = ''): Promise<string[]> {
  const already = new Set(mentionedNames(before));
  const names = mentionedNames(text).filter((name) => !already.has(name));
  const staff = await staffNamed(executor, names);
  return staff.filter((person) => person.active && person.id !== actor.id).map((person) => person.id);
}
