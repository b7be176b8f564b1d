# Shared by daemons/bin/* and product/bin/*; sourced, not run.
# Finds a JDK 21+, builds the products with ./mvnw when they are missing, and starts one product with a
# private copy of its OSGi configuration area (so several processes can run from one product).

MESETA_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

meseta_die() {
  echo "$MESETA_PROGRAM: $*" >&2
  exit 1
}

# The major version of a java binary, e.g. 17 or 25.
meseta_java_major() {
  local version
  version=$("$1" -version 2>&1 | awk -F'"' '/version/ {print $2; exit}') || return 1
  version=${version#1.}
  echo "${version%%[.+-]*}"
}

# Sets JAVA_HOME to a JDK 21 or newer: $JAVA_HOME when it is one, otherwise the newest under /usr/lib/jvm.
meseta_find_java() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(meseta_java_major "$JAVA_HOME/bin/java")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then
      return 0
    fi
    echo "$MESETA_PROGRAM: JAVA_HOME=$JAVA_HOME is Java $major; looking for Java 21+ under /usr/lib/jvm" >&2
  fi
  for candidate in /usr/lib/jvm/*/; do
    candidate=${candidate%/}
    if [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ]; then
      major=$(meseta_java_major "$candidate/bin/java")
      if [ "${major:-0}" -gt "$best_major" ] 2>/dev/null; then
        best=$candidate
        best_major=$major
      fi
    fi
  done
  if [ "$best_major" -ge 21 ]; then
    export JAVA_HOME=$best
    return 0
  fi
  meseta_die "needs a JDK 21 or newer. Set JAVA_HOME, or install one (e.g. apt-get install openjdk-21-jdk-headless)."
}

# JVM options our JDK needs: Netty (and Maven's own libraries) use sun.misc.Unsafe, which JDK 23 and newer
# warn about unless it is allowed; older JDKs do not know the option. The agent starts tasks with posix_spawn(3)
# through the foreign function API (org.meseta.agent.posixspawn), which needs native access.
meseta_jvm_options() {
  echo "--enable-native-access=ALL-UNNAMED"
  if [ "$(meseta_java_major "$JAVA_HOME/bin/java")" -ge 23 ]; then
    echo "--sun-misc-unsafe-memory-access=allow"
  fi
}

# Builds every product (bundles, features, daemons, console) without running tests, printing one line
# per module as the build goes; the full output goes to target/meseta-build.log.
meseta_build() {
  local log="$MESETA_ROOT/target/meseta-build.log" status=0
  mkdir -p "$MESETA_ROOT/target"
  echo "$MESETA_PROGRAM: $1 is not built yet; building Meseta with ./mvnw (log: $log)" >&2
  echo "$MESETA_PROGRAM: the first build downloads about 200 MB from Maven Central and takes a few minutes" >&2
  (cd "$MESETA_ROOT" && MAVEN_OPTS="${MAVEN_OPTS:-} $(meseta_jvm_options)" ./mvnw -B -ntp -DskipTests package \
    < /dev/null) 2>&1 | tee "$log" \
    | sed -n -u -E 's/^\[INFO\] Building (.+) [0-9][^ ]* +\[([0-9]+\/[0-9]+)\]$/  [\2] \1/p' >&2 \
    || status=$?
  if [ "$status" -ne 0 ]; then
    grep -E '^\[ERROR\]' "$log" | head -20 >&2
    meseta_die "the build failed; see $log"
  fi
  echo "$MESETA_PROGRAM: build finished" >&2
}

# Adds each bundle jar of the array MESETA_EXTRA_BUNDLES (if set) to the product configuration copy $1, to be
# installed like the product's own bundles: one line in simpleconfigurator's bundles.info with the jar's own
# symbolic name and version (simpleconfigurator uninstalls a bundle whose version differs from its line's).
meseta_add_bundles() {
  local configuration=$1 jar manifest name version work
  for jar in "${MESETA_EXTRA_BUNDLES[@]+"${MESETA_EXTRA_BUNDLES[@]}"}"; do
    manifest=""
    work=$(mktemp -d)
    if (cd "$work" && "$JAVA_HOME/bin/jar" -xf "$jar" META-INF/MANIFEST.MF) 2> /dev/null \
        && [ -f "$work/META-INF/MANIFEST.MF" ]; then
      # Manifest lines are wrapped at 72 bytes: a line starting with a space continues the previous one.
      manifest=$(tr -d '\r' < "$work/META-INF/MANIFEST.MF" | sed -e ':a' -e 'N' -e '$!ba' -e 's/\n //g')
    fi
    rm -rf "$work"
    name=$(printf '%s\n' "$manifest" | sed -n 's/^Bundle-SymbolicName: *\([^;]*\).*/\1/p')
    version=$(printf '%s\n' "$manifest" | sed -n 's/^Bundle-Version: *//p')
    if [ -z "$name" ] || [ -z "$version" ]; then
      meseta_die "$jar is not an OSGi bundle: it has no Bundle-SymbolicName or Bundle-Version"
    fi
    echo "$name,$version,file:${jar// /%20},4,false" \
      >> "$configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"
  done
}

# meseta_run_product <module dir> <product id> <root folder> [product args...]
meseta_run_product() {
  local module=$1 id=$2 folder=$3
  shift 3
  local product="$MESETA_ROOT/$module/target/products/$id/linux/gtk/x86_64/$folder"
  meseta_find_java
  if ! ls "$product"/plugins/org.eclipse.equinox.launcher_*.jar > /dev/null 2>&1; then
    meseta_build "$module/target/products/$id"
  fi
  local launcher
  launcher=$(ls "$product"/plugins/org.eclipse.equinox.launcher_*.jar | head -1)
  [ -f "$launcher" ] || meseta_die "the build did not produce $product"

  local configuration
  configuration=$(mktemp -d "${TMPDIR:-/tmp}/$MESETA_PROGRAM.XXXXXX")
  cp -R "$product/configuration/." "$configuration/"
  meseta_add_bundles "$configuration"

  # shellcheck disable=SC2046,SC2086  # both expand to lists of options
  "$JAVA_HOME/bin/java" $(meseta_jvm_options) ${MESETA_JAVA_OPTS:-} \
    -Djava.util.logging.SimpleFormatter.format='%1$tF %1$tT.%1$tL %4$-7s %3$s: %5$s%6$s%n' \
    -jar "$launcher" -configuration "$configuration" -consoleLog "$@" &
  local pid=$!
  trap 'kill -TERM "$pid" 2>/dev/null' TERM INT HUP
  local status=0
  while kill -0 "$pid" 2>/dev/null; do
    wait "$pid" && status=0 || status=$?
  done
  trap - TERM INT HUP
  rm -rf "$configuration"
  return "$status"
}
