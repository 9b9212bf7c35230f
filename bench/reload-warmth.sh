#!/usr/bin/env bash
# Assessments per second in the 10 seconds after a reload, as a share of the steady rate before it
# (no web server: one thread assesses the population of bench/assess.sh on the active rule set while
# the rules are reloaded). Run it with the default warm-up, then with it off, to see what it gives:
#   bench/reload-warmth.sh 3
#   bench/reload-warmth.sh 3 --parcours.rules.warm-up=0s
# The reload deadline is raised to 120 s so that a busy machine gives a slow reload, not a refusal.
# Usage: bench/reload-warmth.sh [reloads] [application arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xmx1g ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.parcours.bench.ReloadWarmthBenchmark \
     "${1:-3}" --parcours.rules.cache.directory=target/compiled-rules-cache --parcours.rules.reload-deadline=120s "${@:2}"
