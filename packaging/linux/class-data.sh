#!/bin/sh
# The class-data archives of an installed KeyDesk. With one the JVM maps the classes a process
# needs (H2, jOOQ, KeyDesk's own, the JDK's) from lib/runtime/lib/server instead of reading,
# verifying and linking them from the jars at every start: `keys list --json` of 100,000 keys went
# from 1.1 to 0.7 s (docs/PERFORMANCE.md). Two archives, one per kind of process:
#   classes.jsa  the command line's (bin/keydesk, the JVM's default archive), trained on its commands;
#   desktop.jsa  the window's (bin/keydesk-desktop, the menu entry's launcher, which names it in its
#                .cfg), trained on the window. Every process pays for every page of the archive it
#                maps (the JVM relocates all of it at start), so an archive holds one kind's classes:
#                the command line's held 1,150 classes the window never loads and none of JavaFX's,
#                and cost the window about 20 MB more than the JDK's own archive (docs/PERFORMANCE.md).
# An archive is 70-100 MB, more than the installer may grow, so the package carries only the lists
# of classes to put in them (lib/app/keydesk.classlist, keydesk-desktop.classlist, made at build
# time) and the archives are made on the machine at install time, as Debian's own JDK packages make
# theirs. The package does not carry jlink's archive either (train removes it from the image), so
# that every file the package owns stays as shipped (dpkg --verify) and the prerm removes the ones
# made here. If an archive cannot be made from its list, dump archives the JDK's start-up classes
# as jlink would; failing that too, the JVM starts without an archive: slower, never broken.
#
#   class-data.sh train IMAGE   build time: runs the command line over a scratch store with the
#                               image's own runtime and options, and writes IMAGE/lib/app/keydesk.classlist;
#                               then, where Xvfb is installed, opens the window on that store (signing
#                               in with xdotool where it is installed) and writes keydesk-desktop.classlist
#   class-data.sh dump DIR      install time (postinst, as root): makes DIR/lib/runtime/lib/server/classes.jsa
#                               and desktop.jsa from those lists, or else of the JDK's own start-up classes,
#                               as jlink does; it works in a root-only folder inside DIR and uses nothing in /tmp
#
# POSIX sh: the package's postinst runs it with /bin/sh.
set -eu

usage() { echo "usage: class-data.sh train IMAGE | dump DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
dir=$(cd "$2" && pwd)
# The launchers, by name: the image also holds keydesk-serve.cfg (the server's launcher), which
# maps the command line's archive. keydesk-desktop exists on Linux only (the menu entry's).
cfg=$dir/lib/app/keydesk.cfg
desktop_cfg=$dir/lib/app/keydesk-desktop.cfg
java=$dir/lib/runtime/bin/java
list=$dir/lib/app/keydesk.classlist
desktop_list=$dir/lib/app/keydesk-desktop.classlist
archive=$dir/lib/runtime/lib/server/classes.jsa
desktop_archive=$dir/lib/runtime/lib/server/desktop.jsa

# The launchers' class path, from the main .cfg (jpackage gives every launcher the same one), so that
# an archive matches what they start.
classpath=$(sed -n "s|^app.classpath=\\\$APPDIR|$dir/lib/app|p" "$cfg" | paste -sd: -)
main=$(sed -n 's|^app.mainclass=||p' "$cfg")
# A launcher's JVM options, one a line, from its .cfg: without the archive it names (the one being
# made or trained for) and without jpackage's own -Djpackage.* lines.
options_of() {
  sed -n 's|^java-options=||p' "$1" | grep -v -e '^-XX:SharedArchiveFile=' -e '^-Djpackage\.' || true
}
# The JDK's start-up list first, then each class once, by name only: runs number their classes each
# their own way, and only classes of custom class loaders (none here) need the numbers.
merge_lists() {
  cat "$dir/lib/runtime/lib/classlist" "$@" \
    | awk '/^#/ || / source: / { next } /^@/ { if (!seen[$0]++) print; next } { if (!seen[$1]++) print $1 }'
}

case $action in
  train)
    work=$(mktemp -d)
    xvfb=
    window=
    trap 'kill $window $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
    set --
    while IFS= read -r option; do
      set -- "$@" "$option"
    done <<EOF
