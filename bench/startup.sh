#!/usr/bin/env bash
# Start-up of packaged jars, in alternation: the time from launching `java -jar` to the first answer
# of /actuator/health, and the service's own log line for the rules (checked and compiled in ... ms).
# Each jar starts "cold" (an empty compiled-rules cache) and "cached" (the cache its previous start
# filled); a jar without the cache starts the same way both times. Builds that log the time of each
# stage of the rules (safety check, compilation, golden cases, population guard) have it printed too.
#
# Usage: bench/startup.sh [rounds] JAR [JAR...]   (default 3 rounds; e.g. a build of main, then this one)
# PORT (default 18082) and RULES (default ./rules) can be set.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=3
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then ROUNDS=$1; shift; fi
[ $# -gt 0 ] || { echo "usage: bench/startup.sh [rounds] JAR [JAR...]" >&2; exit 1; }
PORT=${PORT:-18082}
RULES=${RULES:-rules}
WORK=$(mktemp -d target/startup.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
echo "$(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

start() { # jar cache-directory label
  local log="$WORK/start.log" begin end app
  begin=$(date +%s%N)
  java -Xmx512m -jar "$1" --server.port="$PORT" --parcours.rules.directory="$RULES" --parcours.rules.watch.enabled=false \
       --parcours.rules.cache.directory="$2" > "$log" 2>&1 &
  app=$!
  until curl -fs "localhost:$PORT/actuator/health" >/dev/null 2>&1; do
    kill -0 $app 2>/dev/null || { echo "the service did not start: $log" >&2; cat "$log" >&2; exit 1; }
    sleep 0.05
  done
  end=$(date +%s%N)
  # CPU time of the process until then (all its threads): on a shared machine steadier than the wall time
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' /proc/$app/stat)
  kill $app; wait $app 2>/dev/null || true
  printf '%-40s %-7s %6d ms to the first answer, %5s s of CPU; %s\n' "$1" "$3" $(( (end - begin) / 1000000 )) "$cpu" \
    "$(grep -o 'checked and compiled in [0-9]* ms' "$log" | sed 's/checked and compiled in/rules in/')"
  # where the rules' time went, on builds that log it
  grep -o 'Candidate [0-9a-f]*: .*' "$log" | sed 's/^/    /' || true
}

for round in $(seq "$ROUNDS"); do
  index=0
  for jar in "$@"; do
    index=$((index + 1))
    cache="$WORK/cache-$round-$index"
    start "$jar" "$cache" cold
    start "$jar" "$cache" cached
  done
done
