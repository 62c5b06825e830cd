# Sourced by the bin/ scripts: pick a JDK of at least 21 and export JAVA_HOME.
# Order: JAVA_HOME if it is new enough, then the newest JDK under the usual install roots.

MIN_JAVA=21

java_major() { # $1 = a JDK home; prints its major version or nothing
  local release="$1/release" v
  [ -x "$1/bin/java" ] || return 0
  if [ -f "$release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  else
    v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)
  fi
  [ "$v" = "1" ] && v=8
  echo "$v"
}

pick_java() {
  local best="" best_v=0 home v
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(java_major "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge "$MIN_JAVA" ]; then
      export JAVA_HOME
      return 0
    fi
  fi
  for home in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$home" ] || continue
    [ -x "$home/bin/javac" ] || continue
    v=$(java_major "$home")
    [ -n "$v" ] || continue
    if [ "$v" -ge "$MIN_JAVA" ] && [ "$v" -gt "$best_v" ]; then
      best="$home"; best_v="$v"
    fi
  done
  if [ -z "$best" ]; then
    echo "error: this project needs a JDK $MIN_JAVA or newer, and none was found." >&2
    echo "       Found: ${JAVA_HOME:-no JAVA_HOME}; default java is $(java -version 2>&1 | head -n1)." >&2
    echo "       Install one (e.g. 'apt-get install openjdk-21-jdk' or Temurin 21/25) or set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}

pick_java || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
