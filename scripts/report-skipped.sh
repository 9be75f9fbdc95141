#!/usr/bin/env bash
# Say loudly what `make test` could not run on this machine.
cd "$(dirname "$0")/.."
if [ -s .make-skipped ]; then
  echo
  echo "############################################################################"
  echo "#  NOT RUN on this machine — the result above does not cover:"
  sed 's/^/#   - /' .make-skipped
  echo "############################################################################"
  rm -f .make-skipped
else
  echo "All test suites ran (lint, types, contract, web app, browser, backend on SQLite and PostgreSQL)."
fi
