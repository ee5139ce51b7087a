#!/bin/sh
# KeyDesk's launchers on Linux: bin/keydesk, bin/keydesk-desktop and bin/keydesk-serve are this one
# script under three names, put in place of jpackage's native launchers by the app-image build
# (pom.xml, execution app-image). jpackage's launcher asks the package managers which package owns it
# at every start (sh -c "rpm -qf ..." then sh -c "dpkg -S ...", once in its C part and once in
# libapplauncher's C++), and dpkg -S reads the whole package database: 0.2-0.5 s before the JVM
# starts, paid by every command (docs/PERFORMANCE.md, "jpackage's launcher and the package manager").
#
# It starts the JVM as jpackage's launcher did (JDK 25, src/jdk.jpackage/share/native/applauncher:
# AppLauncher.cpp, JvmLauncher.cpp, CfgFile.cpp, StringProcessing.cpp), so that the class-data
# archives made at install time (lib/class-data.sh) still map:
#   lib/runtime/bin/java -classpath CP JAVA-OPTIONS... -Djpackage.app-path=LAUNCHER MAINCLASS ARGS...
# reading lib/app/NAME.cfg at every start, so that an edited java-options line (-Xmx) takes effect.
# The .cfg is data: its values are never run. jpackage's tokens are replaced as its launcher does:
# $APPDIR, $BINDIR, $ROOTDIR, $NAME or ${NAME} of a variable set in the environment (any other stays
# as written), \$ and \\ for $ and \. As there, a section given twice counts only in its last
# occurrence that holds a property.
# Two things it does not copy: jpackage's launcher appended lib/app to LD_LIBRARY_PATH (":lib/app"
# when it was unset, whose empty first entry is the current folder, for the JVM's java.library.path
# and for every program the app starts); lib/app holds no native library. And the java command's own
# additions are switched off: no @argument files (--disable-@files), no JDK_JAVA_OPTIONS, as there.
#
# POSIX sh: no arrays, so the JVM's arguments are built in "$@" behind the person's own, which are
# then moved to the end; nothing is re-split, globbed or evaluated.

