#!/usr/bin/env bash
# Distribution of the frailty instruments (ISAR, SEGA-A, HFRS bands) and of the programmes dac and
# be-target-population on the whole UCI diabetes file and on a generated roster, from the scored CSV
# the command line writes. Usage: bench/frailty-distribution.sh [UCI rows] [generated rows]
# (default: the whole UCI file, 101,766 rows, and 10000 generated rows; on a busy machine give fewer UCI
# rows: the first N encounters of the file are scored)
set -euo pipefail
cd "$(dirname "$0")/.."
uci_rows="${1:-all}"
rows="${2:-10000}"
out=target/frailty-distribution
mkdir -p "$out"
bench/build-jar-and-classpath.sh
columns="isar_band sega_a_band hfrs_band dac be-target-population"
table() {
	java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.parcours.bench.ColumnDistribution "$1" $columns
}
uci=datasets/uci-diabetes-130/diabetic_data.csv.gz
if [ "$uci_rows" != all ]; then
	(gzip -cd "$uci" || true) | head -n "$((uci_rows + 1))" > "$out/uci-first.csv"
	uci="$out/uci-first.csv"
fi
java -Xmx512m -jar target/parcours.jar score --input "$uci" --output "$out/uci.csv" --profile uci-diabetes-130 2> "$out/uci.log"
echo "## UCI diabetes 130-US hospitals ($uci_rows rows)"
table "$out/uci.csv"
java -jar target/parcours.jar generate --rows "$rows" --seed 2026 --output "$out/generated.csv"
java -Xmx512m -jar target/parcours.jar score --input "$out/generated.csv" --output "$out/generated-scored.csv" 2> "$out/generated.log"
echo "## Generated roster ($rows rows, seed 2026)"
table "$out/generated-scored.csv"
