#!/usr/bin/env bash
# Roster scoring end to end on a generated roster, beside a baseline that only reads and writes the
# same CSV with OpenCSV, all under -Xmx512m and measured with /usr/bin/time -v (wall time, max RSS).
# The score command runs once per worker count (the JVM is told it has that many processors, and the
# command starts one worker per processor), so the output shows how scoring scales with the cores.
# Usage: bench/roster.sh [rows] [JAR ...]   (default 1000000 rows, the jar of this tree)
#   WORKERS="1 2" (default: 1 and every core of the machine)
#   With several jars, each worker count runs every jar in turn (A B for 1 worker, then A B for 2), so
#   that a shared machine's load falls on each build alike.
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
shift || true
jars=("$@"); [ ${#jars[@]} -gt 0 ] || jars=(target/parcours.jar)
out=target/bench-roster
mkdir -p "$out"
bench/build-jar-and-classpath.sh
java -jar "${jars[0]}" generate --rows "$rows" --seed 2026 --output "$out/roster.csv"
echo "jars: ${jars[*]}; cores: $(nproc); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

/usr/bin/time -v java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
	org.parcours.bench.RosterBaseline "$out/roster.csv" "$out/copy.csv" 2> "$out/baseline.time"
grep -E "Elapsed|Maximum resident" "$out/baseline.time"

for workers in ${WORKERS:-1 $(nproc)}; do
	for jar in "${jars[@]}"; do
		echo "score, $workers worker thread(s), $jar:"
		/usr/bin/time -v java -Xmx512m -XX:ActiveProcessorCount="$workers" -jar "$jar" score --input "$out/roster.csv" \
			--output "$out/scored.csv" --summary "$out/summary.json" 2> "$out/score.time"
		grep -E "^parcours score: .*rows in|Elapsed|Maximum resident" "$out/score.time"
		echo "lines in: $(wc -l < "$out/roster.csv"), lines out: $(wc -l < "$out/scored.csv")"
	done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
