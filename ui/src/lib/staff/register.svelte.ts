// The staff list as the window shows it: filters, the loaded pages, the
// counts. The register may hold 50,000 people, so rows come in pages of
// PAGE_SIZE and the next page loads on demand; sorting and the
// diacritic-insensitive search are the backend's job.

import type { ErrorBody, Staff, StaffQuery, StaffStatus, StaffSummary } from '../bindings';
import { call, errorBody } from '../ipc';

export const PAGE_SIZE = 200;
/** Typing pauses this long before the list is asked again. */
export const SEARCH_DELAY_MS = 250;

export type StatusFilter = StaffStatus | 'all';

export class StaffRegister {
  search = $state('');
  status = $state<StatusFilter>('active');
  position = $state('');
  team = $state('');
  flaggedOnly = $state(false);

  /** Loaded rows; raw because rows are replaced, never edited in place. */
  items = $state.raw<Staff[]>([]);
  total = $state(0);
  summary = $state.raw<StaffSummary | null>(null);
  loading = $state(false);
  error = $state.raw<ErrorBody | null>(null);

  /** Only the latest request may fill the list (typing fires several). */
  #generation = 0;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;

  hasMore = $derived(this.items.length < this.total);
  filtered = $derived(
    this.search.trim() !== '' || this.status !== 'active' || this.position !== '' || this.team !== '' || this.flaggedOnly,
  );

  query(offset: number): StaffQuery {
    return {
      search: this.search.trim(),
      status: this.status === 'all' ? null : this.status,
      position: this.position || null,
      team: this.team || null,
      flagged_only: this.flaggedOnly,
      limit: PAGE_SIZE,
      offset,
    };
  }

  /** Loads the first page and the counts. */
  async reload(): Promise<void> {
    clearTimeout(this.#searchTimer);
    const generation = ++this.#generation;
    this.loading = true;
    try {
      const [page, summary] = await Promise.all([
        call('staff_list', { query: this.query(0) }),
        call('staff_summary'),
      ]);
      if (generation !== this.#generation) return;
      this.items = page.items;
      this.total = page.total;
      this.summary = summary;
      this.error = null;
    } catch (e) {
      if (generation === this.#generation) this.error = errorBody(e);
    } finally {
      if (generation === this.#generation) this.loading = false;
    }
  }

  /** Appends the next page. */
  async loadMore(): Promise<void> {
    if (this.loading || !this.hasMore) return;
    const generation = this.#generation;
    this.loading = true;
    try {
      const page = await call('staff_list', { query: this.query(this.items.length) });
      if (generation !== this.#generation) return;
      this.items = [...this.items, ...page.items];
      this.total = page.total;
      this.error = null;
    } catch (e) {
      if (generation === this.#generation) this.error = errorBody(e);
    } finally {
      if (generation === this.#generation) this.loading = false;
    }
  }

  /** Sets the search text and asks again once typing pauses. */
  setSearch(text: string): void {
    this.search = text;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => void this.reload(), SEARCH_DELAY_MS);
  }

  /** Back to everyone working at the unit. */
  clearFilters(): void {
    this.search = '';
    this.status = 'active';
    this.position = '';
    this.team = '';
    this.flaggedOnly = false;
    void this.reload();
  }
}
