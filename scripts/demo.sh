#!/usr/bin/env bash
# README command 1: set up, then load the bundled sample events and article into the embedded store.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/ruydad demo "$@"
