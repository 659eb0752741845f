#!/usr/bin/env bash
# Installs Debian's chromium (and a CJK font so Chinese pages render in screenshots) for the
# browser tests, only when /usr/bin/chromium is missing. Idempotent, quiet, non-interactive.
# Never downloads a browser any other way (no `playwright install`).
set -euo pipefail

[ -x /usr/bin/chromium ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo -n"
  else
    echo "install-chromium: /usr/bin/chromium is missing and this user cannot run apt-get" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
echo "install-chromium: installing Debian's chromium package"
if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "install-chromium: apt-get failed" >&2
  exit 1
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "install-chromium: apt-get finished but /usr/bin/chromium is still missing" >&2
  exit 1
fi
echo "install-chromium: $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium installed')"
