#!/usr/bin/env bash
# The backend suite on SQLite, then on PostgreSQL when one is reachable.
# PostgreSQL: PARKREGIE_TEST_POSTGRES_URL, else postgresql://postgres@127.0.0.1:5432/test.
# In CI (CI=true) a PostgreSQL that cannot be reached is a failure, not a skip.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
# Each pytest-xdist worker gets a database of its own (see tests/conftest.py).
WORKERS="${PARKREGIE_TEST_WORKERS:-auto}"

echo "== backend tests on SQLite"
env -u PARKREGIE_TEST_DATABASE_URL "$BIN/pytest" -q -p no:cacheprovider -n "$WORKERS"

PG_URL="${PARKREGIE_TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/test}"
if "$BIN/python" - "$PG_URL" <<'PY'
import sys
import psycopg
try:
    psycopg.connect(sys.argv[1].replace("postgresql+psycopg://", "postgresql://"), connect_timeout=3).close()
except Exception as exc:
    print(f"PostgreSQL not reachable at {sys.argv[1]}: {exc}".splitlines()[0], file=sys.stderr)
    sys.exit(1)
PY
then
  echo "== backend tests on PostgreSQL ($PG_URL)"
  PARKREGIE_TEST_DATABASE_URL="$PG_URL" "$BIN/pytest" -q -p no:cacheprovider -n "$WORKERS"
else
  if [ "${CI:-}" = "true" ]; then
    echo "FAIL: CI expects PostgreSQL at $PG_URL, and it cannot be reached." >&2
    exit 1
  fi
  echo "backend tests on PostgreSQL (no PostgreSQL at $PG_URL; set PARKREGIE_TEST_POSTGRES_URL)" >> .make-skipped
fi
