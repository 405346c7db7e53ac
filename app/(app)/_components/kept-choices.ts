import 'server-only';
import { keptResults, sharedFiguresKeptForMs } from '@/lib/kept-results';

// A list page's filter choices (agents, categories, places, custom fields) are the same for every
// agent and change rarely, while the list itself is read on every view: they are kept for a few
// seconds as lib/kept-results.ts keeps figures, so a view pays for its list alone.
const choices = keptResults<unknown>('list-filter-choices', { keptForMs: sharedFiguresKeptForMs, max: 50 });

/** What `load` answered for the choices named `name` a few seconds ago at most. */
export async function keptChoices<T>(name: string, load: () => Promise<T>): Promise<T> {
  return (await choices.get(name, load)) as T;
}
