#!/usr/bin/env bash
# STOPP/START flags on the MIMIC-III demo: one assessment per admission with its ICD-9-CM diagnoses and
# its prescriptions mapped to ATC by bench/mimic/drug-atc.csv (see MimicMedicationReview).
# Usage: bench/mimic-medication-review.sh   (run from anywhere; reads datasets/mimic-iii-demo)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.parcours.bench.MimicMedicationReview \
	datasets/mimic-iii-demo bench/mimic/drug-atc.csv
