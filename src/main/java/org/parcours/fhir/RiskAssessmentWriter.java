package org.parcours.fhir;

import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.stream.Collectors;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.hl7.fhir.r4.model.RiskAssessment.RiskAssessmentPredictionComponent;
import org.hl7.fhir.r4.model.RiskAssessment.RiskAssessmentStatus;

import org.parcours.assessment.Assessment;
import org.parcours.assessment.ProgrammeStatus;
import org.parcours.vocabulary.Mappings;

/**
 * An assessment as a FHIR {@code RiskAssessment}: one prediction for the Kaiser level and one per
 * readmission score that could be computed, each with a qualitative risk and the rules behind it as
 * rationale; the rule-set version as method; the resources read as basis; eligible programmes and
 * their next steps as mitigation. For care coordination only, as every output of this service.
 */
public final class RiskAssessmentWriter {

	/** Where the rule-set version is named; a version is the rules' content hash and load time. */
	public static final String RULE_SET_SYSTEM = "https://parcours.example/fhir/CodeSystem/rule-set-version";

	private static final String RISK_PROBABILITY = "http://terminology.hl7.org/CodeSystem/risk-probability";

	private RiskAssessmentWriter() {
	}

	/** Levels and bands are given the HL7 risk of {@code vocabulary/kaiser-level.csv} and {@code score-band-risk.csv}. */
	public static RiskAssessment of(Assessment assessment, MappedPatient mapped, Mappings mappings) {
		RiskAssessment risk = new RiskAssessment();
		risk.setStatus(RiskAssessmentStatus.FINAL);
		if (assessment.patientId() != null) {
			risk.setSubject(new Reference("Patient/" + assessment.patientId()));
		}
		if (mapped.index() != null) {
			risk.setEncounter(new Reference("Encounter/" + Fhir.key(mapped.index())));
		}
		// A date without a time: the precision keeps HAPI from writing a time and a zone the assessment does not have.
		Date day = Date.from(mapped.assessmentDate().atStartOfDay(ZoneOffset.UTC).toInstant());
		risk.setOccurrence(new DateTimeType(day, TemporalPrecisionEnum.DAY, TimeZone.getTimeZone(ZoneOffset.UTC)));
		risk.setMethod(new CodeableConcept(new Coding(RULE_SET_SYSTEM, assessment.rulesVersion(), null))
			.setText("Parcours rule set " + assessment.rulesVersion()));
		mapped.basis().forEach(reference -> risk.addBasis(new Reference(reference)));
		var level = assessment.riskLevel();
		risk.addPrediction(prediction("Kaiser pyramid level " + level.level() + " (" + level.label() + ")",
				Optional.of(mappings.level(level.level()).riskProbability()), rationale(level.reasons())));
		score(risk, "LACE index: death or unplanned readmission within 30 days", "LACE", assessment.scores().lace(), mappings);
		score(risk, "HOSPITAL score: potentially avoidable readmission within 30 days", "HOSPITAL", assessment.scores().hospital(),
				mappings);
		String mitigation = assessment.programmes().stream().filter(programme -> programme.status() == ProgrammeStatus.ELIGIBLE)
			.map(programme -> programme.id() + (programme.nextSteps() == null || programme.nextSteps().isEmpty() ? ""
					: ": " + String.join("; ", programme.nextSteps())))
			.collect(Collectors.joining("\n"));
		if (!mitigation.isEmpty()) {
			risk.setMitigation(mitigation);
		}
		return risk;
	}

	private static void score(RiskAssessment risk, String outcome, String name, Assessment.Score score, Mappings mappings) {
		if (score == null || score.value() == null) {
			return;
		}
		String text = name + " " + score.value() + (score.band() == null ? "" : " (" + score.band() + ")");
		risk.addPrediction(prediction(outcome, mappings.bandRisk(score.band()), text + (score.reasons() == null ? "" : ": " + rationale(score.reasons()))));
	}

	private static RiskAssessmentPredictionComponent prediction(String outcome, Optional<String> risk, String rationale) {
		var prediction = new RiskAssessmentPredictionComponent().setOutcome(new CodeableConcept().setText(outcome)).setRationale(rationale);
		risk.ifPresent(code -> prediction.setQualitativeRisk(new CodeableConcept(new Coding(RISK_PROBABILITY, code, code))));
		return prediction;
	}

	private static String rationale(List<Assessment.Reason> reasons) {
		return reasons.stream().map(reason -> reason.rule() + ": " + reason.text()).collect(Collectors.joining("; "));
	}

}
