import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
} from 'discord.js';
import { z } from 'zod';

/** Custom ids have 100 characters; a page link that would not fit is left out rather than sent broken. */
const MAX_CUSTOM_ID = 100;

/** Parses the state a page button carries in its custom id: `[storyId, page, …rest]`. */
export const pageButtonArgs = z.tuple([
  z.coerce.number().int().positive(),
  z.coerce.number().int().min(0).max(100_000),
]);

/** Where a paged list stands: 0-based page, and whether more exists on either side. */
export interface PageState {
  page: number;
  pageSize: number;
  /** Items counted, up to a cap; `capped` when there may be more than `total`. */
  total: number;
  capped: boolean;
}

/** "page 2 of 7" (or "of 200+" when the count stopped at its cap). */
export function pageLabel(state: PageState): string {
  const pages = Math.max(1, Math.ceil(state.total / state.pageSize));
  return `page ${state.page + 1} of ${pages}${state.capped ? '+' : ''}`;
}

/** Whether a page after this one exists. */
export function hasNextPage(state: PageState): boolean {
  return (state.page + 1) * state.pageSize < state.total;
}

const fits = (id: string) => id.length <= MAX_CUSTOM_ID;

/**
 * Previous/Next buttons whose custom ids carry the whole state of the list (`<command>:<args…>:<page>` is
 * built by `idFor(page)`), so a press works on any bot process, also after a restart. Returns no row when the
 * list has one page, or when the state would not fit in a custom id.
 */
export function pagerRow(
  state: PageState,
  idFor: (page: number) => string,
): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const next = hasNextPage(state);
  if (state.page === 0 && !next) return [];
  let previousId: string;
  let nextId: string;
  try {
    previousId = idFor(Math.max(0, state.page - 1));
    nextId = idFor(state.page + 1);
  } catch {
    return [];
  }
  if (!fits(previousId) || !fits(nextId)) return [];
  const buttons: APIButtonComponent[] = [
    {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: 'Previous',
      custom_id: previousId,
      disabled: state.page === 0,
    },
    {
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: 'Next',
      custom_id: nextId,
      disabled: !next,
    },
  ];
  return [{ type: ComponentType.ActionRow, components: buttons }];
}
