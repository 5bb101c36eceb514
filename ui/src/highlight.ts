// Highlighting: the engine gives byte ranges into UTF-8 text; the window
// works in UTF-16 string indexes. These turn one into the other and split
// text into plain and highlighted runs.

export interface Run {
  text: string;
  hit: boolean;
}

/** For each UTF-8 byte offset, the UTF-16 index it falls on. */
export function byteToIndex(text: string): (byte: number) => number {
  const starts: number[] = [];
  let byte = 0;
  for (let i = 0; i < text.length; i++) {
    starts.push(byte);
    const code = text.charCodeAt(i);
    if (code < 0x80) byte += 1;
    else if (code < 0x800) byte += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      byte += 4;
      starts.push(byte);
      i++;
    } else byte += 3;
  }
  starts.push(byte);
  return (target: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] ?? 0) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Splits `text` into runs, marking the UTF-8 byte `ranges` as hits. */
export function runsFromByteRanges(text: string, ranges: [number, number][]): Run[] {
  const toIndex = byteToIndex(text);
  return runsFromRanges(
    text,
    ranges.map(([s, e]) => [toIndex(s), toIndex(e)]),
  );
}

/** Splits `text` into runs, marking the UTF-16 `ranges` as hits. */
export function runsFromRanges(text: string, ranges: [number, number][]): Run[] {
  const sorted = ranges.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const runs: Run[] = [];
  let at = 0;
  for (const [start, end] of sorted) {
    const s = Math.max(start, at);
    if (s >= end) continue;
    if (s > at) runs.push({ text: text.slice(at, s), hit: false });
    runs.push({ text: text.slice(s, end), hit: true });
    at = end;
  }
  if (at < text.length) runs.push({ text: text.slice(at), hit: false });
  return runs;
}

/** The plain words of a query, without field names, operators or syntax. */
export function queryWords(query: string): string[] {
  const words: string[] = [];
  for (const raw of query.split(/\s+/)) {
    let word = raw.replace(/^[+-]/, "");
    if (/^(AND|OR|NOT)$/.test(word)) continue;
    const colon = word.indexOf(":");
    if (colon >= 0) {
      const field = word.slice(0, colon);
      if (field === "type" || field === "date") continue;
      word = word.slice(colon + 1);
    }
    word = word.replace(/["()[\]{}*]/g, "").replace(/~\d*$/, "");
    if (word.length >= 2) words.push(word.toLowerCase());
  }
  return words;
}

/** UTF-16 ranges of every case-insensitive occurrence of `words` at word starts. */
export function findWords(text: string, words: string[]): [number, number][] {
  const lower = text.toLowerCase();
  const ranges: [number, number][] = [];
  for (const word of words) {
    let from = 0;
    for (;;) {
      const at = lower.indexOf(word, from);
      if (at < 0) break;
      const before = at === 0 ? "" : (lower[at - 1] ?? "");
      if (!/[\p{L}\p{N}]/u.test(before)) ranges.push([at, at + word.length]);
      from = at + word.length;
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}
