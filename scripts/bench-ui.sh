#!/usr/bin/env bash
# Measures the desktop app on a store of N demo keys (default 100000) under Xvfb:
# sign-in to first rows, filter time per keystroke, peak resident memory. Prints one JSON object.
# Needs: JDK 25 (JAVA_HOME), Xvfb and GTK 3 (apt-get install xvfb libgtk-3-0).
# The app runs with packaging/common/jvm-options.txt, the options of the installed launcher.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
keys=${1:-100000}
store=${BENCH_STORE:-target/bench/store-$keys}
./mvnw -q -B -DskipTests test-compile package
cp=$(./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
run() { "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED "$@"; }
export KEYDESK_USER=admin KEYDESK_PASSWORD='benchmark admin password'
if [ ! -f "$store/keydesk.mv.db" ]; then
  run -jar target/keydesk.jar --data "$store" init --site "Benchmark site" --admin admin 2>/dev/null
  run -jar target/keydesk.jar --data "$store" demo-data --keys "$keys"
fi
display=:${BENCH_DISPLAY:-95}
Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
sleep 1
# BENCH_CDS=1: a dynamic class-data-sharing archive (made by the first run, used by later ones)
cds=()
[ "${BENCH_CDS:-0}" = 1 ] && cds=(-XX:SharedArchiveFile=target/bench/ui.jsa -XX:+AutoCreateSharedArchive)
# The JVM options the installed launcher uses, exactly (comments and blank lines dropped).
mapfile -t launcher < <(grep -v '^[[:space:]]*\(#\|$\)' packaging/common/jvm-options.txt)
DISPLAY=$display run "${cds[@]}" "${launcher[@]}" -cp "target/test-classes:target/classes:$cp" com.keydesk.bench.UiScaleBench "$store" admin "$KEYDESK_PASSWORD" \
  "$(run -jar target/keydesk.jar --data "$store" keys list --json 2>/dev/null | grep -c '"type": "user"')"
