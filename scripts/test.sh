#!/usr/bin/env bash
# README command 2: set up, then lint, type-check and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --dev
echo "== ruff"; .venv/bin/ruff check ruydad tests scripts
echo "== mypy"; .venv/bin/mypy
echo "== pytest"; .venv/bin/pytest -q -n 2 "$@"
