#!/usr/bin/env bash
# The test command behind `make test` and .ci/run: system packages the tests drive (Chromium for the
# web UI tests, PostgreSQL for the store tests) are installed when missing and we are root; the
# tests start their own PostgreSQL server and browser. Then lint, then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${VENV:-.venv}/bin
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
{ command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; } || need+=(postgresql)
if [ ${#need[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing system packages for the tests: ${need[*]}"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null || echo "warning: could not install ${need[*]}; those tests will skip"
fi
"$BIN/ruff" check qala tests benchmarks scripts
exec "$BIN/python" -m pytest -q -p no:cacheprovider "$@"
