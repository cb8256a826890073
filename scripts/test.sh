#!/usr/bin/env bash
# Install everything the tests need on a fresh Debian machine, then run checks and tests.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(hunspell-id hunspell-en-us libhunspell-dev poppler-utils fonts-dejavu-core)
missing=()
for p in "${DEBIAN_PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

python3 -m pip install -q -e ".[test]"
python3 -m ruff check src tests bench
python3 -m mypy
python3 -m pytest -n 2 "$@"
