#!/usr/bin/env bash
# Builds the jar of this tree (target/parcours.jar) and copies the benchmark tools out of the test
# classes into target/bench-tools, the extra class path bench/on-jar.sh gives any jar. The tools use
# only entry points every build has, so they also run inside the jar of an older build.
# SKIP_BUILD=1 reuses the jar and tools already built.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -z "${SKIP_BUILD:-}" ] || exit 0
./mvnw -B -q package -DskipTests
./mvnw -B -q test-compile
rm -rf target/bench-tools
mkdir -p target/bench-tools/org/parcours/roster
cp -r target/test-classes/org/parcours/bench target/bench-tools/org/parcours/
cp target/test-classes/org/parcours/roster/AnswerDump*.class target/bench-tools/org/parcours/roster/
# the engine's alpha network compiler, which the service does not use, for PairedAssessmentBenchmark's
# kieBase:alphaNetworkCompiler=inmemory (a jar in this directory is on the tools' class path)
./mvnw -B -q dependency:copy -Dartifact="org.drools:drools-alphanetwork-compiler:$(sed -n 's:.*<drools.version>\(.*\)</drools.version>.*:\1:p' pom.xml)" \
	-DoutputDirectory=target/bench-tools
