#!/usr/bin/env bash
# Reload time and heap after many reloads of the default rules (no web server, no load).
# Usage: bench/reload.sh [reloads] [JAR...]   (default 200 reloads); extra JVM options in JAVA_OPTS, e.g.
#   JAVA_OPTS=-XX:SoftRefLRUPolicyMSPerMB=0 bench/reload.sh   (GC clears soft-referenced caches at once)
# Without a jar, this tree's classes are measured; with jars (e.g. a build of main, then this one), each
# jar in turn, ROUNDS times (default 1) in alternation, through bench/on-jar.sh (SKIP_BUILD=1 reuses the tools).
set -euo pipefail
cd "$(dirname "$0")/.."
RELOADS=200
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then RELOADS=$1; shift; fi
if [ $# -eq 0 ]; then
	./mvnw -B -q test-compile
	./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
	exec java -Xmx512m ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.parcours.bench.ReloadBenchmark "$RELOADS"
fi
bench/build-tools.sh
echo "$(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "${ROUNDS:-1}"); do
	for jar in "$@"; do
		echo "$jar:"
		bench/on-jar.sh "$jar" -Xmx512m ${JAVA_OPTS:-} -- org.parcours.bench.ReloadBenchmark "$RELOADS" | grep -v '^\s*$' | grep 'reload\|heap' | sed 's/^/  /'
	done
done
