// Face and plate tracks on a video: the faces shown on one sample, where a
// track's bar lies on the timeline (as fractions of the clip), which
// sample a click on the timeline means, a sample's time as text, and the
// words for a track's choices (a plate is the subject's vehicle or
// blacked out, a face the subject's or blurred).

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

/** Whether a track follows a number plate (`plate-N`) rather than a face (`face-N`). */
export function isPlate(person: string): boolean {
  return person.startsWith("plate-");
}

/** What a track's choice is called in the window. */
export function choiceText(choice: TrackChoice, person = "face-1"): string {
  const plate = isPlate(person);
  switch (choice) {
    case "keep":
      return plate ? "shown (the subject's vehicle)" : "kept (the subject's face)";
    case "blur":
      return plate ? "blacked out" : "blurred";
    case "mixed":
      return plate ? "partly blacked out" : "partly blurred";
    default:
      return plate ? "suggested for blacking out" : "suggested for blurring";
  }
}

/** The words of a track's two buttons: keep it shown, or hide it. */
export function choiceButtons(person: string): { keep: string; blur: string } {
  return isPlate(person) ? { keep: "Show (subject's vehicle)", blur: "Black out" } : { keep: "Keep (subject)", blur: "Blur" };
}

/** What the window says once a track's choice is made. */
export function choiceDone(person: string, choice: TrackChoice): string {
  return `Track ${person} ${choiceText(choice, person).replace(/ \(.*\)$/, "")}.`;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
