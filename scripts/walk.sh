#!/usr/bin/env bash
# Walks every journey of issue 17 in the real app on a 1024×700 X screen (Xvfb, no window
# manager), from an empty store, and saves the whole screen at each step: src/test/java/com/keydesk/tour/WalkTour.java.
# Needs what scripts/screenshots.sh needs (JDK 25, xvfb, xauth, libgtk-3-0, imagemagick).
# Usage: scripts/walk.sh OUT_DIR [light|dark] [WIDTHxHEIGHT]
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="$1"; THEME="${2:-light}"; SIZE="${3:-1024x700}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
WORK="$(mktemp -d)"; XVFB_PID=""
cleanup() { if [ -n "$XVFB_PID" ]; then kill "$XVFB_PID" 2>/dev/null || true; fi; rm -rf "$WORK"; }
trap cleanup EXIT

./mvnw -q -B -o -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/tour-classpath.txt -Dmdep.includeScope=test
# a project folder with a key-shaped string lying in it, for the scan
mkdir -p "$WORK/project"
printf 'FILES_API_KEY=kdu_notARealKeyButShapedLikeOne0000000000000000\n' > "$WORK/project/.env"

for n in $(seq 90 120); do
    if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then DISPLAY_NUM=$n; break; fi
done
Xvfb ":$DISPLAY_NUM" -screen 0 "${SIZE}x24" -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
export DISPLAY=":$DISPLAY_NUM"
sleep 1
mkdir -p "$OUT"
DARK=false; [ "$THEME" = dark ] && DARK=true
"$JAVA" --enable-native-access=ALL-UNNAMED -Dprism.order=sw -Dkeydesk.tour.dark=$DARK \
    -cp "target/test-classes:target/classes:$(cat target/tour-classpath.txt)" \
    com.keydesk.tour.WalkTour "$WORK/store" "$OUT" "$WORK/project"
echo "Walk pictures are in $OUT; journeys that failed: $OUT/walk-failures.txt"
