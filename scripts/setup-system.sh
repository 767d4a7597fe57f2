#!/usr/bin/env bash
# Install the Debian packages formkit uses when they are missing: LibreOffice (legacy .doc/.xls
# conversion, PDF output), antiword (the independent reading of .doc), CJK fonts, poppler-utils.
# Without root or apt, say what to install.
set -euo pipefail
need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui libreoffice-calc-nogui)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v antiword >/dev/null 2>&1 || need+=(antiword)  # checks LibreOffice's reading of .doc
command -v chromium >/dev/null 2>&1 || need+=(chromium)  # browser tests of formkit serve
fc-list 2>/dev/null | grep "Noto Serif CJK" >/dev/null || need+=(fonts-noto-cjk)
fc-list 2>/dev/null | grep "AR PL UKai" >/dev/null || need+=(fonts-arphic-ukai)
here=$(cd "$(dirname "$0")" && pwd)
if ((${#need[@]} == 0)); then
  bash "$here/install-fonts.sh"
  exit 0
fi
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "formkit: installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
elif command -v sudo >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "formkit: please install: ${need[*]} (tests that need them will be skipped)" >&2
fi
bash "$here/install-fonts.sh" || echo "formkit: free stand-in fonts not installed; PDF font tests will skip" >&2
