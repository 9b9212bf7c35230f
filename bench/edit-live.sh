#!/usr/bin/env bash
# How long a saved edit takes to answer in a running service: the time from writing a file of the
# watched rules directory to the first assessment that names the new rule-set version (every 20 ms).
# Each edit is new content, so none is served from the compiled-rules cache. Also printed: when the
# reload started after the save (the watcher's detection) and how long it took, as the service recorded. Jars are measured in
# alternation, edit by edit. Two kinds of edit (EDIT):
#   rule       (default) a comment line with a new number appended to stratification/derived.drl: the
#              rules part changes, as with an edit of a condition;
#   parameter  the text of the next step DMP-HF-NEXT 1 in programmes/dmp-heart-failure.drl.csv, with a new
#              number each time: a parameter row (a rule without condition) that no golden case reads.
#              Not a threshold: alternating between two values would be served from the cache from the
#              second edit on, and a new value each time would soon meet a golden case at its boundary.
#
# Usage: [EDIT=rule|parameter] bench/edit-live.sh [edits] JAR [JAR...]   (default 5 edits; e.g. a build of main, then this one)
# PORT (default 18083; the second jar uses PORT+1, ...) can be set. Extra service arguments in ARGS.
# WARM_RELOADS=N (default 0): before the edits, N reloads of the unchanged rules through the reload
# endpoint, each running the gate's 1,264 evaluations: the edits then meet a service whose JIT has
# compiled the rules, as in a service that has been answering for a while, instead of one just started
# (in a just-started JVM an evaluation costs several times what it costs once the JIT has compiled it).
# AFTER_START=S (default 0): wait S seconds after every service answers before the first edit, as a
# service that has been up a while but answered little (time for the warm-up after a start-up, on
# builds that have one: its log line is printed).
# The log of each service goes to target/edit-live-<index>.log.
set -euo pipefail
cd "$(dirname "$0")/.."
EDITS=5
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then EDITS=$1; shift; fi
[ $# -gt 0 ] || { echo "usage: bench/edit-live.sh [edits] JAR [JAR...]" >&2; exit 1; }
PORT=${PORT:-18083}
WORK=$(mktemp -d target/edit-live.XXXXXX)
APPS=()
trap 'for app in "${APPS[@]}"; do kill $app 2>/dev/null; done; for log in "$WORK"/*/service.log; do [ -f "$log" ] && cp "$log" "target/edit-live-$(basename "$(dirname "$log")").log"; done; rm -rf "$WORK"' EXIT
export PARCOURS_SECURITY_USERS_0_NAME=bench PARCOURS_SECURITY_USERS_0_PASSWORD='{noop}bench-secret' PARCOURS_SECURITY_USERS_0_ROLES=assessor,rules-admin,monitoring
BODY=datasets/examples/heart-failure-81.json
echo "$(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

# the version of the rules that answered (read with sed, not a Python start per poll: the poll's own
# cost, about a tenth of a second each with Python, would count as the edit's)
version() { curl -fs -u bench:bench-secret -H 'Content-Type: application/json' --data-binary @"$BODY" "localhost:$1/api/v1/assessments" \
  | sed -n 's/.*"rulesVersion" *: *"\([^"]*\)".*/\1/p'; }

# the last attempt's start (epoch ms) and duration (ms), as the service recorded them
attempt() { curl -fs -u bench:bench-secret "localhost:$1/api/v1/rules" | python3 -c 'import json, sys, datetime
a = json.load(sys.stdin)["lastAttempt"]
print(int(datetime.datetime.fromisoformat(a["at"].replace("Z", "+00:00")).timestamp() * 1000), a["durationMs"])'; }

EDIT=${EDIT:-rule}
NEXT_STEP='DMP-HF-NEXT 1,"written consent and choice of the coordinating physician'
case "$EDIT" in
  rule) edit() { echo "// edit $2" >> "$1/stratification/derived.drl"; } ;;
  parameter) edit() { sed -i "s/^\($NEXT_STEP\)[^\"]*\"/\1 (edit $2)\"/" "$1/programmes/dmp-heart-failure.drl.csv"; } ;;
  *) echo "EDIT is rule or parameter" >&2; exit 1 ;;
esac
echo "edit: $EDIT"

index=0
for jar in "$@"; do
  mkdir -p "$WORK/$index"; cp -r rules "$WORK/$index/rules"
  java -Xmx512m -jar "$jar" --server.port=$((PORT + index)) --parcours.rules.directory="$WORK/$index/rules" \
       --parcours.rules.cache.directory="$WORK/$index/cache" ${ARGS:-} > "$WORK/$index/service.log" 2>&1 &
  APPS+=($!)
  index=$((index + 1))
done
for index in $(seq 0 $(($# - 1))); do
  until curl -fs "localhost:$((PORT + index))/actuator/health" >/dev/null 2>&1; do sleep 0.2; done
  for i in $(seq 50); do version $((PORT + index)) >/dev/null; done   # a little warm-up of the request path
  for i in $(seq "${WARM_RELOADS:-0}"); do
    curl -fs -u bench:bench-secret -X POST "localhost:$((PORT + index))/api/v1/rules/reload" >/dev/null
  done
done
[ "${WARM_RELOADS:-0}" -eq 0 ] || echo "each service warmed by $WARM_RELOADS reloads of the unchanged rules"
if [ "${AFTER_START:-0}" -gt 0 ]; then
  echo "waiting $AFTER_START s after the start-up"; sleep "$AFTER_START"
  for index in $(seq 0 $(($# - 1))); do
    warmed=$(curl -fs -u bench:bench-secret "localhost:$((PORT + index))/actuator/metrics/parcours.rules.warmup.after.start" \
      | sed -n 's/.*"value" *: *\([0-9.E]*\).*/\1/p' || true)
    echo "    service $index: ${warmed:-no} assessments of the warm-up after a start-up so far"
    grep -o 'Active rule set warmed after the start-up.*' "$WORK/$index/service.log" | sed "s/^/    service $index: /" || true
  done
fi

for edit in $(seq "$EDITS"); do
  index=0
  for jar in "$@"; do
    port=$((PORT + index)); rules="$WORK/$index/rules"
    before=$(version $port)
    logged=$(wc -l < "$WORK/$index/service.log")
    saved=$(date +%s%N); edit "$rules" "$edit"
    until [ "$(version $port)" != "$before" ]; do sleep 0.02; done
    live=$(date +%s%N)
    started=$(attempt $port)
    printf '%-40s edit %d: new version answering %5d ms after the save; reload started %4d ms after the save, took %5d ms (active %5d ms after the save)\n' \
      "$jar" "$edit" $(( (live - saved) / 1000000 )) $(( ${started% *} - saved / 1000000 )) "${started#* }" \
      $(( ${started% *} + ${started#* } - saved / 1000000 ))
    # where the time went, on builds that log it (the stages; with ARGS=--logging.level.org.parcours.rules.KnowledgeBases=debug
    # --logging.level.org.parcours.rules.DrlCompiler=debug, each part's compilation too)
    tail -n +$((logged + 1)) "$WORK/$index/service.log" | grep -o 'Candidate [0-9a-f]*: .*\|Candidate [0-9a-f]* not warmed\|Candidate warmed in .*\|[A-Z][a-z]* part ready in .*\|Rules compiled in .*\|do not compile without.*' \
      | sed 's/^/    /' || true
    sleep 2
    index=$((index + 1))
  done
done
