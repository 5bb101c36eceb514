import { describe, expect, it } from "vitest";
import { RowCache, type FetchedPage } from "./row-cache";

/**
 * A list of `n` numbered rows served a page at a time, recording each ask;
 * `hold` keeps the answers back until `release`.
 */
function server(n: number) {
  const list = Array.from({ length: n }, (_, i) => `row ${i}`);
  const asked: number[] = [];
  const held: (() => void)[] = [];
  let holding = false;
  const fetch = (offset: number, limit: number): Promise<FetchedPage<string>> => {
    asked.push(offset);
    const answer = () => ({ rows: list.slice(offset, offset + limit), listed: list.length });
    if (!holding) return Promise.resolve(answer());
    return new Promise((resolve) => held.push(() => resolve(answer())));
  };
  return {
    list,
    asked,
    fetch,
    hold: () => (holding = true),
    release: () => {
      holding = false;
      held.splice(0).forEach((go) => go());
    },
  };
}

describe("the rows of a long list, fetched a page at a time", () => {
  it("holds the first page and fetches only the pages a window needs", async () => {
    const s = server(1000);
    const cache = new RowCache(s.fetch, 100, await s.fetch(0, 100));
    s.asked.length = 0;
    expect(cache.length).toBe(1000);
    expect(cache.get(99)).toBe("row 99");
    expect(cache.get(100)).toBeUndefined();
    expect(await cache.want(0, 80)).toBe(false);
    expect(s.asked).toEqual([]);
    expect(await cache.want(950, 1200)).toBe(true);
    expect(s.asked).toEqual([900]);
    expect(cache.get(999)).toBe("row 999");
    expect(await cache.want(150, 420)).toBe(true);
    expect(s.asked).toEqual([900, 100, 200, 300, 400]);
    expect(await cache.want(150, 420)).toBe(false);
  });

  it("asks once for a page already on its way", async () => {
    const s = server(500);
    const cache = new RowCache(s.fetch, 100, await s.fetch(0, 100));
    s.asked.length = 0;
    s.hold();
    const first = cache.want(300, 350);
    const second = cache.want(320, 380);
    s.release();
    expect(await first).toBe(true);
    expect(await second).toBe(false);
    expect(s.asked).toEqual([300]);
    expect(cache.get(320)).toBe("row 320");
  });

  it("fetches one page at a time and skips the pages scrolled past before their turn", async () => {
    const s = server(100_000);
    const cache = new RowCache(s.fetch, 100, await s.fetch(0, 100));
    s.asked.length = 0;
    s.hold();
    // A fast scroll: a frame at each of these rows, while the first answer is held back.
    const frames: Promise<boolean>[] = [];
    for (const row of [1000, 5000, 20_000, 60_000, 99_950]) {
      frames.push(cache.want(row, row + 30));
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(s.asked).toEqual([1000]);
    s.release();
    const drawn = await Promise.all(frames);
    expect(drawn).toEqual([true, false, false, false, true]);
    expect(s.asked).toEqual([1000, 99_900]);
    expect(cache.get(99_999)).toBe("row 99999");
    expect(cache.get(5000)).toBeUndefined();
    // Scrolled back to a page it skipped, the page is fetched.
    expect(await cache.want(5000, 5030)).toBe(true);
    expect(cache.get(5010)).toBe("row 5010");
  });

  it("moves the rows after one taken out up, and drops answers counted from before", async () => {
    const s = server(300);
    const cache = new RowCache(s.fetch, 100, await s.fetch(0, 100));
    s.hold();
    const late = cache.want(200, 250);
    cache.remove(5);
    s.list.splice(5, 1);
    s.release();
    expect(await late).toBe(false);
    expect(cache.get(200)).toBeUndefined();
    expect(cache.length).toBe(299);
    expect(cache.get(4)).toBe("row 4");
    expect(cache.get(5)).toBe("row 6");
    expect(cache.get(98)).toBe("row 99");
    expect(cache.get(99)).toBeUndefined();
    s.asked.length = 0;
    expect(await cache.want(90, 210)).toBe(true);
    expect(s.asked).toEqual([0, 100, 200]);
    expect(cache.get(99)).toBe("row 100");
    expect(cache.get(200)).toBe("row 201");
  });

  it("takes the list's length from the latest answer", async () => {
    const s = server(150);
    const cache = new RowCache(s.fetch, 100, await s.fetch(0, 100));
    s.list.push("row 150");
    await cache.want(100, 200);
    expect(cache.length).toBe(151);
    expect(cache.get(150)).toBe("row 150");
  });
});
