#!/usr/bin/env bash
# Put the free stand-ins for the four 公文 typefaces in place on Debian (see formkit/fonts/fonts.conf):
#   方正小标宋简体 → Noto Serif CJK SC Bold   (fonts-noto-cjk)
#   仿宋_GB2312   → FandolFang R            (FandolFang-Regular.otf from texlive-lang-chinese)
#   黑体          → Noto Sans CJK SC         (fonts-noto-cjk)
#   楷体_GB2312   → AR PL UKai CN            (fonts-arphic-ukai)
# FandolFang is the only free 仿宋 on Debian that covers all 6,763 GB2312 hanzi; it ships only inside
# the 49 MB texlive-lang-chinese package, so the .deb is downloaded and just the one OTF (7 MB) is
# extracted, instead of installing TeX Live. Idempotent; without root or apt it says what to do.
set -euo pipefail

FANG=FandolFang-Regular.otf
if [[ $(id -u) -eq 0 ]]; then
  dest=/usr/local/share/fonts/formkit
else
  dest="${XDG_DATA_HOME:-$HOME/.local/share}/fonts/formkit"
fi

apt_install() {
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  else
    echo "formkit: please install the Debian packages: $*" >&2
    return 1
  fi
}

# grep reads everything (no -q): an early exit would SIGPIPE fc-list and fail under pipefail.
has_font() { fc-list : family 2>/dev/null | grep -F "$1" >/dev/null; }

need=()
command -v fc-list >/dev/null 2>&1 || need+=(fontconfig)
has_font "Noto Serif CJK SC" || need+=(fonts-noto-cjk)
has_font "AR PL UKai CN" || need+=(fonts-arphic-ukai)
has_font "Liberation Serif" || need+=(fonts-liberation2)  # metric twin of Times New Roman
if ((${#need[@]})); then
  echo "formkit: installing ${need[*]}"
  apt_install "${need[@]}" || true
fi

if has_font "FandolFang"; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-deb >/dev/null 2>&1; then
  echo "formkit: no apt-get/dpkg-deb; put $FANG (from CTAN's fandol fonts) into $dest" >&2
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "formkit: extracting $FANG from texlive-lang-chinese into $dest"
if ! (cd "$work" && apt-get download -qq texlive-lang-chinese 2>/dev/null); then
  [[ $(id -u) -eq 0 ]] && apt-get update -qq
  (cd "$work" && apt-get download -qq texlive-lang-chinese)
fi
dpkg-deb -x "$work"/texlive-lang-chinese_*.deb "$work/x"
mkdir -p "$dest"
install -m 0644 "$(find "$work/x" -name "$FANG" -print -quit)" "$dest/$FANG"
fc-cache -f "$dest" >/dev/null 2>&1 || true
