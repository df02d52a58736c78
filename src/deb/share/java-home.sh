# java-home.sh: finds a Java 21 or newer. Sourced (not run) by jdirectord's launcher, which the Debian
# package installs with this file as /usr/share/jdirectord/java-home.sh, and by ./build and
# src/test/vm/run-kernel-tests from the source tree.
#
# find_java_home [jdk]: prints the home of $JAVA_HOME when it is 21 or newer, else of the newest 21+
# under /usr/lib/jvm, else of `java` on PATH when that is 21 or newer; returns 1 when there is none.
# With "jdk", only homes that also hold javac count.
JAVA_MIN_MAJOR=21

# The feature release of the runtime in directory $1 ("21", "25"), from its release file or, failing
# that, from the runtime itself; empty when $1 holds no runtime.
java_major() {
  [ -x "$1/bin/java" ] || return 0
  java_major_=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
  if [ -z "$java_major_" ]; then
    java_major_=$("$1/bin/java" -XshowSettings:properties -version 2>&1 |
      sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p')
  fi
  echo "$java_major_"
}

# java_usable DIR [jdk]: whether DIR holds a Java $JAVA_MIN_MAJOR+ (with javac when asked for "jdk").
java_usable() {
  if [ "${2:-}" = jdk ] && [ ! -x "$1/bin/javac" ]; then return 1; fi
  java_usable_=$(java_major "$1")
  [ -n "$java_usable_" ] && [ "$java_usable_" -ge "$JAVA_MIN_MAJOR" ]
}

find_java_home() {
  if [ -n "${JAVA_HOME:-}" ] && java_usable "$JAVA_HOME" "${1:-}"; then
    echo "$JAVA_HOME"; return 0
  fi
  for find_java_home_ in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    find_java_home_=${find_java_home_%/}
    if java_usable "$find_java_home_" "${1:-}"; then echo "$find_java_home_"; return 0; fi
  done
  find_java_home_=$(command -v java 2>/dev/null) || return 1
  find_java_home_=$(dirname "$(dirname "$(readlink -f "$find_java_home_")")")
  if java_usable "$find_java_home_" "${1:-}"; then echo "$find_java_home_"; return 0; fi
  return 1
}
