#!/usr/bin/env bash
# Runs one of the benchmark tools (test sources under org.parcours.bench, and AnswerDump) inside a
# packaged jar, so that the same tool measures any build: the current one or an older one given by
# its jar. Usage: bench/on-jar.sh JAR [JVM options ...] -- CLASS [arguments ...]
# The tools are compiled from this tree into target/bench-tools (once, by bench/build-tools.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$1; shift
jvm=()
while [ "$1" != "--" ]; do jvm+=("$1"); shift; done
shift
main=$1; shift
exec java "${jvm[@]}" -cp "$jar" -Dloader.path=target/bench-tools -Dloader.main="$main" \
	org.springframework.boot.loader.launch.PropertiesLauncher "$@"
