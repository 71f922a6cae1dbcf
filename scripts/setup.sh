#!/usr/bin/env bash
# Create .venv and install Ruydad. Safe to re-run.
#   scripts/setup.sh        Ruydad itself (what the demo needs)
#   scripts/setup.sh --dev  plus the test tools and the system packages the tests drive for real
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
DEV=0
[ "${1:-}" = "--dev" ] && DEV=1

# System packages the tests drive for real: Debian's headless Chromium (dashboard tests) and
# PostgreSQL (team-server backend tests), and a Java runtime for local Spark. Installed only when
# missing and when we may.
need=()
if [ "$DEV" = 1 ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  command -v java >/dev/null || need+=(openjdk-17-jre-headless)
fi
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing Debian packages: ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "note: missing ${need[*]}; browser/PostgreSQL tests will be skipped (install them with apt-get)" >&2
  fi
fi
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "error: Ruydad needs Python 3.11 or newer ($PYTHON is $("$PYTHON" --version 2>&1))" >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
if [ "$DEV" = 1 ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
else
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e .
fi
