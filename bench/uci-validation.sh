#!/usr/bin/env bash
# Real-data validation: scores the whole UCI diabetes file with the uci-diabetes-130 profile and
# prints the observed 30-day readmission rate by Kaiser level, LACE band and HOSPITAL band.
# Usage: bench/uci-validation.sh [path/to/diabetic_data.csv[.gz]]
set -euo pipefail
cd "$(dirname "$0")/.."
input="${1:-datasets/uci-diabetes-130/diabetic_data.csv.gz}"
out=target/uci-validation
mkdir -p "$out"
bench/build-jar-and-classpath.sh
/usr/bin/time -v java -Xmx512m -jar target/parcours.jar score --input "$input" --output "$out/scored.csv" \
	--profile uci-diabetes-130 --keep readmitted,discharge_disposition_id --summary "$out/summary.json" 2> "$out/score.time"
grep -E "^parcours score: .*rows in|Elapsed|Maximum resident" "$out/score.time"
echo "data rows in: $(($(gzip -cdf "$input" | wc -l) - 1))"
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.parcours.bench.ReadmissionTable "$out/scored.csv"
