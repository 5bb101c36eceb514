// The frame view of a video item: the sampled frame at the scrub position
// with each face and plate track's box drawn; a slider (and the arrow
// keys) to move through the samples; each face track kept (the subject's
// own face) or blurred, each plate shown (the subject's vehicle) or
// blacked out, as a whole; a timeline of who appears where (click to go
// there); and keyframes as thumbnails. "Preview as disclosed" shows the
// frames and keyframes taken from the redacted rendition instead of the
// original. Frames come from the case (the engine takes them with FFmpeg
// and keeps them there); choices go through the engine's mark use cases.

import { api } from "../api";
import type { TrackChoice, VideoView } from "../bindings";
import { announce, errorText, h, notice, replace } from "../dom";
import { bar, choiceButtons, choiceDone, choiceText, facesAt, sampleAtFraction, sampleTime, stepSample } from "../tracks";

export interface FrameViewOptions {
  ref: string;
  id: number;
  /** The video player, moved along as the frames are scrubbed. */
  player?: HTMLVideoElement;
  /** Called after a track's choice changed the item's marks. */
  onChange: () => void;
}

/** The frame view of a video, filled in once its tracks are read. */
export function frameView(options: FrameViewOptions): HTMLElement {
  const section = h("section", { class: "frame-view", id: "frame-view", "aria-labelledby": "frame-view-h" });
  replace(section, h("h2", { id: "frame-view-h" }, "Frames, face and plate tracks"), h("p", { class: "muted", role: "status" }, "Reading the tracks…"));
  void api
    .videoView(options.ref, options.id)
    .then((view) => fill(section, view, options))
    .catch((e: unknown) => replace(section, h("h2", { id: "frame-view-h" }, "Frames, face and plate tracks"), notice("error", errorText(e))));
  return section;
}

