#!/usr/bin/env bash
# Install sopan into .venv on a fresh Debian machine: the Debian packages it needs
# (Hunspell and its id/en dictionaries, DejaVu fonts for PDF letters), then the package.
# With --test, also what the tests need (poppler-utils, Chromium for the browser tests,
# PostgreSQL and Dovecot for the store and mailbox tests, the `test` extra).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libhunspell-dev hunspell-id hunspell-en-us fonts-dejavu-core)
extra=""
if [ "${1:-}" = "--test" ]; then
  packages+=(poppler-utils chromium postgresql dovecot-imapd openssl)
  extra="[test]"
fi

missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".${extra}"
