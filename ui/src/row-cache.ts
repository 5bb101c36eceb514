// The rows of a long list fetched a page at a time, as they come into view.
// The review list of 100,000 items asks for the page it shows and keeps
// each page it has seen; a row not fetched yet is drawn as a placeholder
// until its page arrives. Pages are fetched one after another, and a page
// scrolled past before its turn is not fetched at all: a fast scroll
// through 100,000 rows must not queue a thousand requests ahead of the
// next search.

/** What a page fetch answers: its rows and how long the list is now. */
export interface FetchedPage<T> {
  rows: T[];
  listed: number;
}

export type FetchPage<T> = (offset: number, limit: number) => Promise<FetchedPage<T>>;

export class RowCache<T> {
  private readonly rows = new Map<number, T>();
  /** Pages asked for and not yet answered. */
  private readonly pending = new Set<number>();
  /** Moved on when rows shift, so answers to earlier requests are dropped. */
  private generation = 0;
  /** How many rows the list holds, as the last answer said. */
  length: number;
  /** The rows most recently wanted: what is in view now. */
  private latest: [number, number] = [0, 0];
  /** The fetches in turn; each waits for the one before. */
  private queue: Promise<unknown> = Promise.resolve();

  /** A cache holding `first`, the answer for the rows from `offset`. */
  constructor(
    private readonly fetchPage: FetchPage<T>,
    readonly pageSize: number,
    first: FetchedPage<T>,
    offset = 0,
  ) {
    this.length = first.listed;
    first.rows.forEach((row, i) => this.rows.set(offset + i, row));
  }

  /** Row `index`, if its page has arrived. */
  get(index: number): T | undefined {
    return this.rows.get(index);
  }

  /**
   * Fetches the pages holding rows `first..end` that are neither here nor
   * asked for already. Resolves true once any of them arrived (draw again),
   * false if there was nothing to fetch or the answers came too late to use.
   */
  async want(first: number, end: number): Promise<boolean> {
    this.latest = [first, end];
    const last = Math.min(end, this.length) - 1;
    const asks: Promise<boolean>[] = [];
    for (let page = Math.floor(Math.max(0, first) / this.pageSize); page * this.pageSize <= last; page++) {
      if (!this.pending.has(page) && this.missing(page)) asks.push(this.fetch(page));
    }
    const done = await Promise.all(asks);
    return done.some(Boolean);
  }

  /**
   * Takes row `index` out (it left the list, as a decided item leaves the
   * undecided ones): the rows after it move up one, and answers still on
   * their way are dropped, since they count from before.
   */
  remove(index: number): void {
    const after = [...this.rows.entries()].filter(([i]) => i > index).sort(([a], [b]) => a - b);
    this.rows.delete(index);
    for (const [i, row] of after) {
      this.rows.delete(i);
      this.rows.set(i - 1, row);
    }
    this.length = Math.max(0, this.length - 1);
    this.generation += 1;
    this.pending.clear();
  }

  private missing(page: number): boolean {
    const end = Math.min((page + 1) * this.pageSize, this.length);
    for (let i = page * this.pageSize; i < end; i++) if (!this.rows.has(i)) return true;
    return false;
  }

  /** Whether page `page` holds any of the rows wanted last. */
  private wanted(page: number): boolean {
    const [first, end] = this.latest;
    return page * this.pageSize < end && first < (page + 1) * this.pageSize;
  }

  private fetch(page: number): Promise<boolean> {
    const generation = this.generation;
    this.pending.add(page);
    const inTurn = async (): Promise<boolean> => {
      try {
        if (generation !== this.generation || !this.wanted(page)) return false;
        const answer = await this.fetchPage(page * this.pageSize, this.pageSize);
        if (generation !== this.generation) return false;
        answer.rows.forEach((row, i) => this.rows.set(page * this.pageSize + i, row));
        this.length = answer.listed;
        return true;
      } finally {
        if (generation === this.generation) this.pending.delete(page);
      }
    };
    const done = this.queue.then(inTurn);
    this.queue = done.catch(() => undefined);
    return done;
  }
}
