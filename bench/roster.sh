#!/usr/bin/env bash
# Roster scoring end to end on a generated roster, beside a baseline that only reads and writes the
# same CSV with OpenCSV, both under -Xmx512m and measured with /usr/bin/time -v (wall time, max RSS).
# Usage: bench/roster.sh [rows]   (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
out=target/bench-roster
mkdir -p "$out"
bench/build-jar-and-classpath.sh
java -jar target/parcours.jar generate --rows "$rows" --seed 2026 --output "$out/roster.csv"
echo "cores: $(nproc); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

/usr/bin/time -v java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
	org.parcours.bench.RosterBaseline "$out/roster.csv" "$out/copy.csv" 2> "$out/baseline.time"
grep -E "Elapsed|Maximum resident" "$out/baseline.time"

/usr/bin/time -v java -Xmx512m -jar target/parcours.jar score --input "$out/roster.csv" --output "$out/scored.csv" \
	--summary "$out/summary.json" 2> "$out/score.time"
grep -E "^parcours score: .*rows in|Elapsed|Maximum resident" "$out/score.time"
echo "lines in: $(wc -l < "$out/roster.csv"), lines out: $(wc -l < "$out/scored.csv")"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
