#!/usr/bin/env bash
# Install everything the tests need (scripts/install.sh --test), then run every check and test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --test
.venv/bin/python -m ruff check src tests bench
.venv/bin/python -m ruff format --check src tests bench
.venv/bin/python -m mypy
.venv/bin/python -m pytest -n 2 "$@"
