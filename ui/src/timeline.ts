// Recordings in the viewer: the transcript's timeline is the item's one
// page, each word's box [start s, lane, end s, lane + 1]; clicking a word
// of the transcript plays the recording from that word.

import type { Word } from "./bindings";

/** The word of `text` under the character at `index` (UTF-16), if any. */
export function wordAt(text: string, words: Word[], index: number): Word | undefined {
  const byte = new TextEncoder().encode(text.slice(0, Math.max(0, index))).length;
  return words.find((w) => w.start <= byte && byte < w.end);
}

/** Where a collapsed selection (a click) stands in `root`'s text, in characters. */
export function caretIndex(root: Node, node: Node, offset: number): number | undefined {
  if (!root.contains(node)) return undefined;
  if (node.nodeType !== Node.TEXT_NODE) return undefined;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let before = 0;
  for (let current = walker.nextNode(); current; current = walker.nextNode()) {
    if (current === node) return before + offset;
    before += current.textContent?.length ?? 0;
  }
  return undefined;
}

/** The media type a recording's container calls for, from `ffprobe`'s name for it. */
export function audioType(container: string | undefined): string {
  const name = (container ?? "").split(",");
  if (name.includes("wav")) return "audio/wav";
  if (name.includes("mp3")) return "audio/mpeg";
  if (name.includes("mp4") || name.includes("m4a")) return "audio/mp4";
  if (name.includes("ogg")) return "audio/ogg";
  if (name.includes("flac")) return "audio/flac";
  return "application/octet-stream";
}

/** A player for `bytes`, whose clicks on `transcript`'s words seek to them. */
export function player(bytes: ArrayBuffer, type: string, label: string): HTMLAudioElement {
  return mediaElement("audio", bytes, type, label);
}

/** A video player for `bytes` (an MP4, WebM or other container WebKit plays). */
export function videoPlayer(bytes: ArrayBuffer, type: string, label: string): HTMLVideoElement {
  return mediaElement("video", bytes, type, label);
}

function mediaElement<K extends "audio" | "video">(tag: K, bytes: ArrayBuffer, type: string, label: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  element.controls = true;
  element.preload = "metadata";
  element.id = `item-${tag}`;
  element.className = `item-${tag}`;
  element.setAttribute("aria-label", label);
  element.src = URL.createObjectURL(new Blob([bytes], { type }));
  return element;
}

/** The MIME type of a video by its container, as `ffprobe` names it. */
export function videoType(container: string | undefined): string {
  const name = (container ?? "").split(",");
  if (name.includes("mp4") || name.includes("mov")) return "video/mp4";
  if (name.includes("webm")) return "video/webm";
  if (name.includes("matroska")) return "video/x-matroska";
  if (name.includes("avi")) return "video/x-msvideo";
  return "application/octet-stream";
}

/** Makes a click on a word of `transcript` play `audio` from that word. */
export function seekOnClick(transcript: HTMLElement, audio: HTMLAudioElement, text: string, words: Word[]): void {
  transcript.addEventListener("click", () => {
    const selection = window.getSelection();
    if (!selection || !selection.isCollapsed || !selection.anchorNode) return;
    const index = caretIndex(transcript, selection.anchorNode, selection.anchorOffset);
    const word = index === undefined ? undefined : wordAt(text, words, index);
    if (!word) return;
    audio.currentTime = word.bbox[0];
    void audio.play().catch(() => undefined);
  });
}
