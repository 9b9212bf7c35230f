#!/usr/bin/env bash
# Single-thread assessment throughput on a seeded synthetic population (default rules).
# Usage: bench/assess.sh [assessments]   (default 200000)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.parcours.bench.AssessmentBenchmark "${1:-200000}"
