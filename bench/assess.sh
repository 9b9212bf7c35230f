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
#   A jar argument may carry JVM options after it, in the same word, to measure an engine setting
#   read once per JVM between separate JVMs:
#   bench/assess.sh 60000 target/parcours.jar "target/parcours.jar -Dorg.drools.queuetype=binaryheap"
#   PROFILE=1 records each run's measured assessments with JFR (target/bench-assess/*.jfr) and prints
#   where they went: the inclusive share of each part of an assessment in the samples of
#   Evaluation.assess (stacks kept to 1024 frames: the engine's are deeper than JFR's default of 64,
#   and a cut stack loses the frames that say which part a sample belongs to).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-200000}; shift || true
jars=("$@"); [ ${#jars[@]} -gt 0 ] || jars=(target/parcours.jar)
bench/build-tools.sh
rounds=${ROUNDS:-$([ ${#jars[@]} -gt 1 ] && echo 2 || echo 1)}
out=target/bench-assess; mkdir -p "$out"; : > "$out/results"
shares() { # prints the parts' shares of a JFR recording of AssessmentBenchmark
	jfr print --stack-depth 1024 --events jdk.ExecutionSample "$1" | python3 -c '
import sys, collections
parts = [
    ("validation (PatientValidator.check)", ["PatientValidator.check("]),
    ("  JBoss Logging asked for its level (Hibernate Validator, once per constraint)", ["org.jboss.logging."]),
    ("facts building (FactsBuilder.build)", ["FactsBuilder.build("]),
    ("rules (RuleSet.evaluate)", ["RuleSet.evaluate("]),
    ("  firing (fireAllRules)", ["StatefulKnowledgeSessionImpl.fireAllRules("]),
    ("  inserts from consequences", ["DroolsImpl.insert("]),
    ("  accumulate nodes", ["PhreakAccumulateNode."]),
    ("  agenda queue (AgendaGroupQueueImpl)", ["AgendaGroupQueueImpl."]),
    ("  rules linked to the agenda (PathMemory.doLinkRule)", ["PathMemory.doLinkRule("]),
    ("  object type lookups (ObjectTypeConfigurationRegistry)", ["ObjectTypeConfigurationRegistry."]),
    ("  the rules functions (facts: ProgrammeCriteria, ProgrammeFindings, MedicationReview, MedicationFindings)",
        ["facts.ProgrammeCriteria.", "facts.ProgrammeFindings.", "facts.MedicationReview.", "facts.MedicationFindings."]),
    ("  deleting the patient facts afterwards", ["StatefulKnowledgeSessionImpl.delete("]),
    ("answer assembly (OutcomeAssembler.assemble)", ["OutcomeAssembler.assemble("]),
    ("  the answer facts picked from working memory (AnswerFacts)", ["assessment.AnswerFacts."]),
]
counts = collections.Counter(); total = 0; frames = []; thread = None
def sample():
    global total
    if thread != "main" or not any("Evaluation.assess(" in f for f in frames): return
    total += 1
    for name, keys in parts:
        if any(k in f for f in frames for k in keys): counts[name] += 1
for line in sys.stdin:
    s = line.strip()
    if s.startswith("jdk.ExecutionSample"): frames = []; thread = None
    elif s.startswith("sampledThread"): thread = s.split("\"")[1]
    elif s == "}": sample(); frames = []
    elif "line:" in s or s.endswith(")"): frames.append(s)
print("    %d samples in Evaluation.assess" % total)
for name, _ in parts: print("    %5.1f %%  %s" % (100.0 * counts[name] / max(total, 1), name))
'
}
echo "cores: $(nproc); load average: $(cut -d' ' -f1-3 /proc/loadavg); $count assessments per run after ${WARMUP:-50000} of warm-up"
for round in $(seq "$rounds"); do
	for i in "${!jars[@]}"; do
		rules=rules; [ "$i" -gt 0 ] || rules=${BASELINE_RULES:-rules}
		read -r -a run <<<"${jars[$i]}"
		profile=(); [ -z "${PROFILE:-}" ] || profile=(-XX:FlightRecorderOptions=stackdepth=1024 "-Dbench.profile=$out/round$round-jar$i.jfr")
		line=$(bench/on-jar.sh "${run[0]}" -Xmx1g "${profile[@]}" "${run[@]:1}" -- org.parcours.bench.AssessmentBenchmark "$count" "${WARMUP:-50000}" "$rules" 2>/dev/null \
			| grep '^measured:')
		wall=$(sed -E 's/.* = ([0-9]+) assessments\/s.*/\1/' <<<"$line"); cpu=$(sed -E 's/.*, ([0-9]+) per CPU second/\1/' <<<"$line")
		printf 'round %d  %-60s %8s assessments/s   %8s per CPU second\n' "$round" "${jars[$i]}" "$wall" "$cpu"
		echo "$i $wall $cpu" >> "$out/results"
		[ -z "${PROFILE:-}" ] || shares "$out/round$round-jar$i.jfr"
	done
done
median() { sort -n | awk '{v[NR] = $1} END {print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
echo "medians (ratio to the first jar):"
for i in "${!jars[@]}"; do
	wall[$i]=$(awk -v i="$i" '$1 == i {print $2}' "$out/results" | median)
	cpu[$i]=$(awk -v i="$i" '$1 == i {print $3}' "$out/results" | median)
	printf '  %-60s %8.0f assessments/s (x%.2f)   %8.0f per CPU second (x%.2f)\n' "${jars[$i]}" \
		"${wall[$i]}" "$(awk -v a="${wall[$i]}" -v b="${wall[0]}" 'BEGIN {print a / b}')" \
		"${cpu[$i]}" "$(awk -v a="${cpu[$i]}" -v b="${cpu[0]}" 'BEGIN {print a / b}')"
done
