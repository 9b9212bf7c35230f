#!/usr/bin/env bash
# Shared by the roster benchmarks: builds the jar and the test classes, and writes the classpath
# of the benchmark helpers to target/bench.classpath. Run from the repository root.
set -euo pipefail
./mvnw -B -q package -DskipTests
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
