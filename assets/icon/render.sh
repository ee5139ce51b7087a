#!/usr/bin/env bash
# Regenerates the PNG sizes, .ico (Windows) and .icns (macOS) from keydesk.svg.
# Needs: apt-get install librsvg2-bin imagemagick icnsutils
set -euo pipefail
cd "$(dirname "$0")"
for s in 16 24 32 48 64 128 256 512; do rsvg-convert -w $s -h $s keydesk.svg -o keydesk-$s.png; done
/usr/bin/convert keydesk-16.png keydesk-24.png keydesk-32.png keydesk-48.png keydesk-64.png keydesk-128.png keydesk-256.png keydesk.ico
png2icns keydesk.icns keydesk-16.png keydesk-32.png keydesk-48.png keydesk-128.png keydesk-256.png keydesk-512.png >/dev/null
