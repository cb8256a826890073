#!/usr/bin/env bash
# Install sopan into .venv on a fresh Debian machine. sopan itself needs no Debian package (its
# dictionaries and fonts are in the package, every dependency is a wheel); its `ocr` extra reads
# photos and scanned PDFs with Debian's Tesseract and its Indonesian and English models, which
# are installed with it. With --test, also what the tests need: libhunspell-dev (the test extra
# builds the `hunspell` binding, the fast spelling back end, to test it beside spylls),
# poppler-utils, Chromium for the browser tests, PostgreSQL and Dovecot for the store and
# mailbox tests, openssl, and the `test` extra.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(tesseract-ocr tesseract-ocr-ind tesseract-ocr-eng)
extra="[ocr]"
if [ "${1:-}" = "--test" ]; then
  packages+=(libhunspell-dev poppler-utils chromium postgresql dovecot-imapd openssl)
  extra="[ocr,test]"
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
