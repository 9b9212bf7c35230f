#!/usr/bin/env bash
# Assessments per second in the 10 seconds after a reload, as a share of the steady rate before it
# (no web server: one thread assesses the population of bench/assess.sh on the active rule set while
# the rules are reloaded). Run it with the default warm-up, then with it off, to see what it gives:
#   bench/reload-warmth.sh 3
#   bench/reload-warmth.sh 3 --parcours.rules.warm-up=0s
# EDIT=rule: each reload follows an edit of a copy of the rules (a new comment line in
# stratification/derived.drl), so the rules part is compiled again into new classes: the path of a
# rule edit. Without it, unchanged files are reloaded: the path of a parameter edit (the rules part
# shared, already warm).
# WEB=1: the service as it runs in production, with its web server (a free port, the demonstration
# profile) and so its warm-up after a start-up, which the load waits for before measuring: without it,
# the first reload's gate is the first time the JIT sees the golden cases' variety.
# JARS="old/parcours.jar target/parcours.jar": run those builds one after the other, ROUNDS times
# (default 1), instead of the classes of this tree.
# The reload deadline is raised to 120 s (DEADLINE) so that a busy machine gives a slow reload, not a refusal.
# Usage: [EDIT=rule] [JARS="A.jar B.jar"] bench/reload-warmth.sh [reloads] [application arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
reloads=${1:-3}; shift || true
args=(--parcours.rules.cache.directory=target/compiled-rules-cache --parcours.rules.reload-deadline=${DEADLINE:-120s} "$@")
echo "cores: $(nproc); load average: $(cut -d' ' -f1-3 /proc/loadavg); edit: ${EDIT:-none}"
if [ -z "${JARS:-}" ]; then
	./mvnw -B -q test-compile
	./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
	exec java -Xmx1g ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
		org.parcours.bench.ReloadWarmthBenchmark "$reloads" "${args[@]}"
fi
bench/build-tools.sh
for round in $(seq "${ROUNDS:-1}"); do
	for jar in $JARS; do
		echo "round $round: $jar"
		bench/on-jar.sh "$jar" -Xmx1g ${JAVA_OPTS:-} -- org.parcours.bench.ReloadWarmthBenchmark "$reloads" "${args[@]}" 2>&1 \
			| grep -E '^reload [0-9]|Candidate warmed|warmed after the start-up|refused|Caused by' | sed -E 's/^[0-9TZ:.-]+ +INFO .*GoldenCaseWarmUp +: /  /'
	done
done