function fill(section: HTMLElement, first: VideoView, options: FrameViewOptions): void {
  let view = first;
  let sample = 0;
  // What the image shows: the sample, from the original or the rendition.
  let shown = "";
  let disclosed = false;
  let url: string | undefined;

  const image = h("img", { class: "frame-image", id: "frame-image", alt: "The sampled frame" });
  const boxes = h("div", { class: "frame-boxes", "aria-hidden": "true" });
  const stage = h(
    "figure",
    { class: "frame-stage", id: "frame-stage", tabindex: 0, "aria-label": "Sampled frame; left and right arrows move through the samples" },
    image,
    boxes,
  );
  const slider = h("input", {
    type: "range",
    id: "frame-scrub",
    min: 0,
    max: Math.max(0, view.samples - 1),
    step: 1,
    value: 0,
    "aria-label": "Sample",
  });
  const position = h("span", { id: "frame-position", class: "muted" });
  const tracks = h("div", { class: "track-list", id: "track-list" });
  const timeline = h("div", { class: "track-timeline", id: "track-timeline", "aria-label": "Who appears where" });
  const keyframes = h("div", { class: "keyframes", id: "keyframes", "aria-label": "Keyframes" });
  const message = h("div", {});
  const asDisclosed = h(
    "button",
    { type: "button", class: "button", id: "frame-disclosed", "aria-pressed": "false", onclick: () => toggleDisclosed() },
    "Preview as disclosed",
  );

  const go = (next: number) => {
    sample = stepSample(view, next, 0);
    slider.value = String(sample);
    void draw();
  };

  async function draw(): Promise<void> {
    const at = sample;
    position.textContent = `Sample ${at + 1} of ${view.samples} · ${sampleTime(view, at)}`;
    section.dataset.sample = String(at);
    drawBoxes();
    drawCursor();
    if (options.player && Math.abs(options.player.currentTime - at / view.rate) > 0.01) {
      options.player.currentTime = at / view.rate;
    }
    const wanted = `${disclosed ? "disclosed" : "original"} ${at}`;
    if (shown === wanted) return;
    const asShown = disclosed;
    try {
      const bytes = await api.videoFrame(options.ref, options.id, at, asShown);
      if (sample !== at || disclosed !== asShown) return;
      if (url) URL.revokeObjectURL(url);
      url = URL.createObjectURL(new Blob([bytes], { type: "image/jpeg" }));
      image.src = url;
      image.alt = asShown ? "The sampled frame as disclosed (from the redacted copy)" : "The sampled frame";
      shown = wanted;
      section.dataset.shown = String(at);
      section.dataset.shownAs = asShown ? "disclosed" : "original";
      replace(message);
    } catch (e) {
      replace(message, notice("error", `The frame could not be shown: ${errorText(e)}`));
    }
  }

  function drawBoxes(): void {
    const width = Math.max(1, view.width);
    const height = Math.max(1, view.height);
    // As disclosed, the frame shows the blur itself: no boxes over it.
    replace(
      boxes,
      (disclosed ? [] : facesAt(view, sample)).map((face) => {
        // A plate is filled black in the rendition, so a blacked-out plate is drawn solid.
        const plate = face.person.startsWith("plate-") ? " track-plate" : "";
        const el = h("div", { class: `track-box track-${face.choice}${plate}`, "data-person": face.person }, h("span", {}, face.person));
        el.style.left = `${(face.rect[0] / width) * 100}%`;
        el.style.top = `${(face.rect[1] / height) * 100}%`;
        el.style.width = `${((face.rect[2] - face.rect[0]) / width) * 100}%`;
        el.style.height = `${((face.rect[3] - face.rect[1]) / height) * 100}%`;
        return el;
      }),
    );
  }

  const cursor = h("div", { class: "timeline-cursor", "aria-hidden": "true" });
  function drawCursor(): void {
    cursor.style.left = `${(sample / Math.max(1, view.samples)) * 100}%`;
  }

  async function choose(person: string, choice: TrackChoice): Promise<void> {
    try {
      view = await api.chooseTrack(options.ref, options.id, person, choice);
      drawTracks();
      drawBoxes();
      announce(choiceDone(person, choice));
      options.onChange();
      if (disclosed) {
        // The rendition is made again from the new marks.
        shown = "";
        drawKeyframes();
        void draw();
      }
    } catch (e) {
      replace(message, notice("error", errorText(e)));
    }
  }

  function drawTracks(): void {
    if (view.tracks.length === 0) {
      replace(tracks, h("p", { class: "muted" }, "No face or plate tracks yet: run detection (Redaction panel) to look for them."));
    } else {
      replace(
        tracks,
        h(
          "ul",
          {},
          view.tracks.map((t) =>
            h(
              "li",
              { class: `track track-${t.choice}`, "data-person": t.person, "data-choice": t.choice },
              h("strong", {}, t.person),
              ` ${sampleTime(view, Math.round(t.start * view.rate))}–${sampleTime(view, Math.round(t.end * view.rate))} · `,
              h("span", { class: "track-choice" }, choiceText(t.choice, t.person)),
              " ",
              h(
                "button",
                { type: "button", class: "track-keep-button", "aria-pressed": String(t.choice === "keep"), onclick: () => void choose(t.person, "keep") },
                choiceButtons(t.person).keep,
              ),
              h(
                "button",
                { type: "button", class: "track-blur-button", "aria-pressed": String(t.choice === "blur"), onclick: () => void choose(t.person, "blur") },
                choiceButtons(t.person).blur,
              ),
            ),
          ),
        ),
      );
    }
    replace(
      timeline,
      view.tracks.map((t) => {
        const lane = h("div", { class: "timeline-lane" });
        const place = bar(view, t);
        const segment = h("div", { class: `timeline-bar track-${t.choice}`, "data-person": t.person, title: `${t.person}: ${choiceText(t.choice, t.person)}` });
        segment.style.left = `${place.left * 100}%`;
        segment.style.width = `${place.width * 100}%`;
        lane.append(segment);
        lane.addEventListener("click", (event) => {
          const box = lane.getBoundingClientRect();
          go(sampleAtFraction(view, (event.clientX - box.left) / Math.max(1, box.width)));
        });
        return h("div", { class: "timeline-row" }, h("span", { class: "timeline-label" }, t.person), lane);
      }),
      view.tracks.length > 0 ? cursorRow() : null,
    );
  }

  function cursorRow(): HTMLElement {
    return h("div", { class: "timeline-row" }, h("span", { class: "timeline-label" }, ""), h("div", { class: "timeline-lane timeline-now" }, cursor));
  }

  function drawKeyframes(): void {
    const asShown = disclosed;
    keyframes.dataset.shownAs = asShown ? "disclosed" : "original";
    replace(
      keyframes,
      view.keyframes.map((k) => {
        const thumb = h("img", { alt: `Keyframe at ${sampleTime(view, k)}${asShown ? ", as disclosed" : ""}` });
        void api
          .videoFrame(options.ref, options.id, k, asShown)
          .then((bytes) => {
            thumb.src = URL.createObjectURL(new Blob([bytes], { type: "image/jpeg" }));
            thumb.dataset.shownAs = asShown ? "disclosed" : "original";
          })
          .catch(() => undefined);
        return h("button", { type: "button", class: "keyframe", "data-sample": k, onclick: () => go(k) }, thumb, h("span", {}, sampleTime(view, k)));
      }),
    );
  }

  function toggleDisclosed(): void {
    disclosed = !disclosed;
    asDisclosed.setAttribute("aria-pressed", String(disclosed));
    section.classList.toggle("as-disclosed", disclosed);
    if (disclosed) replace(message, h("p", { class: "muted", role: "status" }, "Showing the redacted copy's frames (made now if the marks changed)…"));
    else replace(message);
    drawKeyframes();
    void draw();
  }

  slider.addEventListener("input", () => go(Number(slider.value)));
  stage.addEventListener("keydown", (event) => {
    if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
      event.preventDefault();
      event.stopPropagation();
      go(stepSample(view, sample, event.key === "ArrowRight" ? 1 : -1));
    }
  });

  replace(
    section,
    h("h2", { id: "frame-view-h" }, "Frames, face and plate tracks"),
    message,
    stage,
    h("div", { class: "frame-scrub" }, slider, position, asDisclosed),
    h("h3", {}, "Who appears where"),
    timeline,
    tracks,
    h("h3", {}, "Keyframes"),
    keyframes,
  );
  drawTracks();
  drawKeyframes();
  void draw();
}
