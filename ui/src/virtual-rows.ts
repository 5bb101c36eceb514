// Which rows of a long table to put in the page. A case can hold 100,000
// items; the review list draws only the rows in view (and a few either
// side) between two spacer rows that keep the scroll bar true.

export interface RowWindow {
  /** Index of the first row drawn. */
  first: number;
  /** One past the last row drawn. */
  end: number;
  /** Height in pixels of the spacer above the drawn rows. */
  before: number;
  /** Height in pixels of the spacer below them. */
  after: number;
}

/**
 * The rows to draw for a box scrolled to `scrollTop` showing `viewHeight`
 * pixels of a list of `total` rows of `rowHeight` pixels each, with
 * `overscan` extra rows above and below.
 */
export function rowWindow(total: number, rowHeight: number, scrollTop: number, viewHeight: number, overscan = 20): RowWindow {
  const height = Math.max(1, rowHeight);
  const firstVisible = Math.floor(Math.max(0, scrollTop) / height);
  const visible = Math.ceil(Math.max(0, viewHeight) / height) + 1;
  const first = Math.min(Math.max(0, firstVisible - overscan), Math.max(0, total - 1));
  const end = Math.min(total, firstVisible + visible + overscan);
  return { first: total === 0 ? 0 : first, end: Math.max(end, 0), before: (total === 0 ? 0 : first) * height, after: Math.max(0, total - end) * height };
}

/**
 * The scroll position that shows row `index` whole below a sticky header
 * of `header` pixels, moving as little as possible from `scrollTop`.
 */
export function scrollToShow(index: number, rowHeight: number, header: number, scrollTop: number, viewHeight: number): number {
  const top = header + index * rowHeight;
  const bottom = top + rowHeight;
  if (top - header < scrollTop) return top - header;
  if (bottom > scrollTop + viewHeight) return bottom - viewHeight;
  return scrollTop;
}
