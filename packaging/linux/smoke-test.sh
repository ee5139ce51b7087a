#!/usr/bin/env bash
# Smoke test of the built .deb, as installed, not as a jar: unpack it into a temporary root, run
# its launcher's command line and server, then open the desktop window as the menu entry does under Xvfb,
# time it and save a screenshot.
# Usage: packaging/linux/smoke-test.sh [target/installer/keydesk_*.deb]   (after ./mvnw -Pinstaller package)
# Needs: dpkg-deb, curl, Xvfb, xwininfo (x11-utils), import (imagemagick), GTK 3.
set -euo pipefail
deb=${1:-$(ls target/installer/keydesk_*.deb | head -1)}
shots=${SMOKE_SCREENSHOT_DIR:-target/installer}
root=$(mktemp -d)
xvfb_pid=""
cleanup() { [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null; rm -rf "$root"; }
trap cleanup EXIT
fail() { echo "SMOKE FAIL: $*" >&2; exit 1; }
# "cmd | grep -q" under pipefail fails when grep stops reading at its match and cmd, still writing,
# dies of SIGPIPE (CI met it with dpkg-deb -I): read the whole output first, then match.
contains() { local text; text=$(cat); grep -qE -- "$1" <<<"$text"; }

dpkg-deb -I "$deb" | contains 'libgtk-3-0 \| libgtk-3-0t64' || fail "the .deb does not depend on GTK 3"
dpkg-deb -x "$deb" "$root"
kd="$root/opt/keydesk/bin/keydesk"
[ -x "$kd" ] || fail "no launcher at /opt/keydesk/bin/keydesk"
menu="$root/opt/keydesk/lib/keydesk-keydesk.desktop"
[ -f "$menu" ] || fail "no menu entry (.desktop file)"
# the menu's one entry starts the window's launcher; jpackage's entries for the others stay hidden
contains '^Exec=/opt/keydesk/bin/keydesk-desktop$' <"$menu" || fail "the menu entry does not start bin/keydesk-desktop"
! contains '^NoDisplay=' <"$menu" || fail "the menu entry is hidden"
for other in keydesk-serve keydesk-desktop; do
  contains '^NoDisplay=true$' <"$root/opt/keydesk/lib/keydesk-$other.desktop" || fail "a menu entry shows $other"
done

# What the postinst does: the class-data archive of KeyDesk's classes (packaging/linux/class-data.sh).
app="$root/opt/keydesk"
[ ! -e "$app/lib/runtime/lib/server/classes.jsa" ] || fail "the .deb carries a class-data archive; the postinst makes it"
# "made": the archives hold KeyDesk's classes; dump checks that the command line is loaded from the
# one, the window's main class from the other (listed at build time by opening the window under Xvfb)
[ -f "$app/lib/app/keydesk-desktop.classlist" ] || fail "the .deb carries no list of the window's classes"
dumped=$(sh "$app/lib/class-data.sh" dump "$app") || fail "class-data.sh dump failed"
contains "^class-data: made $app/lib/runtime/lib/server/classes.jsa\$" <<<"$dumped" || fail "class-data.sh dump made no archive of KeyDesk's classes"
contains "^class-data: made $app/lib/runtime/lib/server/desktop.jsa\$" <<<"$dumped" || fail "class-data.sh dump made no archive of the window's classes"
! ls "$app/lib/runtime/lib/server" | contains '^class-data\.' || fail "class-data.sh dump left its working folder behind"
echo "class-data archives of the installed app: ok (command line $(du -m "$app/lib/runtime/lib/server/classes.jsa" | cut -f1) MB, window $(du -m "$app/lib/runtime/lib/server/desktop.jsa" | cut -f1) MB)"

export KEYDESK_HOME="$root/data" KEYDESK_USER=admin KEYDESK_PASSWORD='smoke test password 1' LC_ALL=C.UTF-8
# The launchers are sh scripts (packaging/linux/launcher.sh): jpackage's native ones asked rpm and dpkg
# which package owns them at every start. A fake dpkg and rpm first on PATH record any call, from here
# to the window's start; the calls are judged once the window has run.
fakes="$root/fake-package-managers"
calls="$root/package-manager-calls"
mkdir "$fakes"
for tool in dpkg rpm; do
  printf '#!/bin/sh\nprintf "%%s\\n" "$0 $*" >>"$CALLS"\nexit 1\n' >"$fakes/$tool"
  chmod 755 "$fakes/$tool"
done
export CALLS="$calls" PATH="$fakes:$PATH"
# A launcher reached through a symbolic link (/usr/local/bin/keydesk) finds its image; -Xshare:on makes
# the JVM fail unless it maps the command line's archive (classes.jsa), so the launcher starts the JVM
# as the archive was made; and the archive draws no warning.
mkdir "$root/links"
ln -s "$kd" "$root/links/keydesk"
JAVA_TOOL_OPTIONS=-Xshare:on "$root/links/keydesk" --version 2>"$root/version.err" | contains '^KeyDesk ' \
  || { cat "$root/version.err" >&2; fail "--version through a symbolic link, with -Xshare:on"; }
! contains '\[cds\]' <"$root/version.err" || { cat "$root/version.err" >&2; fail "--version: the class-data archive gave a warning"; }
"$kd" --version | contains '^KeyDesk ' || fail "--version"
"$kd" init --site Smoke --admin admin 2>/dev/null || fail "init"
secret=$("$kd" keys create --site --name 'Smoke key' 2>/dev/null)
printf '%s\n' "$secret" | "$kd" keys verify >/dev/null 2>&1 || fail "keys verify of a fresh key"
printf '%s\n' "${secret%?}x" | "$kd" keys verify >/dev/null 2>&1 && fail "a near-miss key verified"
"$kd" audit verify >/dev/null || fail "audit verify"
echo "command line of the installed launcher: ok"

# The server's own launcher (bin/keydesk-serve: keydesk serve with the server's JVM options) on
# the same store: it answers /health and a key made above, and stops on SIGTERM.
serve="$root/opt/keydesk/bin/keydesk-serve"
[ -x "$serve" ] || fail "no server launcher at /opt/keydesk/bin/keydesk-serve"
port=$(( 20000 + RANDOM % 20000 ))
"$serve" --listen "127.0.0.1:$port" >"$root/serve.log" 2>"$root/serve.err" &
serve_pid=$!
for _ in $(seq 1 100); do grep -q 'serves' "$root/serve.err" 2>/dev/null && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$port/health" | contains '"ok"' || { cat "$root/serve.err" >&2; fail "keydesk-serve: /health"; }
curl -sf -H "X-FilesAPI-Key: $secret" "http://127.0.0.1:$port/api/rest/v1/api_key" | contains '"Smoke key"' \
  || fail "keydesk-serve: the key made above does not authenticate"
grep -q 'TieredStopAtLevel' "$app/lib/app/keydesk-serve.cfg" && fail "keydesk-serve carries the desktop's C1-only option"
kill -TERM "$serve_pid"
# 143 (128 + SIGTERM) is how every JVM ends on SIGTERM, after its shutdown hooks ran
status=0; wait "$serve_pid" || status=$?
[ "$status" -eq 143 ] && grep -q 'the store is closed' "$root/serve.err" || fail "keydesk-serve did not stop cleanly on SIGTERM ($status)"
grep -q 'GET /api/rest/v1/api_key 200' "$root/serve.log" || fail "keydesk-serve: no access-log line"
echo "server launcher of the installed app: ok"

display=:${SMOKE_DISPLAY:-97}
Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb_pid=$!
sleep 1
start=$(date +%s%N)
# as the menu entry starts it: a missing or stale archive would log "[error][cds]" (judged below), and
# -Xshare:on stops the window unless it maps its own archive (desktop.jsa)
DISPLAY=$display JAVA_TOOL_OPTIONS=-Xshare:on "$root/opt/keydesk/bin/keydesk-desktop" >"$root/gui.log" 2>&1 &
app_pid=$!
mapped=""
for _ in $(seq 1 300); do
  if DISPLAY=$display xwininfo -root -tree 2>/dev/null | contains '"KeyDesk'; then mapped=$(date +%s%N); break; fi
  kill -0 "$app_pid" 2>/dev/null || { cat "$root/gui.log" >&2; fail "the desktop app exited"; }
  sleep 0.05
done
[ -n "$mapped" ] || { cat "$root/gui.log" >&2; fail "no KeyDesk window within 15 s"; }
echo "launch to window mapped: $(( (mapped - start) / 1000000 )) ms"
# the window's JVM bears its launcher's name (lib/runtime/bin/keydesk-desktop, a link to java)
[ "$(cat "/proc/$app_pid/comm")" = keydesk-desktop ] || fail "the window's process is named $(cat "/proc/$app_pid/comm"), not keydesk-desktop"
sleep 6   # the window shows "Opening the store…" first; let it reach the sign-in screen
mkdir -p "$shots"
import -display "$display" -window root "$shots/installed-app.png"
# judge the log as it stood while the app ran: a SIGTERM can interrupt JavaFX's renderer mid-pulse
cp "$root/gui.log" "$root/gui-running.log"
kill "$app_pid" 2>/dev/null || true
wait "$app_pid" 2>/dev/null || true
grep -qiE 'exception|error|\[cds\]' "$root/gui-running.log" && { cat "$root/gui-running.log" >&2; fail "the desktop app logged an error"; }
echo "desktop window of the installed app: ok (screenshot $shots/installed-app.png)"
[ ! -s "$calls" ] || { cat "$calls" >&2; fail "a launcher asked the package manager which package owns it"; }
echo "launchers: no package-manager query, the class-data archives map: ok"

# A jar that no longer matches the archive makes the JVM warn; the warning goes to stderr, never
# into a command's output (the launcher's -Xlog options, packaging/common/jvm-options.txt).
touch "$app/lib/app/"h2-*.jar
"$kd" --version >"$root/version.out" 2>/dev/null
[ "$(wc -l <"$root/version.out")" -eq 1 ] && grep -q '^KeyDesk ' "$root/version.out" || fail "a JVM warning reached stdout"
"$kd" --version 2>&1 >/dev/null | contains 'warning' || fail "the stale archive gave no warning on stderr"
echo "JVM warnings stay off standard output: ok"
