package org.parcours.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import org.parcours.assessment.Assessment;
import org.parcours.assessment.AssessmentService;
import org.parcours.assessment.Evaluation;
import org.parcours.rules.RuleSet;
import org.parcours.vocabulary.Mappings;

/**
 * Assesses a patient sent as FHIR resources: map them with the active snapshot's vocabularies, then
 * validate and evaluate on that same snapshot and date ({@link Evaluation}), so that FHIR and JSON
 * callers get the same answer for the same facts.
 */
@Service
public class FhirAssessments {

	/**
	 * An assessment, how its inputs were read from FHIR, and the mapping tables of the snapshot that
	 * made it, so that its outputs (RiskAssessment, cards) name levels in the same version's terms.
	 */
	public record Result(Assessment assessment, MappedPatient mapped, Mappings mappings) {
	}

	private final AssessmentService assessments;

	FhirAssessments(AssessmentService assessments) {
		this.assessments = assessments;
	}

	public Result assess(FhirRecord record, String indexEncounterId, LocalDate assessmentDate) {
		return assess(assessments.now(), record, indexEncounterId, assessmentDate);
	}

	/** The same on {@code ruleSet} (an archived version, reproducing a past answer): its vocabularies map the bundle. */
	public Result assess(RuleSet ruleSet, FhirRecord record, String indexEncounterId, LocalDate assessmentDate) {
		return assess(assessments.on(ruleSet), record, indexEncounterId, assessmentDate);
	}

	private Result assess(Evaluation evaluation, FhirRecord record, String indexEncounterId, LocalDate assessmentDate) {
		MappedPatient mapped = FhirPatientMapper.map(record, indexEncounterId, assessmentDate, evaluation.ruleSet().vocabulary().mappings(),
				evaluation.today());
		Assessment assessment = evaluation.assess(mapped.patient());
		List<Assessment.Warning> warnings = new ArrayList<>(mapped.warnings());
		warnings.addAll(assessment.warnings());
		return new Result(new Assessment(assessment.patientId(), assessment.rulesVersion(), assessment.riskLevel(), assessment.scores(),
				assessment.derived(), assessment.programmes(), assessment.medicationReview(), List.copyOf(warnings)), mapped,
				evaluation.ruleSet().vocabulary().mappings());
	}
}
