import { describe, expect, it } from "vitest";
import { audioType, caretIndex, videoType, wordAt } from "./timeline";

const word = (start: number, end: number, t: number) => ({ start, end, bbox: [t, 0, t + 0.4, 1] as [number, number, number, number] });

describe("wordAt()", () => {
  it("finds the word under a character, counting bytes as the engine does", () => {
    const text = "Caller: Zoë Smith";
    const words = [word(8, 12, 1.0), word(13, 18, 1.5)];
    expect(wordAt(text, words, 9)?.bbox[0]).toBe(1.0);
    // "Smith" starts at character 12 but byte 13: "ë" takes two bytes.
    expect(wordAt(text, words, 12)?.bbox[0]).toBe(1.5);
    expect(wordAt(text, words, 2)).toBeUndefined();
  });
});

describe("caretIndex()", () => {
  it("counts the characters of the text nodes before the caret", () => {
    const pre = document.createElement("pre");
    pre.append("Caller: ", Object.assign(document.createElement("span"), { textContent: "Ann" }), " rang");
    document.body.append(pre);
    const span = pre.querySelector("span")!.firstChild!;
    expect(caretIndex(pre, span, 1)).toBe(9);
    expect(caretIndex(pre, pre.lastChild!, 2)).toBe(13);
    expect(caretIndex(pre, document.body, 0)).toBeUndefined();
  });
});

describe("audioType()", () => {
  it("names the media type from the container", () => {
    expect(audioType("mov,mp4,m4a,3gp,3g2,mj2")).toBe("audio/mp4");
    expect(audioType("mp3")).toBe("audio/mpeg");
    expect(audioType(undefined)).toBe("application/octet-stream");
  });
});

describe("videoType()", () => {
  it("names the media type of a video from its container", () => {
    expect(videoType("mov,mp4,m4a,3gp,3g2,mj2")).toBe("video/mp4");
    expect(videoType("matroska,webm")).toBe("video/webm");
    expect(videoType("avi")).toBe("video/x-msvideo");
    expect(videoType(undefined)).toBe("application/octet-stream");
  });
});
