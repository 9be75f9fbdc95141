#!/usr/bin/env bash
# Browser tests against the real backend, in Debian's Chromium (never a downloaded browser).
set -euo pipefail
cd "$(dirname "$0")/.."
CHROMIUM="${PARKREGIE_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "FAIL: CI expects Chromium at $CHROMIUM for the browser tests (apt-get install -y chromium)." >&2
    exit 1
  fi
  echo "browser tests (no Chromium at $CHROMIUM; apt-get install chromium, or set PARKREGIE_CHROMIUM)" >> .make-skipped
  exit 0
fi
echo "== browser tests (Chromium: $CHROMIUM)"
cd frontend && PARKREGIE_CHROMIUM="$CHROMIUM" npm run --silent e2e