self=$(readlink -f -- "$0") || self=
name=${self##*/}
bindir=${self%/*}
root=${bindir%/*}
appdir=$root/lib/app
cfg=$appdir/$name.cfg
java=$root/lib/runtime/bin/java
newline='
'

fail() {
  printf 'keydesk: %s\n' "$1" >&2
  exit 1
}
[ -n "$self" ] || fail "cannot find where this launcher ($0) is installed."
[ -f "$cfg" ] && [ -r "$cfg" ] || fail "cannot read $cfg, the settings of $name; reinstall KeyDesk."
[ -f "$java" ] && [ -x "$java" ] || fail "cannot run $java, the Java runtime of KeyDesk; reinstall KeyDesk."

# lookup NAME: appends the value of jpackage's token NAME to $expanded, or the token as written
# when it names no variable that is set (as jpackage's launcher does).
lookup() {
  case $1 in
    APPDIR) expanded=$expanded$appdir ;;
    BINDIR) expanded=$expanded$bindir ;;
    ROOTDIR) expanded=$expanded$root ;;
    *)
      # printenv, not eval: the name is never read as code. The dot keeps a value's own trailing newlines.
      if value=$(printenv -- "$1" && echo .); then
        value=${value%.}
        expanded=$expanded${value%"$newline"}
      else
        expanded=$expanded$2
      fi
      ;;
  esac
}

# expand TEXT: sets $expanded to TEXT with jpackage's tokens replaced, left to right in one pass (a
# value put in is not read again).
expand() {
  rest=$1
  expanded=
  while :; do
    head=${rest%%[\\$]*}
    expanded=$expanded$head
    rest=${rest#"$head"}
    case $rest in
      '') return ;;
      '\\'* | '\$'*)
        tail=${rest#??}
        escaped=${rest#?}
        expanded=$expanded${escaped%"$tail"}
        rest=$tail
        ;;
      '\'*) expanded=$expanded'\'; rest=${rest#?} ;;
      '${'*'}'*)
        token=${rest%%\}*}\}
        rest=${rest#"$token"}
        token_name=${token#??}
        lookup "${token_name%?}" "$token"
        ;;
      '${'*) expanded=$expanded$rest; return ;;
      '$'[A-Za-z_]*)
        token_name=${rest#?}
        token_name=${token_name%%[!A-Za-z0-9_]*}
        rest=${rest#?"$token_name"}
        lookup "$token_name" "\$$token_name"
        ;;
      *) expanded=$expanded'$'; rest=${rest#?} ;;
    esac
  done
}

# known KEY: whether jpackage's launcher keeps KEY; a section that holds one replaces an earlier
# section of the same name.
known() {
  case $1 in
    app.version | app.mainjar | app.mainmodule | app.mainclass | app.classpath | app.modulepath | \
    app.runtime | app.splash | app.memory | arguments | java-options | win.norestart) return 0 ;;
    *) return 1 ;;
  esac
}

# First reading: the occurrence of each section that counts (the last one holding a known property).
section= occurrence=0 application=0 java_options=0
while IFS= read -r line || [ -n "$line" ]; do
  case $line in
    '' | ';'*) ;;
    '['*)
      case $line in *']'*) ;; *) fail "$cfg, the settings of $name, has a line starting with [ and no ]." ;; esac
      section=${line#\[}
      section=${section%]*}
      occurrence=$((occurrence + 1))
      ;;
    *)
      known "${line%%=*}" || continue
      case $section in
        Application) application=$occurrence ;;
        JavaOptions) java_options=$occurrence ;;
      esac
      ;;
  esac
done <"$cfg"

# Second reading: the class path and main class, and the JVM options behind the person's arguments.
arguments=$#
classpath= main= has_classpath=
section= occurrence=0
while IFS= read -r line || [ -n "$line" ]; do
  case $line in
    '' | ';'*) continue ;;
    '['*)
      section=${line#\[}
      section=${section%]*}
      occurrence=$((occurrence + 1))
      continue
      ;;
  esac
  key=${line%%=*}
  case $line in *=*) value=${line#*=} ;; *) value= ;; esac
  if [ "$section" = Application ] && [ "$occurrence" = "$application" ]; then
    case $key in
      app.classpath) expand "$value"; classpath=$classpath${has_classpath:+:}$expanded; has_classpath=1 ;;
      app.mainclass) expand "$value"; main=$expanded ;;
      app.mainjar | app.mainmodule | app.modulepath | app.runtime | app.splash)
        fail "$cfg, the settings of $name, sets $key, which KeyDesk's launcher does not take; reinstall KeyDesk." ;;
    esac
  elif [ "$section" = JavaOptions ] && [ "$occurrence" = "$java_options" ] && [ "$key" = java-options ]; then
    expand "$value"
    set -- "$@" "$expanded"
  elif [ "$section" = ArgOptions ] && [ "$key" = arguments ]; then
    fail "$cfg, the settings of $name, sets arguments, which KeyDesk's launcher does not take; reinstall KeyDesk."
  fi
done <"$cfg"
[ -n "$main" ] || fail "$cfg, the settings of $name, names no main class; reinstall KeyDesk."

set -- "$@" "-Djpackage.app-path=$self" "$main"
# the person's arguments, untouched, from the front to the end
while [ "$arguments" -gt 0 ]; do
  set -- "$@" "$1"
  shift
  arguments=$((arguments - 1))
done
unset JDK_JAVA_OPTIONS
# The JVM runs under the launcher's name, as under jpackage's launcher (ps, top, pkill keydesk-serve,
# the journal's identifier): the app-image build links lib/runtime/bin/NAME to java, and the kernel
# names a process after the file it was started through. java finds its runtime from the link's target.
[ -x "$root/lib/runtime/bin/$name" ] && java=$root/lib/runtime/bin/$name
if [ -n "$has_classpath" ]; then
  exec "$java" --disable-@files -classpath "$classpath" "$@"
fi
exec "$java" --disable-@files "$@"
