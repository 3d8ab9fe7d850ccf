/** Which users of a glossary wording the site-wide glossary links. */
import type { GlossaryUser } from '../../domain/schema/glossary-user.ts';

/**
 * The `max` most recent users (by year, latest first; within a year in their given order) and how many
 * more there are. Keeps the glossary page small at province scale, where one wording has thousands of users.
 */
export function recentUsers(users: readonly GlossaryUser[], max: number): { shown: GlossaryUser[]; more: number } {
  if (users.length <= max) return { shown: [...users], more: 0 };
  const shown = users.map((u, i) => ({ u, i }))
    .sort((a, b) => b.u.year - a.u.year || a.i - b.i)
    .slice(0, max)
    .map(({ u }) => u);
  return { shown, more: users.length - max };
}
