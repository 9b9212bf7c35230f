#!/usr/bin/env bash
# Proves that two builds give the same answers: every field of every answer (level, label, reasons
# and their texts, scores, bands, missing fields, derived block, programme statuses, reasons,
# missing fields, next steps, warnings, input errors), compared row by row, on a generated roster and
# on the whole UCI diabetes file (age-banded rows at both ends of their band), with the rules of rules/.
# Prints the number of answers compared and the number that differ (with the first differences).
#
# Usage: bench/equivalence.sh BASELINE_JAR NEW_JAR [generated rows]   (default 200000)
#   UCI_ROWS=n compares only the first n rows of the UCI file (a quick check; the proof is the whole file).
#   BASELINE_RULES=dir runs the baseline on the rules of dir instead (a rewrite of rules/ that needs the new build).
#   A jar argument may carry JVM options after it, in the same word (an engine setting read once per JVM):
#   bench/equivalence.sh target/parcours.jar "target/parcours.jar -Dorg.drools.queuetype=binaryheap" 20000
set -euo pipefail
cd "$(dirname "$0")/.."
baseline=$1; candidate=$2; rows=${3:-200000}
uci=datasets/uci-diabetes-130/diabetic_data.csv.gz
out=target/bench-equivalence; mkdir -p "$out"
bench/build-tools.sh
if [ -n "${UCI_ROWS:-}" ]; then
	{ gzip -cd "$uci" || true; } | head -n $((UCI_ROWS + 1)) > "$out/uci-first-rows.csv"; uci="$out/uci-first-rows.csv"
fi
read -r -a generator <<<"$candidate"
java -jar "${generator[0]}" generate --rows "$rows" --seed 2026 --output "$out/generated.csv" > /dev/null
dump() { # jar (and JVM options), rules, input, profile, output
	local run; read -r -a run <<<"$1"
	bench/on-jar.sh "${run[0]}" -Xmx1g "${run[@]:1}" -- org.parcours.roster.AnswerDump "$2" "$3" "$4" "$5" 2>/dev/null | tail -1
}
status=0
for input in generated uci; do
	if [ "$input" = generated ]; then file="$out/generated.csv"; profile=canonical; else file=$uci; profile=uci-diabetes-130; fi
	echo "$input ($file, profile $profile):"
	echo "  baseline:  $(dump "$baseline" "${BASELINE_RULES:-rules}" "$file" "$profile" "$out/$input.baseline")"
	echo "  candidate: $(dump "$candidate" rules "$file" "$profile" "$out/$input.candidate")"
	python3 - "$out/$input.baseline" "$out/$input.candidate" <<'PY' || status=1
import json, sys
a, b = open(sys.argv[1]), open(sys.argv[2])
compared = differing = 0
shown = []
def fields(prefix, value, into):
    if isinstance(value, dict):
        for key, inner in value.items(): fields(prefix + "." + key, inner, into)
    elif isinstance(value, list):
        into[prefix + ".length"] = len(value)
        for i, inner in enumerate(value): fields(prefix + "[%d]" % i, inner, into)
    else: into[prefix] = value
field_count = 0
for left, right in zip(a, b):
    compared += 1
    l, r = {}, {}
    fields("", json.loads(left.split("\t", 2)[2]), l); fields("", json.loads(right.split("\t", 2)[2]), r)
    field_count += len(l)
    if left.split("\t", 2)[:2] != right.split("\t", 2)[:2] or l != r:
        differing += 1
        if len(shown) < 5:
            shown.append("row %s: %s" % (left.split("\t")[0], sorted(k for k in set(l) | set(r) if l.get(k) != r.get(k))[:8]))
extra = sum(1 for _ in a) + sum(1 for _ in b)
print("  answers compared: %d (%d fields), answers that differ: %d, unmatched lines: %d" % (compared, field_count, differing, extra))
for line in shown: print("    " + line)
sys.exit(1 if differing or extra else 0)
PY
done
exit $status
