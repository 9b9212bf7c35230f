#!/usr/bin/env bash
# Start-up of packaged jars, in alternation: the time from launching the service to the first answer
# of /actuator/health, the CPU seconds of the process until then, the time of the first assessment
# answered right after (POST /api/v1/assessments, demo user), then that of the API description
# (GET /v3/api-docs, built at its first request), and the service's own log line for the
# rules (checked and compiled in ... ms). Each variant starts "cold" (an empty compiled-rules cache)
# and "cached" (the cache its previous start filled); a build without the cache starts the same way
# both times. Builds that log the time of each stage of the rules have it printed too.
#
# Usage: bench/startup.sh [rounds] VARIANT [VARIANT...]   (default 3 rounds)
# A variant is one argument: a jar, optionally followed by JVM options, started as
# `java -Xmx512m OPTIONS -jar JAR`; or a launch script followed by its arguments (anything not ending
# in .jar), given the service's arguments after them and JAVA_OPTS=-Xmx512m plus the JVM options
# written before the script. For example:
#   bench/startup.sh 3 main.jar target/parcours.jar
#   bench/startup.sh 3 target/parcours.jar "target/parcours.jar -XX:TieredStopAtLevel=1" "bin/parcours target/parcours.jar"
#   bench/startup.sh 3 "bin/parcours target/parcours.jar" "-XX:+UseSerialGC bin/parcours target/parcours.jar"
#   bench/startup.sh 3 "11f4431:bin/parcours main.jar" "bin/parcours target/parcours.jar"   (a script as of a commit)
# Each start also prints where its CPU seconds went, by thread: Spring's main thread, the JIT compilers,
# the garbage collector, the rules' threads (those that ended before the first answer together with the rest that did).
# bin/parcours makes its class data sharing archive at its first start (a training start, then the
# dump): with STARTS=cached that is the untimed start that fills the cache. Each launch-script variant
# keeps its archive in this run's own directory (PARCOURS_CDS_DIRECTORY, if set, is used instead), so
# an archive an older script made for the same jar is not reused.
# PORT (default 18082), RULES (default ./rules) and STARTS (default "cold cached"; "cached" alone
# fills each variant's cache once, untimed, and times its cached starts only) can be set.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=3
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then ROUNDS=$1; shift; fi
[ $# -gt 0 ] || { echo "usage: bench/startup.sh [rounds] VARIANT [VARIANT...]" >&2; exit 1; }
PORT=${PORT:-18082}
RULES=${RULES:-rules}
STARTS=${STARTS:-cold cached}
EXAMPLE=datasets/examples/heart-failure-81.json
WORK=$(mktemp -d target/startup.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
echo "$(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

millis() { echo $(( $(date +%s%N) / 1000000 )); }

start() { # variant cache-directory label [quiet]
  local log="$WORK/start.log" begin end first description app words
  read -r -a words <<< "$1"
  local args=(--server.port="$PORT" --spring.profiles.active=demo --parcours.rules.directory="$RULES"
              --parcours.rules.watch.enabled=false --parcours.rules.cache.directory="$2")
  begin=$(millis)
  if [[ "${words[0]}" == *.jar ]]; then
    java -Xmx512m "${words[@]:1}" -jar "${words[0]}" "${args[@]}" > "$log" 2>&1 &
  else
    local options=-Xmx512m
    while [[ "${words[0]}" == -* ]]; do options+=" ${words[0]}"; words=("${words[@]:1}"); done
    if [[ "${words[0]}" =~ ^([0-9a-f]{7,40}):(.+)$ ]]; then
      # a launch script as of a commit, to compare scripts on one jar
      local script="$WORK/script-${BASH_REMATCH[1]}-${BASH_REMATCH[2]//\//-}"
      git show "${BASH_REMATCH[1]}:${BASH_REMATCH[2]}" > "$script" && chmod +x "$script"
      words[0]=$script
    fi
    # each variant's class data sharing archive of its own, made by its own script
    PARCOURS_CDS_DIRECTORY=${PARCOURS_CDS_DIRECTORY:-$WORK/cds-$(sha1sum <<< "$1" | cut -c1-12)} JAVA_OPTS=$options "${words[@]}" "${args[@]}" > "$log" 2>&1 &
  fi
  app=$!
  until curl -fs "localhost:$PORT/actuator/health" >/dev/null 2>&1; do
    kill -0 $app 2>/dev/null || { echo "the service did not start: $log" >&2; cat "$log" >&2; exit 1; }
    sleep 0.05
  done
  end=$(millis)
  # CPU time of the process until then (all its threads): on a shared machine steadier than the wall time;
  # a launch script that does not exec java is measured by its java child
  local pid=$app
  [ "$(cat /proc/$pid/comm)" = java ] || pid=$(pgrep -P $app java | head -1)
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' /proc/$pid/stat)
  # the CPU seconds by thread (a thread's name is the second field, in parentheses, and may hold spaces)
  threads=$(cat /proc/$pid/task/*/stat 2>/dev/null | awk -v hz="$(getconf CLK_TCK)" -v total="$cpu" '{
      name = substr($0, index($0, "(") + 1); name = substr(name, 1, index(name, ")") - 1)
      split(substr($0, index($0, ") ") + 2), f, " "); t = (f[12] + f[13]) / hz
      if (name == "java" || name == "main") k = "main"; else if (name ~ /^rules/) k = "rules"
      else if (name ~ /Compiler/) k = "JIT"; else if (name ~ /^(G1|GC|VM Thread)/) k = "GC and VM"; else k = "other"
      cpu[k] += t; live += t } END { printf "main %.1f, JIT %.1f, GC and VM %.1f, rules stage %.1f, other %.1f, threads ended by then (the rules read early, Spring'"'"'s pre-initialisation) %.1f",
        cpu["main"], cpu["JIT"], cpu["GC and VM"], cpu["rules"], cpu["other"], total - live }')
  curl -fs -o /dev/null -u demo:demo -H 'Content-Type: application/json' -d @"$EXAMPLE" "localhost:$PORT/api/v1/assessments"
  first=$(( $(millis) - end ))
  local before=$(millis)
  curl -fs -o /dev/null "localhost:$PORT/v3/api-docs"
  description=$(( $(millis) - before ))
  kill $pid; wait $app 2>/dev/null || true
  # what a launch script said while making its class data sharing archive (an archive without the lambdas, say)
  grep '^Class data sharing\|^# ' "$log" | sed "s|^|    $1: |" || true
  [ -n "${4:-}" ] && return
  printf '%-48s %-7s %6d ms to the first answer, %5s s of CPU, first assessment %4d ms, API description %4d ms; %s\n' "$1" "$3" \
    $((end - begin)) "$cpu" "$first" "$description" "$(grep -o 'checked and compiled in [0-9]* ms' "$log" | sed 's/checked and compiled in/rules in/')"
  echo "    CPU s by thread: $threads"
  # where the rules' time went, on builds that log it
  grep -o -e 'Candidate [0-9a-f]*: .*' -e 'Rules compiled .* ahead of the rules stage in [0-9]* ms' "$log" | sed 's/^/    /' || true
}

for round in $(seq "$ROUNDS"); do
  index=0
  for variant in "$@"; do
    index=$((index + 1))
    case "$STARTS" in
      *cold*) cache="$WORK/cache-$round-$index"; start "$variant" "$cache" cold ;;
      *) cache="$WORK/cache-$index"; [ "$round" -gt 1 ] || start "$variant" "$cache" cold quiet ;;
    esac
    case "$STARTS" in *cached*) start "$variant" "$cache" cached ;; esac
  done
done
