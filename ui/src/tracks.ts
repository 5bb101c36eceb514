// Face tracks on a video: the faces shown on one sample, where a track's
// bar lies on the timeline (as fractions of the clip), which sample a
// click on the timeline means, and a sample's time as text.

import type { FaceTrack, TrackChoice, VideoView } from "./bindings";

/** A face box on one sample, with its track. */
export interface ShownFace {
  person: string;
  choice: TrackChoice;
  rect: [number, number, number, number];
}

/** The faces of every track on `sample`. */
export function facesAt(view: VideoView, sample: number): ShownFace[] {
  const out: ShownFace[] = [];
  for (const track of view.tracks) {
    const face = track.faces.find((f) => f.sample === sample);
    if (face) out.push({ person: track.person, choice: track.choice, rect: face.rect });
  }
  return out;
}

/** A track's bar as fractions of the clip: where it starts and how wide it is (at least one sample). */
export function bar(view: VideoView, track: FaceTrack): { left: number; width: number } {
  const length = Math.max(view.duration, 1 / view.rate);
  const left = clamp(track.start / length, 0, 1);
  const right = clamp((track.end + 1 / view.rate) / length, left, 1);
  return { left, width: right - left };
}

/** The sample a point `fraction` of the way along the timeline stands for. */
export function sampleAtFraction(view: VideoView, fraction: number): number {
  return clamp(Math.floor(clamp(fraction, 0, 1) * view.samples), 0, view.samples - 1);
}

/** The sample `step` samples from `sample`, kept inside the clip. */
export function stepSample(view: VideoView, sample: number, step: number): number {
  return clamp(sample + step, 0, view.samples - 1);
}

/** A sample's time, as `m:ss.s`. */
export function sampleTime(view: VideoView, sample: number): string {
  const seconds = sample / view.rate;
  const minutes = Math.floor(seconds / 60);
  const rest = (seconds - minutes * 60).toFixed(1).padStart(4, "0");
  return `${minutes}:${rest}`;
}

/** What a choice is called in the window. */
export function choiceText(choice: TrackChoice): string {
  switch (choice) {
    case "keep":
      return "kept (the subject's face)";
    case "blur":
      return "blurred";
    case "mixed":
      return "partly blurred";
    default:
      return "suggested for blurring";
  }
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
