#!/usr/bin/env bash
# Brings up the whole Pacer stack on this machine with nothing but JDK 17+:
# an embedded redis-server (or $REDIS_URL), discovery, gateway, scheduler, secrets, health and two agents.
# Builds first when the jars are missing or older than the sources (one line per module built, the full
# Maven output in .pacer/build.log). Ctrl-C stops every process. ./run-local.sh --help lists the options.
set -euo pipefail
cd "$(dirname "$0")"

usage() {
  cat local-stack/src/main/resources/dev/pacer/stack/usage.txt   # the launcher's --help prints the same file
}

# options are checked before anything is built: a typo costs no build
for arg in "$@"; do
  case "$arg" in
    -h|--help) usage; exit 0 ;;
    --port-base=*|--redis-url=*|--home=*|--log-dir=*|--ready-timeout=*|--public|--insecure-dev|--compose-secrets|--compose-secrets=*) ;;
    *) echo "run-local.sh: unknown option $arg" >&2; usage >&2; exit 2 ;;
  esac
done

jar=local-stack/target/local-stack.jar
stale() {
  [ ! -f "$jar" ] && return 0
  [ -n "$(find . \( -name target -o -name .git -o -name .pacer -o -name node_modules \) -prune -o \
      -type f \( -name '*.java' -o -name pom.xml -o -name '*.yml' -o -name '*.properties' -o -name '*.lua' -o -name '*.txt' \) \
      -newer "$jar" -print -quit)" ]
}

# downloads LOG: ", N artifacts downloaded so far" while Maven downloads (a fresh machine), else nothing
downloads() {
  local n
  n="$(grep -c 'Downloaded from' "$1" || true)"
  [ "$n" -gt 0 ] && echo ", $n artifacts downloaded so far" || true
}

# build: Maven's output goes to .pacer/build.log; on the terminal one line per module as it starts (with the
# time since the build began and the artifacts downloaded so far, if any), a heartbeat every 15 s within a long module
build() {
  mkdir -p .pacer
  local log=.pacer/build.log start=$SECONDS last=$SECONDS module="" seen=0 pid rc lines count
  echo "Building Pacer (a fresh machine downloads ~200 MB of dependencies: a few minutes; full output in $log) ..."
  ./mvnw -B -DskipTests package >"$log" 2>&1 &
  pid=$!
  trap 'kill "$pid" 2>/dev/null; exit 130' INT TERM
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    # "[INFO] Building Pacer scheduler-service 0.1.0-SNAPSHOT   [6/12]": a module starts
    lines="$(grep -E '^\[INFO\] Building .*\[[0-9]+/[0-9]+\]$' "$log" 2>/dev/null || true)"
    count="$(printf '%s' "$lines" | grep -c . || true)"
    if [ "$count" -gt "$seen" ]; then
      printf '%s\n' "$lines" | tail -n +"$((seen + 1))" | while IFS= read -r line; do
        printf '  [%4d s] building %s%s\n' "$((SECONDS - start))" \
          "$(sed -E 's/^\[INFO\] Building (.*) [^ ]+ +(\[[0-9]+\/[0-9]+\])$/\1 \2/' <<<"$line")" "$(downloads "$log")"
      done
      seen=$count
      module="$(sed -E 's/^\[INFO\] Building (.*) [^ ]+ +\[.*$/\1/' <<<"$(printf '%s\n' "$lines" | tail -1)")"
      last=$SECONDS
    elif [ $((SECONDS - last)) -ge 15 ]; then
      if [ -n "$module" ]; then
        printf '  [%4d s] ... still building %s%s\n' "$((SECONDS - start))" "$module" "$(downloads "$log")"
      else
        printf '  [%4d s] ... Maven is starting (reading the poms, resolving plugins)%s\n' "$((SECONDS - start))" "$(downloads "$log")"
      fi
      last=$SECONDS
    fi
  done
  trap - INT TERM
  rc=0
  wait "$pid" || rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "The build failed (exit $rc); the end of $log:" >&2
    tail -n 40 "$log" >&2
    exit "$rc"
  fi
  echo "Built in $((SECONDS - start)) s."
}

if stale; then
  build
fi
echo "Starting the stack ..."
exec java -Dpacer.home="$PWD" -jar "$jar" "$@"
