#!/usr/bin/env bash
# Single-thread assessment throughput on a seeded synthetic population (the rules of rules/), for one
# build or several side by side. With several jars the runs alternate (A B A B ...) so that a machine
# shared with other work penalises each build alike; the medians and each build's ratio to the first
# are printed at the end. The rate per CPU second (the benchmark thread's own CPU time) is the
# steadier figure on a shared machine; the wall-time rate is the one to quote on an idle one.
#
# Usage: bench/assess.sh [assessments] [JAR ...]   (default 200000, the jar of this tree)
#   ROUNDS=3 bench/assess.sh 100000 old/parcours.jar target/parcours.jar
#   WARMUP (default 50000): assessments run first and not reported.
#   BASELINE_RULES=dir runs the first jar on the rules of dir instead (a rewrite of rules/ that needs
#   the newer builds: git archive OLD rules | tar -x -C dir gives the old build its own rules).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-200000}; shift || true
jars=("$@"); [ ${#jars[@]} -gt 0 ] || jars=(target/parcours.jar)
bench/build-tools.sh
rounds=${ROUNDS:-$([ ${#jars[@]} -gt 1 ] && echo 2 || echo 1)}
out=target/bench-assess; mkdir -p "$out"; : > "$out/results"
echo "cores: $(nproc); load average: $(cut -d' ' -f1-3 /proc/loadavg); $count assessments per run after ${WARMUP:-50000} of warm-up"
for round in $(seq "$rounds"); do
	for i in "${!jars[@]}"; do
		rules=rules; [ "$i" -gt 0 ] || rules=${BASELINE_RULES:-rules}
		line=$(bench/on-jar.sh "${jars[$i]}" -Xmx1g -- org.parcours.bench.AssessmentBenchmark "$count" "${WARMUP:-50000}" "$rules" 2>/dev/null \
			| grep '^measured:')
		wall=$(sed -E 's/.* = ([0-9]+) assessments\/s.*/\1/' <<<"$line"); cpu=$(sed -E 's/.*, ([0-9]+) per CPU second/\1/' <<<"$line")
		printf 'round %d  %-40s %8s assessments/s   %8s per CPU second\n' "$round" "${jars[$i]}" "$wall" "$cpu"
		echo "$i $wall $cpu" >> "$out/results"
	done
done
median() { sort -n | awk '{v[NR] = $1} END {print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
echo "medians (ratio to the first jar):"
for i in "${!jars[@]}"; do
	wall[$i]=$(awk -v i="$i" '$1 == i {print $2}' "$out/results" | median)
	cpu[$i]=$(awk -v i="$i" '$1 == i {print $3}' "$out/results" | median)
	printf '  %-40s %8.0f assessments/s (x%.2f)   %8.0f per CPU second (x%.2f)\n' "${jars[$i]}" \
		"${wall[$i]}" "$(awk -v a="${wall[$i]}" -v b="${wall[0]}" 'BEGIN {print a / b}')" \
		"${cpu[$i]}" "$(awk -v a="${cpu[$i]}" -v b="${cpu[0]}" 'BEGIN {print a / b}')"
done
