#!/usr/bin/env bash
# Reload time and heap after many reloads of the default rules (no web server, no load): the whole
# gate (safety check, compilation or the cache, golden cases, population guard, swap) of unchanged
# rules. Prints each reload's wall time and the CPU time the process spent during it.
# Usage: bench/reload.sh [reloads] [JAR ...]   (default 200 reloads, the classes of this tree)
#   bench/reload.sh 8 old/parcours.jar target/parcours.jar   jars in alternation, ROUNDS rounds (default 2
#   with several jars), then the medians of the rounds' medians and each jar's ratio to the first;
#   BASELINE_RULES=dir gives the first jar the rules of dir (run each build on its own rules).
# EDIT=rule: each reload follows a new comment line in stratification/derived.drl of a copy of the rules,
# so the rules part is compiled again every time in a JVM that has compiled it before (a rule edit's
# path; the cache does not serve it); each compilation's CPU (the compiling thread's) is printed too. A profile of such reloads, e.g.:
#   EDIT=rule JAVA_OPTS="-XX:StartFlightRecording=settings=profile,filename=target/edit.jfr -XX:FlightRecorderOptions=stackdepth=1024" bench/reload.sh 12 JAR
# The reload deadline is raised to 120 s (DEADLINE), so that a busy machine gives a slow reload, not a refusal.
# Extra JVM options in JAVA_OPTS, e.g.
#   JAVA_OPTS=-XX:SoftRefLRUPolicyMSPerMB=0 bench/reload.sh   (GC clears soft-referenced caches at once)
#   JAVA_OPTS=-Dbench.threads=true bench/reload.sh 40 JAR     (each reload's CPU by kind of thread, as with EDIT=rule)
set -euo pipefail
cd "$(dirname "$0")/.."
reloads=${1:-200}; shift || true
if [ $# -eq 0 ]; then
	./mvnw -B -q test-compile
	./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
	exec java -Xmx512m ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
		org.parcours.bench.ReloadBenchmark "$reloads"
fi
jars=("$@")
bench/build-tools.sh
rounds=${ROUNDS:-2}
out=target/bench-reload; mkdir -p "$out"; : > "$out/results"
echo "cores: $(nproc); load average: $(cut -d' ' -f1-3 /proc/loadavg); $reloads reloads per run; edit: ${EDIT:-none}"
for round in $(seq "$rounds"); do
	for i in "${!jars[@]}"; do
		rules=rules; [ "$i" -gt 0 ] || rules=${BASELINE_RULES:-rules}
		edit=(); debug=()
		if [ "${EDIT:-}" = rule ]; then
			rm -rf "$out/rules"; cp -r "$rules" "$out/rules"; rules=$out/rules; edit=(-Dbench.edit=rule)
			debug=(--logging.level.org.parcours.rules.DrlCompiler=debug)
		fi
		bench/on-jar.sh "${jars[$i]}" -Xmx512m ${JAVA_OPTS:-} "${edit[@]}" -- org.parcours.bench.ReloadBenchmark "$reloads" \
			--parcours.rules.directory="$rules" --parcours.rules.cache.directory=target/compiled-rules-cache \
			--parcours.rules.reload-deadline=${DEADLINE:-120s} "${debug[@]}" > "$out/run.log" 2>/dev/null || true
		line=$(grep -E '^(each reload|reload time)' "$out/run.log" | tr '\n' ' ')
		grep -E '^reload [0-9]+: CPU s by thread' "$out/run.log" | sed 's/^/    /' || true
		if [ "${EDIT:-}" = rule ]; then
			# the rules part's compilation at each reload: the compiling thread's own CPU (its model generation's pool not counted)
			echo "    rules part compiled, ms of the compiling thread's CPU: $(sed -n 's/.*Rules compiled in [0-9]* ms (\([0-9]*\) ms of CPU, rules part.*/\1/p' "$out/run.log" | tr '\n' ' ')"
		fi
		wall=$(sed -E 's/.*reloads: median ([0-9]+) ms.*/\1/' <<<"$line"); cpu=$(sed -E 's/.*CPU median ([0-9]+) ms.*/\1/' <<<"$line")
		printf 'round %d  %-40s median %6s ms, CPU %6s ms   %s\n' "$round" "${jars[$i]}" "$wall" "$cpu" "$(sed -E 's/reload time.*//' <<<"$line")"
		echo "$i $wall $cpu" >> "$out/results"
	done
done
median() { sort -n | awk '{v[NR] = $1} END {print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
echo "medians of the rounds (ratio to the first jar):"
for i in "${!jars[@]}"; do
	wall[$i]=$(awk -v i="$i" '$1 == i {print $2}' "$out/results" | median)
	cpu[$i]=$(awk -v i="$i" '$1 == i {print $3}' "$out/results" | median)
	printf '  %-40s %6.0f ms (x%.2f)   CPU %6.0f ms (x%.2f)\n' "${jars[$i]}" \
		"${wall[$i]}" "$(awk -v a="${wall[$i]}" -v b="${wall[0]}" 'BEGIN {print a / b}')" \
		"${cpu[$i]}" "$(awk -v a="${cpu[$i]}" -v b="${cpu[0]}" 'BEGIN {print a / b}')"
done
