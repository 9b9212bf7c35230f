#!/usr/bin/env bash
# HTTP load on the packaged service with the real rules: the assessment endpoint beside a trivial
# authenticated endpoint of the same app (GET /api/v1/rules: same security chain, a small JSON body,
# no rules run), each without and then with reloads running (POST /api/v1/rules/reload in a loop).
# Prints requests/s, p99 latency and failed requests (non-2xx and socket errors) per run.
#
# Needs wrk (Debian/Ubuntu: apt-get install -y wrk; the script installs it when run as root).
# Usage: bench/http.sh [seconds per run] [connections]   (default 20 s, 8 connections, 2 threads)
# JAR (default target/parcours.jar) measures another build; PORT (default 18080).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-20}
CONNECTIONS=${2:-8}
PORT=${PORT:-18080}
BASE="http://localhost:$PORT"

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
  else echo "wrk is needed: sudo apt-get install -y wrk" >&2; exit 1; fi
fi

JAR=${JAR:-target/parcours.jar}
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests

# The bench user, as a hospital would configure one: bcrypt hash (cost 10) of "bench-secret".
export PARCOURS_SECURITY_USERS_0_NAME=bench
export PARCOURS_SECURITY_USERS_0_PASSWORD='{bcrypt}$2a$10$D3wqRJtDBj4yW/dMVjKrsesB497gnD.bnZbqLslnPItb72RhbSmtG'
export PARCOURS_SECURITY_USERS_0_ROLES=assessor,rules-admin
export WRK_AUTH=$(printf 'bench:bench-secret' | base64)
export WRK_BODY=datasets/examples/heart-failure-81.json

java -Xmx512m -jar "$JAR" --server.port="$PORT" --parcours.rules.directory=rules \
     --parcours.rules.watch.enabled=false > target/bench-http.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; [ -n "${RELOADER:-}" ] && kill $RELOADER 2>/dev/null; true' EXIT
until curl -fs "$BASE/actuator/health" >/dev/null; do
  kill -0 $APP 2>/dev/null || { echo "the service did not start; see target/bench-http.log" >&2; exit 1; }
  sleep 1
done

run() { # label, wrk script, path
  local out
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s "$2" "$BASE$3")
  local rps p99 non2xx errors
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out"); non2xx=${non2xx:-0}
  errors=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out"); errors=${errors:-0}
  printf '%-34s %10s req/s   p99 %8s   failed %s\n' "$1" "$rps" "$p99" "$((non2xx + errors))"
  RPS["$1"]=$rps
}
declare -A RPS

reloads() {
  while true; do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -u bench:bench-secret -X POST "$BASE/api/v1/rules/reload" >> target/bench-reloads.log
  done
}

# warm-up (JIT), not reported: the executable model's many small rule classes reach full speed only
# after about a minute of load (measured: 250, 500, 1,100, 2,100, 4,000, 4,500 req/s in six 10 s runs)
wrk -t2 -c"$CONNECTIONS" -d60s -s bench/wrk-post.lua "$BASE/api/v1/assessments" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s -s bench/wrk-get.lua "$BASE/api/v1/rules" >/dev/null

echo "jar: $JAR; wrk: 2 threads, $CONNECTIONS connections, ${SECONDS_PER_RUN}s per run; $(nproc) cores"
run "trivial GET /api/v1/rules" bench/wrk-get.lua /api/v1/rules
run "assessment POST" bench/wrk-post.lua /api/v1/assessments
: > target/bench-reloads.log
reloads & RELOADER=$!
run "trivial, reloads running" bench/wrk-get.lua /api/v1/rules
run "assessment, reloads running" bench/wrk-post.lua /api/v1/assessments
kill $RELOADER; RELOADER=
awk '{n++; if ($1 == 200) ok++; t += $2} END {printf "reloads during the loaded runs: %d (%d activated), mean %.2f s each\n", n, ok, t / n}' target/bench-reloads.log
ratio() { awk -v a="$1" -v t="$2" 'BEGIN {printf "%.0f %%", 100 * a / t}'; }
echo "assessment / trivial throughput: $(ratio "${RPS[assessment POST]}" "${RPS[trivial GET /api/v1/rules]}") without reloads," \
     "$(ratio "${RPS[assessment, reloads running]}" "${RPS[trivial, reloads running]}") with reloads running"
