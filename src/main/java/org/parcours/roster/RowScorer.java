package org.parcours.roster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.parcours.assessment.Assessment;
import org.parcours.assessment.Evaluation;
import org.parcours.assessment.ProgrammeStatus;
import org.parcours.patient.InvalidPatientException;
import org.parcours.patient.Kebab;
import org.parcours.patient.Patient;

/**
 * Turns one CSV record into one output row: map it with the profile, then validate and evaluate it
 * as the API does, on the run's single rule-set snapshot and date ({@link Evaluation}). Anything wrong with the row becomes
 * that row's error; nothing here stops the run. Thread-safe: workers share one instance.
 *
 * <p>When the roster gives an age band rather than an age, the patient is evaluated at both ends of
 * the band. An output that differs between the two ends depends on where in the band the patient's
 * age lies, which the roster does not say: a programme becomes {@code insufficient-data}, another
 * cell is left empty, and the reasons say {@code age-band:<column>}. Where the ends agree (every
 * threshold lies outside the band) the result is exact. This knows no threshold: the rules decide.
 */
final class RowScorer {

	static final String INSUFFICIENT = ProgrammeStatus.INSUFFICIENT_DATA.word();

	private final RosterProfile.Mapper mapper;

	private final int headerWidth;

	private final int[] keptColumns;

	private final OutputLayout layout;

	private final Evaluation evaluation;

	RowScorer(RosterProfile.Mapper mapper, int headerWidth, int[] keptColumns, OutputLayout layout, Evaluation evaluation) {
		this.mapper = mapper;
		this.headerWidth = headerWidth;
		this.keptColumns = keptColumns.clone();
		this.layout = layout;
		this.evaluation = evaluation;
	}

	/** A record that could not even be split into cells. */
	ScoredRow unreadable(String problem) {
		String[] out = new String[layout.width()];
		return error(out, List.of(new RowError(RowError.MALFORMED_ROW, "row", problem)), null, null);
	}

	ScoredRow score(String[] cells) {
		String[] out = new String[layout.width()];
		int id = mapper.idColumn();
		if (id >= 0 && id < cells.length) {
			out[0] = cells[id];
		}
		for (int k = 0; k < keptColumns.length; k++) {
			out[layout.keptStart() + k] = keptColumns[k] < cells.length ? cells[keptColumns[k]] : null;
		}
		if (cells.length != headerWidth) {
			return error(out, List.of(new RowError(RowError.MALFORMED_ROW, "row",
					"has " + cells.length + " column(s); the header has " + headerWidth)), null, null);
		}
		RosterProfile.Row row;
		try {
			row = mapper.map(cells);
		}
		catch (RuntimeException ex) {
			return error(out, List.of(new RowError(RowError.MALFORMED_ROW, "row", "could not be read by the profile")), null, null);
		}
		Patient patient = row.patient();
		String ageBand = AgeBand.of(patient, evaluation.today());
		String sex = patient.sex() == null ? "not-given" : Kebab.of(patient.sex());
		if (!row.errors().isEmpty()) {
			return error(out, row.errors(), ageBand, sex);
		}
		try {
			String[] low = out.clone();
			Assessment assessment = evaluation.assess(patient);
			String[] reasons = fill(low, assessment);
			if (row.ageUpperBound() != null && !row.ageUpperBound().equals(patient.age())) {
				String[] high = out.clone();
				fill(high, evaluation.assess(patient.toBuilder().age(row.ageUpperBound()).build()));
				reasons = mergeBand(low, high, reasons);
			}
			low[layout.reasons()] = String.join(";", reasons);
			// Chronic categories come from the codes, not the age: both ends of an age band agree on them.
			return new ScoredRow(neutralise(low), null, ageBand, sex, assessment.derived().chronicCount() > 0);
		}
		catch (InvalidPatientException ex) {
			return error(out, ex.errors().stream().map(e -> new RowError(RowError.INVALID_PATIENT, e.field(), e.message())).toList(),
					ageBand, sex);
		}
		catch (RuntimeException ex) {
			return error(out, List.of(new RowError(RowError.EVALUATION_FAILED, "row", "the rules could not evaluate this row")),
					ageBand, sex);
		}
	}

	/** Writes the assessment into the row and returns its compact reasons (rule ids). */
	private String[] fill(String[] out, Assessment assessment) {
		int at = layout.outcomeStart();
		out[at] = Integer.toString(assessment.riskLevel().level());
		out[at + 1] = assessment.riskLevel().label();
		Assessment.Scores scores = assessment.scores();
		out[at + 2] = text(scores.charlson().value());
		out[at + 3] = text(scores.charlson().ageAdjusted());
		out[at + 4] = text(scores.lace().value());
		out[at + 5] = scores.lace().band();
		out[at + 6] = text(scores.hospital().value());
		out[at + 7] = scores.hospital().band();
		out[at + 8] = text(scores.isar().value());
		out[at + 9] = scores.isar().band();
		out[at + 10] = text(scores.segaA().value());
		out[at + 11] = scores.segaA().band();
		out[at + 12] = text(scores.hfrs().value());
		out[at + 13] = scores.hfrs().band();
		List<String> reasons = new ArrayList<>();
		assessment.riskLevel().reasons().stream().map(Assessment.Reason::rule).distinct().forEach(reasons::add);
		for (Assessment.ProgrammeOutcome programme : assessment.programmes()) {
			int column = layout.programmes().indexOf(programme.id());
			if (column >= 0) {
				out[layout.programmeStart() + column] = programme.status().word();
			}
			if (!programme.reasons().isEmpty()) {
				reasons.add(programme.id() + ":" + programme.reasons().stream().map(Assessment.Reason::rule).distinct()
					.collect(Collectors.joining("+")));
			}
		}
		out[layout.warnings()] = assessment.warnings().stream().map(Assessment.Warning::code).distinct().sorted()
			.collect(Collectors.joining(";"));
		return reasons.toArray(String[]::new);
	}

	/** Keeps what both ends of the age band agree on; see the class comment. */
	private String[] mergeBand(String[] low, String[] high, String[] lowReasons) {
		List<String> reasons = new ArrayList<>(List.of(lowReasons));
		List<String> header = layout.header();
		for (int i = layout.outcomeStart(); i < layout.reasons(); i++) {
			if (!Objects.equals(low[i], high[i])) {
				boolean programme = i >= layout.programmeStart();
				low[i] = programme ? INSUFFICIENT : null;
				reasons.add("age-band:" + header.get(i));
			}
		}
		return reasons.toArray(String[]::new);
	}

	private ScoredRow error(String[] out, List<RowError> errors, String ageBand, String sex) {
		List<RowError> sorted = errors.stream().sorted(Comparator.comparing(RowError::field)).toList();
		String kind = errors.get(0).kind();
		out[layout.error()] = kind + ": " + sorted.stream().map(RowError::toString).collect(Collectors.joining("; "));
		return new ScoredRow(neutralise(out), kind, ageBand == null ? "unknown" : ageBand, sex == null ? "not-given" : sex, false);
	}

	private static String[] neutralise(String[] cells) {
		for (int i = 0; i < cells.length; i++) {
			cells[i] = FormulaGuard.neutralise(cells[i]);
		}
		return cells;
	}

	private static String text(Number value) {
		return value == null ? null : value.toString();
	}
}
