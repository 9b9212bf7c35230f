#!/usr/bin/env bash
# The impact of one candidate on the full UCI Diabetes 130-US file: the polypharmacy threshold at 10
# medications (UCI counts the drugs given during the stay, which puts most encounters past 5), with
# the golden cases a clinician would update with it, compared with the default rules against
# 30-day readmission. Then `score` on the same file, alternating with `compare`, for the timing
# ratio. Usage: bench/impact-polypharmacy-10.sh [runs]   (default 1 of each)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-1}"
out=target/impact-polypharmacy-10
candidate="$out/rules"
rm -rf "$candidate" && mkdir -p "$out" && cp -r rules "$candidate"

# The candidate: one threshold, and the cases whose expectations follow from it.
sed -i 's/^polypharmacy.min-medications,5$/polypharmacy.min-medications,10/' "$candidate/stratification/thresholds.drl.csv"
sed -i '/"id": "boundary-L3-A-4-chronic-9-medications"/,/"expect"/ s/"levelRules": \["L2-B"\]/"levelRules": ["L2-A"]/' \
	"$candidate/cases/level-boundaries.json"
sed -i '/"id": "boundary-L2-B-medication-list-distinct-codes"/,/"expect"/ s/"level": 2, "levelRules": \["L2-B"\], "derived": {"medicationCount": 5, "polypharmacy": true}/"level": 1, "levelRules": ["L1"], "derived": {"medicationCount": 5, "polypharmacy": false}/' \
	"$candidate/cases/level-boundaries.json"
sed -i '/"id": "level-2-five-medications"/,/"expect"/ s/"medicationCount": 5/"medicationCount": 10/' "$candidate/cases/levels.json"
sed -i '/"id": "level-2-nine-medications"/,/"expect"/ s/\["L2-A", "L2-B", "L2-D"\]/["L2-A", "L2-D"]/' "$candidate/cases/levels.json"
sed -i '/"id": "paerpa-polypharmacy"/,/"expect"/ s/"medicationCount": 6/"medicationCount": 10/' "$candidate/cases/paerpa.json"
sed -i '/"id": "paerpa-known-cause-decides"/,/"expect"/ s/"medicationCount": 7/"medicationCount": 10/' "$candidate/cases/paerpa.json"
sed -i '/"id": "elderly-polypharmacy-5"/,/"expect"/ s/"medicationCount": 5/"medicationCount": 10/' "$candidate/cases/prado-elderly.json"
sed -i '/"id": "rac-two-frailty-markers"/,/"expect"/ s/"medicationCount": 5/"medicationCount": 10/' "$candidate/cases/rac-reseau.json"
diff -ru rules "$candidate" > "$out/candidate.diff" || true

[ -f target/parcours.jar ] || ./mvnw -B -q package -DskipTests
input=datasets/uci-diabetes-130/diabetic_data.csv.gz
echo "cores: $(nproc); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$runs"); do
	/usr/bin/time -f "compare wall %e s, max RSS %M kB" java -Xmx512m -jar target/parcours.jar compare --baseline rules \
		--candidate "$candidate" --input "$input" --profile uci-diabetes-130 --outcome 'readmitted=<30' \
		--json "$out/impact.json" --report "$out/impact.html" 2>&1 | grep -E "^parcours compare: [0-9]+ rows|candidate|wall"
	/usr/bin/time -f "score wall %e s, max RSS %M kB" java -Xmx512m -jar target/parcours.jar score --input "$input" \
		--profile uci-diabetes-130 --output "$out/scored.csv.gz" 2>&1 | grep -E "rows in|wall"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
