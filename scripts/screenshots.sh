#!/usr/bin/env bash
# Screenshots of the desktop app for README.md, one PNG per main screen, in assets/screenshots/.
#
# Builds the jar if missing, makes a demo store with the command line, starts the real app under
# Xvfb (GTK glass) on that store and drives it with a small test-scope "tour" (TestFX's FxRobot):
# src/test/java/com/keydesk/tour/ScreenshotTour.java.
#
# Needs a JDK 25 (JAVA_HOME) and, on Debian/Ubuntu:
#   apt-get install xvfb xauth libgtk-3-0 imagemagick xdotool
# With Debian's postgresql installed it also shows a team store (a throwaway cluster, stopped after).
# Usage: scripts/screenshots.sh [OUT_DIR]   (default: assets/screenshots)
# KEYDESK_TOUR_OPTS passes system properties to the tour, e.g. to check the dark theme and a small
# screen: KEYDESK_TOUR_OPTS="-Dkeydesk.tour.dark=true -Dkeydesk.tour.size=1024x700" scripts/screenshots.sh /tmp/shots
set -euo pipefail

cd "$(dirname "$0")/.."
OUT="${1:-assets/screenshots}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAR=target/keydesk.jar
WORK="$(mktemp -d)"
STORE="$WORK/store"
XVFB_PID=""

