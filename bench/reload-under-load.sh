#!/usr/bin/env bash
# A storming rule set saved into the watched rules directory while the service is under HTTP load:
# it must be refused within the reload deadline with the limit named, the service must keep
# answering with the active version (0 failed, each version always the same answer), and the next
# valid edit must go live. Prints the deadline, the time to refusal, requests/s and failures during
# the run, and the time from saving the valid edit to the first answer of the new version.
#
# Needs wrk (apt-get install -y wrk). Usage: bench/reload-under-load.sh [seconds of load] [connections]
# (default 60 s, 8 connections). PORT (default 18081), DEADLINE (default: the service's) and JAR can be set.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_OF_LOAD=${1:-60}
CONNECTIONS=${2:-8}
PORT=${PORT:-18081}
BASE="http://localhost:$PORT"
command -v wrk >/dev/null || { echo "wrk is needed: sudo apt-get install -y wrk" >&2; exit 1; }
JAR=${JAR:-target/parcours.jar}
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests

# a copy of the default rules that this script edits as a clinician would
RULES=$(mktemp -d target/reload-under-load-rules.XXXXXX)
cp -r rules/. "$RULES"

# the bench user of bench/http.sh: bcrypt hash (cost 10) of "bench-secret"
export PARCOURS_SECURITY_USERS_0_NAME=bench
export PARCOURS_SECURITY_USERS_0_PASSWORD='{bcrypt}$2a$10$D3wqRJtDBj4yW/dMVjKrsesB497gnD.bnZbqLslnPItb72RhbSmtG'
export PARCOURS_SECURITY_USERS_0_ROLES=assessor,rules-admin,monitoring
export WRK_AUTH=$(printf 'bench:bench-secret' | base64)
export WRK_BODY=datasets/examples/heart-failure-81.json
AUTH=(-u bench:bench-secret)

java -Xmx512m -XX:+ExitOnOutOfMemoryError -jar "$JAR" --server.port="$PORT" --parcours.rules.directory="$RULES" \
     ${DEADLINE:+--parcours.rules.reload-deadline=$DEADLINE} > target/bench-reload-under-load.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; [ -n "${LOAD:-}" ] && kill $LOAD 2>/dev/null; rm -rf "$RULES"; true' EXIT
until curl -fs "$BASE/actuator/health" >/dev/null; do
  kill -0 $APP 2>/dev/null || { echo "the service did not start; see target/bench-reload-under-load.log" >&2; exit 1; }
  sleep 1
done
json() { python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"; }
now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
status() { curl -fs "${AUTH[@]}" "$BASE/api/v1/rules"; }
version() { curl -fs "${AUTH[@]}" -H 'Content-Type: application/json' --data-binary @"$WRK_BODY" "$BASE/api/v1/assessments" | json 'd["rulesVersion"]'; }

# warm-up (JIT), not reported
wrk -t2 -c"$CONNECTIONS" -d20s -s bench/wrk-post.lua "$BASE/api/v1/assessments" >/dev/null
ACTIVE=$(version)
LAST_AT=$(status | json 'd["lastAttempt"]["at"]')
echo "active version $ACTIVE; $(nproc) cores; wrk 2 threads, $CONNECTIONS connections, ${SECONDS_OF_LOAD}s"

wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_OF_LOAD}s" -s bench/wrk-post-versions.lua "$BASE/api/v1/assessments" > target/bench-reload-under-load.wrk &
LOAD=$!
sleep 5

# 1. a rule that keeps inserting facts for every patient, saved into the watched directory
cat > "$RULES/stratification/storm.drl" <<'DRL'
package stratification

import org.parcours.facts.*

rule "X-STORM-SEED"
when
    PatientFacts()
then
    insert(Flag.yes("storm", "X-STORM-SEED"));
end

rule "X-STORM"
when
    Flag(name == "storm")
then
    insert(Flag.yes("storm", "X-STORM"));
end
DRL
SAVED=$(now)
until [ "$(status | json 'd["lastAttempt"]["at"]')" != "$LAST_AT" ]; do sleep 0.1; done
REFUSED=$(now)
status | json '"storm: %s at stage %s after %s ms (reload started %s); still active %s; %d problems, first: %s" % (d["lastAttempt"]["outcome"], d["lastAttempt"]["stage"], d["lastAttempt"]["durationMs"], d["lastAttempt"]["trigger"], d["version"], len(d["lastAttempt"]["problems"]), d["lastAttempt"]["problems"][0]["message"])'
echo "storm: refusal visible $(ms $SAVED $REFUSED) ms after the save; reload deadline ${DEADLINE:-the service default}"
echo "health after the refusal: $(curl -s "${AUTH[@]}" "$BASE/actuator/health/rules" | json 'd["status"]')"
LAST_AT=$(status | json 'd["lastAttempt"]["at"]')
sleep 3

# 2. the next valid edit: the storm removed, a threshold changed (every golden case still passes)
rm "$RULES/stratification/storm.drl"
sed -i 's/^L2-E.min-lace,10$/L2-E.min-lace,11/' "$RULES/stratification/thresholds.drl.csv"
SAVED=$(now)
while [ "$(version)" = "$ACTIVE" ]; do sleep 0.1; done
LIVE=$(now)
status | json '"next edit: %s after %s ms (reload started by %s); active %s" % (d["lastAttempt"]["outcome"], d["lastAttempt"]["durationMs"], d["lastAttempt"]["trigger"], d["version"])'
echo "next edit: first answer of the new version $(ms $SAVED $LIVE) ms after the save"
echo "health after the valid edit: $(curl -s "${AUTH[@]}" "$BASE/actuator/health/rules" | json 'd["status"]')"

wait $LOAD; LOAD=
OUT=$(cat target/bench-reload-under-load.wrk)
non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$OUT"); errors=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$OUT")
echo "load over the whole run: $(awk '/^Requests\/sec/ {print $2}' <<<"$OUT") req/s, failed $(( ${non2xx:-0} + ${errors:-0} ))"
grep '^answers:' <<<"$OUT" | sort
