#!/usr/bin/env bash
# Builds ftcost and renders its html reports to PNG with headless Chromium, to look at them (not
# run by CI): the default 8B QLoRA plan, a 70B QLoRA plan and the 8B QLoRA memory on an RTX 4090.
#   scripts/render_report.sh [OUT_DIR]        (default /tmp/report-png)
#   REPORT_HEIGHT=4000 scripts/render_report.sh   (taller screenshots; default 2400 px)
# Each report is kept as OUT_DIR/NAME.html beside OUT_DIR/NAME.png.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/report-png}
height=${REPORT_HEIGHT:-2400}
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  echo "render_report.sh: needs Chromium (apt-get install chromium)" >&2
  exit 1
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)
cmake --preset ci >/dev/null
cmake --build --preset ci --target ftcost -j "$(nproc)" >&2
exe=build/ci/src/ftcost

# render NAME ARGS...: the report of `ftcost ARGS... --format html`, then its screenshot. Exit
# codes 4 (does not fit) and 5 (over budget) still print the report.
render() {
  local name=$1
  shift
  local status=0
  "$exe" "$@" --format html >"$out/$name.html" 2>"$out/$name.stderr" || status=$?
  if [ "$status" -ne 0 ] && [ "$status" -ne 4 ] && [ "$status" -ne 5 ]; then
    echo "render_report.sh: ftcost $* exited $status:" >&2
    cat "$out/$name.stderr" >&2
    exit 1
  fi
  "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d)" --window-size="1400,$height" \
    --screenshot="$out/$name.png" "file://$out/$name.html" >/dev/null 2>&1
  echo "$out/$name.png"
}

render plan-8b-qlora plan --model 8b --method qlora
render plan-70b-qlora plan --model 70b --method qlora
render vram-8b-qlora-4090 vram --model 8b --method qlora --gpu 4090