PG_DIR=""
cleanup() {
    if [ -n "$XVFB_PID" ]; then kill "$XVFB_PID" 2>/dev/null || true; fi
    if [ -n "$PG_DIR" ]; then "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$PG_DIR"; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

if [ ! -f "$JAR" ]; then
    echo "Building $JAR…"
    ./mvnw -q -B -DskipTests package
fi
echo "Compiling the tour and listing its class path…"
./mvnw -q -B -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/tour-classpath.txt -Dmdep.includeScope=test

# ---- a demo store, made with the command line -------------------------------------------
ADMIN=alice
export KEYDESK_PASSWORD='demo password alice'
USER_PASSWORD='demo password bob'
export KEYDESK_USER=$ADMIN LC_ALL=C.UTF-8
kd() { "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$JAR" --data "$STORE" "$@" 2>/dev/null; }
in_days() { date -d "+$1 days" +%F; }
key_id() { sed -n 's/.*"id": *\([0-9]*\).*/\1/p' | head -1; }

echo "Making a demo store in $STORE…"
kd init --site "Acme Corp" --admin $ADMIN >/dev/null
echo "$USER_PASSWORD"        | kd users add bob   --display-name "Bob Martin" >/dev/null
echo "demo password carol"   | kd users add carol --display-name "Carol Diaz" --admin >/dev/null
echo "demo password dave"    | kd users add dave  --display-name "Dave Okafor" >/dev/null
echo "demo password erin"    | kd users add erin  --display-name "Erin Walsh" >/dev/null
echo "demo password frank"   | kd users add frank --display-name "Frank Li" >/dev/null

kd keys create --site --name "CI deploy" --description "GitHub Actions: deploys the web app" --expires "$(in_days 180)" >/dev/null
kd keys create --site --name "Nightly backup" --description "Backs up every folder to cold storage" >/dev/null
kd keys create --site --name "Billing sync" --expires "$(in_days 3)" >/dev/null
old=$(kd keys create --site --name "Legacy importer" --json | key_id)
kd keys disable "$old" >/dev/null
kd keys create --for bob --name "Bob laptop" --permission desktop_app --expires "$(in_days 365)" >/dev/null
kd keys create --for bob --name "Bob phone" --permission mobile_app >/dev/null
kd keys create --for bob --name "Bob sync client" --permission sync_app --expires "$(in_days 90)" >/dev/null
kd keys create --for carol --name "Carol admin scripts" --permission full --expires "$(in_days 30)" >/dev/null
kd keys create --for dave --name "Office add-in" --permission office_integration >/dev/null
kd keys create --for dave --name "Scanner upload" --permission files_only --expires "$(in_days 60)" >/dev/null
kd keys create --for erin --name "Erin desktop" --permission desktop_app >/dev/null
kd keys create --for erin --name "Photo uploads" --permission files_only --expires "$(in_days 3)" >/dev/null
kd keys create --for frank --name "Frank sync" --permission sync_app >/dev/null
kd keys create --for frank --name "Frank mobile" --permission mobile_app --expires "$(in_days 14)" >/dev/null
kd keys create --for $ADMIN --name "Alice CLI" --permission full --expires "$(in_days 90)" >/dev/null
kd settings set users_can_create_api_keys true >/dev/null
# A project folder with two keys lying in it, for the "Scan for leaked keys…" screen.
PROJECT="$WORK/project"
mkdir -p "$PROJECT/config"
leaked_site=$(kd keys create --site --name "Old CI token" | tail -1)
leaked_bob=$(kd keys create --for bob --name "Bob build script" --permission files_only --json)
printf 'DATABASE_URL=postgres://localhost/app\r\nFILES_API_KEY=%s\r\n' "$leaked_site" > "$PROJECT/.env"
printf 'upload:\n  endpoint: https://files.example.com\n  key: %s\n' \
    "$(sed -n 's/.*"key": *"\([^"]*\)".*/\1/p' <<<"$leaked_bob")" > "$PROJECT/config/upload.yaml"
kd keys disable "$(key_id <<<"$leaked_bob")" >/dev/null

# ---- a team store on a throwaway PostgreSQL cluster, when PostgreSQL is installed ---------
TOUR_TEAM=()
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ]; then
    echo "Making a team store on a throwaway PostgreSQL cluster…"
    PG_DIR=$(mktemp -d -t keydesk-shots-pg.XXXXXX); chmod 755 "$PG_DIR"
    PG_AS=(); if [ "$(id -u)" = 0 ]; then chown postgres "$PG_DIR"; PG_AS=(runuser -u postgres --); fi
    PG_PORT=$((20000 + RANDOM % 20000))
    PG_OPTS="-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1"
    "${PG_AS[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres >/dev/null
    "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -w -l "$PG_DIR/log" -o "$PG_OPTS" start >/dev/null
    "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc 'create database keydesk' >/dev/null
    kt() { "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$JAR" --store "postgresql://postgres@127.0.0.1:$PG_PORT/keydesk" "$@" 2>/dev/null; }
    kt init --site "Acme Corp (team)" --admin $ADMIN >/dev/null
    echo "demo password bob" | kt users add bob --display-name "Bob Martin" >/dev/null
    kt keys create --site --name "Deploy pipeline" --description "Shared by the platform team" --expires "$(in_days 120)" >/dev/null
    kt keys create --site --name "Log shipping" >/dev/null
    kt keys create --site --name "Partner SFTP bridge" --expires "$(in_days 2)" >/dev/null
    kt keys create --for bob --name "Bob laptop" --permission desktop_app >/dev/null
    pg_ctl_as="${PG_AS[*]} $PG_BIN/pg_ctl -D $PG_DIR/data -w -m fast -l $PG_DIR/log"
    TOUR_TEAM=(-Dkeydesk.tour.teamStore="127.0.0.1:$PG_PORT:keydesk:postgres"
               -Dkeydesk.tour.stopTeamStore="$pg_ctl_as stop >/dev/null"
               -Dkeydesk.tour.startTeamStore="$pg_ctl_as -o '$PG_OPTS' start >/dev/null")
else
    echo "PostgreSQL is not installed: no team store screenshots."
fi
unset KEYDESK_PASSWORD KEYDESK_USER

# ---- the app under Xvfb, driven by the tour --------------------------------------------
if [ -z "${DISPLAY:-}" ]; then
    for n in $(seq 90 120); do
        if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then DISPLAY_NUM=$n; break; fi
    done
    Xvfb ":$DISPLAY_NUM" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    XVFB_PID=$!
    export DISPLAY=":$DISPLAY_NUM"
    sleep 1
fi
mkdir -p "$OUT"
echo "Touring the app on $DISPLAY…"
"$JAVA" --enable-native-access=ALL-UNNAMED -Dprism.order=sw -Dkeydesk.tour.scanFolder="$PROJECT" "${TOUR_TEAM[@]}" ${KEYDESK_TOUR_OPTS:-} \
    -cp "target/test-classes:target/classes:$(cat target/tour-classpath.txt)" \
    com.keydesk.tour.ScreenshotTour "$STORE" "$OUT" "$ADMIN" 'demo password alice' bob "$USER_PASSWORD"
echo "Screenshots are in $OUT."
