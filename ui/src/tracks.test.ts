import { describe, expect, it } from "vitest";
import type { VideoView } from "./bindings";
import { bar, choiceButtons, choiceDone, choiceText, facesAt, isPlate, sampleAtFraction, sampleTime, stepSample } from "./tracks";

const view: VideoView = {
  item: 1,
  duration: 6,
  rate: 2,
  samples: 12,
  width: 640,
  height: 360,
  keyframes: [0, 1],
  tracks: [
    {
      person: "face-1",
      choice: "keep",
      start: 0,
      end: 1,
      faces: [
        { sample: 0, rect: [0, 0, 10, 10], mark: 1, status: "rejected" },
        { sample: 2, rect: [5, 0, 15, 10], mark: 2, status: "rejected" },
      ],
    },
    {
      person: "face-2",
      choice: "undecided",
      start: 3,
      end: 5.5,
      faces: [{ sample: 2, rect: [100, 0, 140, 50], mark: 3, status: "suggested" }],
    },
  ],
};

describe("face tracks", () => {
  it("shows the faces of every track on a sample", () => {
    expect(facesAt(view, 2).map((f) => f.person)).toEqual(["face-1", "face-2"]);
    expect(facesAt(view, 0)).toEqual([{ person: "face-1", choice: "keep", rect: [0, 0, 10, 10] }]);
    expect(facesAt(view, 1)).toEqual([]);
  });

  it("lays a track's bar over the clip, at least one sample wide", () => {
    const first = bar(view, view.tracks[0]!);
    expect(first.left).toBe(0);
    expect(first.width).toBeCloseTo(1.5 / 6);
    const last = bar(view, view.tracks[1]!);
    expect(last.left).toBeCloseTo(0.5);
    expect(last.left + last.width).toBeCloseTo(1);
  });

  it("turns a click on the timeline into a sample inside the clip", () => {
    expect(sampleAtFraction(view, 0)).toBe(0);
    expect(sampleAtFraction(view, 0.5)).toBe(6);
    expect(sampleAtFraction(view, 1)).toBe(11);
    expect(sampleAtFraction(view, -3)).toBe(0);
    expect(stepSample(view, 0, -1)).toBe(0);
    expect(stepSample(view, 10, 5)).toBe(11);
    expect(stepSample(view, 4, 1)).toBe(5);
  });

  it("names times and choices", () => {
    expect(sampleTime(view, 0)).toBe("0:00.0");
    expect(sampleTime(view, 3)).toBe("0:01.5");
    expect(sampleTime({ ...view, samples: 400 }, 250)).toBe("2:05.0");
    expect(choiceText("keep")).toContain("subject");
    expect(choiceText("blur")).toBe("blurred");
  });

  it("words a plate track as the subject's vehicle or blacked out, a face as kept or blurred", () => {
    expect(isPlate("plate-1")).toBe(true);
    expect(isPlate("face-1")).toBe(false);
    expect(choiceButtons("plate-2")).toEqual({ keep: "Show (subject's vehicle)", blur: "Black out" });
    expect(choiceButtons("face-2")).toEqual({ keep: "Keep (subject)", blur: "Blur" });
    expect(choiceText("blur", "plate-1")).toBe("blacked out");
    expect(choiceText("keep", "plate-1")).toBe("shown (the subject's vehicle)");
    expect(choiceText("undecided", "plate-1")).toBe("suggested for blacking out");
    expect(choiceText("undecided", "face-3")).toBe("suggested for blurring");
    expect(choiceDone("plate-1", "blur")).toBe("Track plate-1 blacked out.");
    expect(choiceDone("plate-1", "keep")).toBe("Track plate-1 shown.");
    expect(choiceDone("face-2", "keep")).toBe("Track face-2 kept.");
  });
});
