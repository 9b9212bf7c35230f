package org.parcours.impact;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import org.parcours.assessment.Assessment;
import org.parcours.assessment.Evaluation;
import org.parcours.assessment.ProgrammeStatus;
import org.parcours.facts.ScoreName;
import org.parcours.patient.InvalidPatientException;
import org.parcours.patient.Patient;
import org.parcours.roster.RosterProfile;
import org.parcours.roster.RowError;

/**
 * One side of a comparison: a row mapped with this rule set's tables, validated and evaluated on
 * this rule set ({@link Evaluation}, the path of every answer), with the rules that fired recorded.
 * An age band is evaluated at both ends as the {@code score} command does. Thread-safe.
 */
final class SideScorer {

	/** The age-adjusted Charlson, named as in the scored roster's columns. */
	static final String CHARLSON_AGE_ADJUSTED = ScoreName.CHARLSON.id() + "_age_adjusted";

	private final RosterProfile.Mapper mapper;

	private final Evaluation evaluation;

	SideScorer(RosterProfile.Mapper mapper, Evaluation evaluation) {
		this.mapper = mapper;
		this.evaluation = evaluation;
	}

	RosterProfile.Row map(String[] cells) {
		return mapper.map(cells);
	}

	SideOutcome score(RosterProfile.Row row) {
		if (!row.errors().isEmpty()) {
			return SideOutcome.error(row.errors().get(0).kind());
		}
		try {
			Patient patient = row.patient();
			SideOutcome low = assess(patient);
			if (row.ageUpperBound() != null && !row.ageUpperBound().equals(patient.age())) {
				return low.agreedWith(assess(patient.toBuilder().age(row.ageUpperBound()).build()), ProgrammeStatus.INSUFFICIENT_DATA.word());
			}
			return low;
		}
		catch (InvalidPatientException ex) {
			return SideOutcome.error(RowError.INVALID_PATIENT);
		}
		catch (RuntimeException ex) {
			return SideOutcome.error(RowError.EVALUATION_FAILED);
		}
	}

	private SideOutcome assess(Patient patient) {
		Set<String> fired = new HashSet<>();
		Assessment assessment = evaluation.assess(patient, new DefaultAgendaEventListener() {
			@Override
			public void afterMatchFired(AfterMatchFiredEvent event) {
				fired.add(event.getMatch().getRule().getName());
			}
		});
		Map<String, Integer> scores = new LinkedHashMap<>();
		Assessment.Scores values = assessment.scores();
		putIfKnown(scores, ScoreName.CHARLSON, values.charlson().value());
		if (values.charlson().ageAdjusted() != null) {
			scores.put(CHARLSON_AGE_ADJUSTED, values.charlson().ageAdjusted());
		}
		putIfKnown(scores, ScoreName.LACE, values.lace().value());
		putIfKnown(scores, ScoreName.HOSPITAL, values.hospital().value());
		putIfKnown(scores, ScoreName.ISAR, values.isar().value());
		putIfKnown(scores, ScoreName.SEGA_A, values.segaA().value());
		putIfKnown(scores, ScoreName.HFRS, values.hfrs().value());
		Map<String, String> programmes = new TreeMap<>();
		assessment.programmes().forEach(programme -> programmes.put(programme.id(), programme.status().word()));
		return new SideOutcome(null, Integer.toString(assessment.riskLevel().level()), scores, programmes, fired,
				assessment.derived().chronicCount() > 0);
	}

	/**
	 * Scores are kept in the units the rules count in (whole tenths for the Hospital Frailty Risk
	 * Score): an AUC depends only on the order of the values, which that scaling keeps.
	 */
	private static void putIfKnown(Map<String, Integer> scores, ScoreName name, Number value) {
		if (value != null) {
			scores.put(name.id(), (int) Math.round(value.doubleValue() * Math.pow(10, name.decimals())));
		}
	}
}
