#!/usr/bin/env bash
# Brings up the whole Pacer stack on this machine with nothing but JDK 17+:
# an embedded redis-server (or $REDIS_URL), discovery, gateway, scheduler, secrets, health and two agents.
# Builds first when the jars are missing or older than the sources. Ctrl-C stops every process.
# Options: --port-base=N (every process on N, N+1, ...), --redis-url=URL, --ready-timeout=SECONDS
set -euo pipefail
cd "$(dirname "$0")"
jar=local-stack/target/local-stack.jar
stale() {
  [ ! -f "$jar" ] && return 0
  [ -n "$(find . \( -name target -o -name .git -o -name .pacer -o -name node_modules \) -prune -o \
      -type f \( -name '*.java' -o -name pom.xml -o -name '*.yml' -o -name '*.properties' -o -name '*.lua' \) \
      -newer "$jar" -print -quit)" ]
}
if stale; then
  echo "Building Pacer first (a fresh machine downloads ~200 MB of dependencies: a few minutes) ..."
  ./mvnw -B -q -DskipTests package
fi
exec java -Dpacer.home="$PWD" -jar "$jar" "$@"
