#!/usr/bin/env bash
# Reload time and heap after many reloads of the default rules (no web server, no load).
# Usage: bench/reload.sh [reloads]   (default 200); extra JVM options in JAVA_OPTS, e.g.
#   JAVA_OPTS=-XX:SoftRefLRUPolicyMSPerMB=0 bench/reload.sh   (GC clears soft-referenced caches at once)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xmx512m ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.parcours.bench.ReloadBenchmark "${1:-200}"
