#!/bin/sh
# The class-data archive of an installed KeyDesk. With it the JVM maps the classes a command
# needs (H2, jOOQ, KeyDesk's own, the JDK's) from lib/runtime/lib/server/classes.jsa instead of
# reading, verifying and linking them from the jars at every start: `keys list --json` of
# 100,000 keys went from 1.1 to 0.7 s (docs/PERFORMANCE.md). That archive is about 72 MB, more
# than the installer may grow, so the package carries only the list of classes to put in it
# (lib/app/keydesk.classlist, made at build time) and the archive is made on the machine at
# install time, as Debian's own JDK packages make theirs. The package does not carry jlink's
# archive either (train removes it from the image), so that every file the package owns stays as
# shipped (dpkg --verify) and the prerm removes the one made here. If KeyDesk's classes cannot be
# archived, dump archives the JDK's start-up classes as jlink would; failing that too, the JVM
# starts without an archive: slower, never broken.
#
#   class-data.sh train IMAGE   build time: runs the command line over a scratch store with the
#                               image's own runtime and options, and writes IMAGE/lib/app/keydesk.classlist
#   class-data.sh dump DIR      install time (postinst, as root): makes DIR/lib/runtime/lib/server/classes.jsa
#                               from that list, or else of the JDK's own start-up classes, as jlink does;
#                               it works in a root-only folder inside DIR and uses nothing in /tmp
#
# POSIX sh: the package's postinst runs it with /bin/sh.
set -eu

usage() { echo "usage: class-data.sh train IMAGE | dump DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
dir=$(cd "$2" && pwd)
# The main launcher's, by name: the image also holds keydesk-serve.cfg (the server's launcher).
cfg=$dir/lib/app/keydesk.cfg
java=$dir/lib/runtime/bin/java
list=$dir/lib/app/keydesk.classlist
archive=$dir/lib/runtime/lib/server/classes.jsa

# The launcher's class path and JVM options, from its .cfg, so that the archive matches what it starts.
classpath=$(sed -n "s|^app.classpath=\\\$APPDIR|$dir/lib/app|p" "$cfg" | paste -sd: -)
main=$(sed -n 's|^app.mainclass=||p' "$cfg")
set --
while IFS= read -r option; do
  set -- "$@" "$option"
done <<EOF
$(sed -n 's|^java-options=||p' "$cfg")
EOF

case $action in
  train)
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    # One command of the installed command line ($commands), recording the classes it loads in $work/$1.classlist.
    run() {
      name=$1
      shift
      "$java" "$@" -XX:DumpLoadedClassList="$work/$name.classlist" -cp "$classpath" "$main" --data "$work/store" $commands \
        || { echo "class-data: training command failed: keydesk $commands" >&2; return 1; }
    }
    export KEYDESK_USER=trainer KEYDESK_PASSWORD='class data training password'
    commands="init --site Training --admin trainer";   run init "$@" >/dev/null 2>&1
    commands="demo-data --keys 500";                    run demo "$@" >/dev/null 2>&1
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
    # The JDK's own start-up list first, then each class once, by name only: the runs numbered their
    # classes each their own way, and only classes of custom class loaders (none here) need the numbers.
    cat "$dir/lib/runtime/lib/classlist" "$work"/*.classlist \
      | awk '/^#/ || / source: / { next } /^@/ { if (!seen[$0]++) print; next } { if (!seen[$1]++) print $1 }' >"$list"
    rm -f "$archive"                      # made at install time instead
    cp "$0" "$dir/lib/class-data.sh"   # the package's postinst runs it from there
    chmod 755 "$dir/lib/class-data.sh"
    echo "class-data: $(grep -c -v '^@' "$list") classes listed in $list"
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
    # An archive of the classes in the list $1, put in place only once the app has started with it
    # and, for KeyDesk's list, has taken its own command line (com.keydesk.cli.Cli) from it.
    make() {
      rm -f "$work/classes.jsa" "$work/loaded"
      classes=$1
      shift
      ( cd "$work" && TMPDIR=$work "$java" "$@" -XX:-UsePerfData -Djava.io.tmpdir="$work" \
          -Xshare:dump -XX:SharedClassListFile="$classes" -XX:SharedArchiveFile="$work/classes.jsa" -cp "$classpath" ) >>"$log" 2>&1 \
        && ( cd "$work" && TMPDIR=$work "$java" "$@" -XX:-UsePerfData -Djava.io.tmpdir="$work" \
          -Xshare:on -XX:SharedArchiveFile="$work/classes.jsa" -Xlog:class+load:file="$work/loaded"::filecount=0 \
          -cp "$classpath" "$main" --version ) >>"$log" 2>&1 \
        && { [ "$classes" != "$list" ] || grep -q 'com.keydesk.cli.Cli source: shared objects file' "$work/loaded"; } \
        && chmod 644 "$work/classes.jsa" \
        && mv -f "$work/classes.jsa" "$archive"   # same file system: the archive appears whole or not at all
    }
    if [ -f "$list" ] && make "$list" "$@"; then
      echo "class-data: made $archive"
    elif make "$dir/lib/runtime/lib/classlist" "$@"; then
      tail -5 "$log" >&2
      echo "class-data: could not archive KeyDesk's classes; made one of the JDK's own start-up classes" >&2
    else
      tail -5 "$log" >&2
      echo "class-data: could not make a class-data archive; KeyDesk starts without one, more slowly" >&2
      exit 1
    fi
    ;;
  *) usage ;;
esac
