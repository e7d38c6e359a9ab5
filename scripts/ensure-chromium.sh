#!/bin/sh
# The browser tests drive Debian's Chromium through playwright-core; nothing downloads a browser of its own.
# Installs it when missing and we are root (as in CI and the workplace machines); otherwise says how.
# poppler-utils (pdfinfo, pdftotext, pdftoppm) reads the PDF the report test prints.
[ -x /usr/bin/chromium ] && command -v pdftoppm >/dev/null && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian's chromium (and CJK fonts for legible screenshots) for the browser tests…" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk poppler-utils) >/dev/null || {
    echo "could not install chromium with apt-get" >&2
    exit 1
  }
  exit 0
fi
echo "The browser tests need Debian's Chromium at /usr/bin/chromium and poppler-utils: sudo apt-get install -y chromium poppler-utils" >&2
exit 1