$(options_of "$cfg")
EOF
    # One command of the installed command line ($commands), recording the classes it loads in $work/$1.classlist.
    run() {
      name=$1
      shift
      "$java" "$@" -XX:DumpLoadedClassList="$work/$name.classlist" -cp "$classpath" "$main" --data "$work/store" $commands \
        || { echo "class-data: training command failed: keydesk $commands" >&2; return 1; }
    }
    export KEYDESK_USER=trainer KEYDESK_PASSWORD='class data training password'
    # init and demo-data make the store; their classes (Flyway's migrations, about 900 with what
    # they pull in) are for a store's first minute and are not recorded.
    commands="init --site Training --admin trainer";   "$java" "$@" -cp "$classpath" "$main" --data "$work/store" $commands >/dev/null 2>&1
    commands="demo-data --keys 500";                    "$java" "$@" -cp "$classpath" "$main" --data "$work/store" $commands >/dev/null 2>&1
    # The new key's secret goes to verify through a shell variable and a pipe, never into a file.
    # Verify starts once create has ended: started beside it, it could open the store while create
    # still held it ("in use by another KeyDesk process"), which a busy build machine did.
    commands="keys create --site --name Training";      secret=$(run create "$@" 2>/dev/null)
    printf '%s\n' "$secret" | { commands="keys verify"; run verify "$@" >/dev/null; }
    secret=
    commands="keys list --json";                        run list-json "$@" >/dev/null
    commands="keys list";                               run list "$@" >/dev/null
    commands="keys export --format csv";                run export "$@" >/dev/null
    commands="users list";                              run users "$@" >/dev/null
    commands="audit verify";                            run audit "$@" >/dev/null
    merge_lists "$work"/*.classlist >"$list"
    echo "class-data: $(grep -c -v '^@' "$list") classes listed in $list"

    # The window, on the same store: opened under Xvfb, signed in with xdotool, left to draw the key
    # tables, then closed. Without Xvfb the desktop's archive holds the JDK's start-up classes (dump).
    rm -f "$desktop_list"
    if [ -f "$desktop_cfg" ] && command -v Xvfb >/dev/null 2>&1 && command -v xwininfo >/dev/null 2>&1; then
      set --
      while IFS= read -r option; do
        set -- "$@" "$option"
      done <<EOF
$(options_of "$desktop_cfg")
EOF
      # a free display, chosen by Xvfb itself
      Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" >/dev/null 2>&1 &
      xvfb=$!
      tries=0
      until [ -s "$work/display" ] || [ $tries -ge 100 ]; do sleep 0.1; tries=$((tries + 1)); done
      DISPLAY=:$(cat "$work/display")
      export DISPLAY
      # titled "Sign in — KeyDesk — STORE", then "KeyDesk — …" once signed in
      titled() { xwininfo -root -children 2>/dev/null | grep -q "$1"; }
      "$java" "$@" -XX:DumpLoadedClassList="$work/desktop.list" -cp "$classpath" "$main" --data "$work/store" >/dev/null 2>&1 &
      window=$!
      tries=0
      until titled 'Sign in' || [ $tries -ge 600 ]; do sleep 0.1; tries=$((tries + 1)); done
      if titled 'Sign in' && command -v xdotool >/dev/null 2>&1; then
        sleep 1
        xdotool search --name 'Sign in' windowfocus
        sleep 0.3
        xdotool type --delay 5 trainer
        xdotool key Tab type --delay 5 "$KEYDESK_PASSWORD"
        xdotool key Return
        tries=0
        until { titled 'KeyDesk' && ! titled 'Sign in'; } || [ $tries -ge 300 ]; do sleep 0.1; tries=$((tries + 1)); done
      fi
      sleep 3
      kill $window 2>/dev/null || true
      wait $window 2>/dev/null || true
      window=
      if grep -q '^javafx/scene/Scene' "$work/desktop.list" 2>/dev/null; then
        merge_lists "$work/desktop.list" >"$desktop_list"
        echo "class-data: $(grep -c -v '^@' "$desktop_list") classes listed in $desktop_list"
      else
        echo "class-data: the window did not open under Xvfb; the desktop's archive will hold the JDK's start-up classes" >&2
      fi
    elif [ -f "$desktop_cfg" ]; then
      echo "class-data: no Xvfb (or xwininfo) here; the desktop's archive will hold the JDK's start-up classes" >&2
    fi
    rm -f "$archive"                      # made at install time instead
    cp "$0" "$dir/lib/class-data.sh"   # the package's postinst runs it from there
    chmod 755 "$dir/lib/class-data.sh"
    ;;
  dump)
    # Runs as root (the postinst). Nothing here uses a name in a folder others can write to: the
    # work happens in a fresh folder beside the archive, inside the install tree (root's, never
    # world-writable), made by mktemp -d with umask 077, and removed on every way out. Its JVMs get
    # it as their temporary folder and current folder, keep no perf-data file in /tmp
    # (-XX:-UsePerfData), and write their class-load log with rotation off (filecount=0): the JVM's
    # rotation renames and re-creates its log by a derived name, following symbolic links.
    umask 077
    work=$(mktemp -d "$(dirname "$archive")/class-data.XXXXXXXXXX")
    trap 'rm -rf "$work"' EXIT
    trap 'exit 1' HUP INT TERM
    log=$work/log
    # make LAUNCHER_CFG CLASSES ARCHIVE CHECK: an archive of the classes in the list CLASSES, with
    # the launcher's own options, put in place as ARCHIVE only once the app has started with it
    # and, when CHECK is given, has taken that class from it.
    make() {
      launcher=$1 classes=$2 target=$3 check=$4
      set --
      while IFS= read -r option; do
        set -- "$@" "$option"
      done <<EOF
$(options_of "$launcher")
EOF
      rm -f "$work/classes.jsa" "$work/loaded"
      ( cd "$work" && TMPDIR=$work "$java" "$@" -XX:-UsePerfData -Djava.io.tmpdir="$work" \
          -Xshare:dump -XX:SharedClassListFile="$classes" -XX:SharedArchiveFile="$work/classes.jsa" -cp "$classpath" ) >>"$log" 2>&1 \
        && ( cd "$work" && TMPDIR=$work "$java" "$@" -XX:-UsePerfData -Djava.io.tmpdir="$work" \
          -Xshare:on -XX:SharedArchiveFile="$work/classes.jsa" -Xlog:class+load:file="$work/loaded"::filecount=0 \
          -cp "$classpath" "$main" --version ) >>"$log" 2>&1 \
        && { [ -z "$check" ] || grep -q "$check source: shared objects file" "$work/loaded"; } \
        && chmod 644 "$work/classes.jsa" \
        && mv -f "$work/classes.jsa" "$target"   # same file system: the archive appears whole or not at all
    }
    status=0
    if [ -f "$list" ] && make "$cfg" "$list" "$archive" com.keydesk.cli.Cli; then
      echo "class-data: made $archive"
    elif make "$cfg" "$dir/lib/runtime/lib/classlist" "$archive" ""; then
      tail -5 "$log" >&2
      echo "class-data: could not archive KeyDesk's classes; made one of the JDK's own start-up classes" >&2
    else
      tail -5 "$log" >&2
      echo "class-data: could not make a class-data archive; KeyDesk starts without one, more slowly" >&2
      status=1
    fi
    if [ -f "$desktop_cfg" ]; then
      desktop_main=$(sed -n 's|^app.mainclass=||p' "$desktop_cfg")
      if [ -f "$desktop_list" ] && make "$desktop_cfg" "$desktop_list" "$desktop_archive" "$desktop_main"; then
        echo "class-data: made $desktop_archive"
      elif make "$desktop_cfg" "$dir/lib/runtime/lib/classlist" "$desktop_archive" ""; then
        [ ! -f "$desktop_list" ] || { tail -5 "$log" >&2; echo "class-data: could not archive the window's classes; made one of the JDK's own start-up classes" >&2; }
        echo "class-data: made $desktop_archive of the JDK's start-up classes"
      else
        tail -5 "$log" >&2
        echo "class-data: could not make the window's class-data archive; it starts without one, more slowly" >&2
        status=1
      fi
    fi
    exit $status
    ;;
  *) usage ;;
esac
