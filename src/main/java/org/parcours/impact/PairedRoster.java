package org.parcours.impact;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import org.parcours.assessment.Evaluation;
import org.parcours.patient.Kebab;
import org.parcours.patient.Patient;
import org.parcours.patient.PatientValidator;
import org.parcours.roster.AgeBand;
import org.parcours.roster.CsvRecords;
import org.parcours.roster.OrderedChunks;
import org.parcours.roster.RosterFileException;
import org.parcours.roster.RosterProfile;
import org.parcours.roster.RowError;
import org.parcours.rules.RuleSet;

/**
 * A roster scored by two rule sets, row by row, streamed ({@link OrderedChunks}): workers score each
 * row with both rule sets and the calling thread hands the pairs over in input order, so memory stays
 * the same whatever the length of the roster; what is kept of the rows is the caller's ({@link ImpactTally} keeps counts only).
 *
 * <p>Each side maps the row with its own tables, so a candidate that edits a mapping table shows its
 * effect too. The outcome column is withheld from the profile (see {@link #without}). The header is read and checked by {@link #open}, before any row.
 */
final class PairedRoster {

	private static final int CHUNK_ROWS = 256;

	private final CsvRecords records;

	private final int headerWidth;

	private final int idColumn;

	private final int outcomeColumn;

	private final OutcomeSpec outcome;

	private final SideScorer baseline;

	private final SideScorer candidate;

	private final LocalDate today;

	private volatile OrderedChunks<RowPair> chunks;

	private PairedRoster(CsvRecords records, int headerWidth, int idColumn, int outcomeColumn, OutcomeSpec outcome, SideScorer baseline,
			SideScorer candidate, LocalDate today) {
		this.records = records;
		this.headerWidth = headerWidth;
		this.idColumn = idColumn;
		this.outcomeColumn = outcomeColumn;
		this.outcome = outcome;
		this.baseline = baseline;
		this.candidate = candidate;
		this.today = today;
	}

	/** Reads and checks the header; a {@link RosterFileException} when the roster cannot be compared at all. */
	static PairedRoster open(BufferedReader input, RosterProfile profile, RuleSet baseline, RuleSet candidate, OutcomeSpec outcome,
			PatientValidator validator, LocalDate today) throws IOException {
		CsvRecords records = new CsvRecords(input);
		String[] names = records.header();
		int outcomeColumn = -1;
		if (outcome != null) {
			outcomeColumn = indexOf(names, outcome.column());
			if (outcomeColumn < 0) {
				throw new RosterFileException(RosterFileException.Kind.BAD_HEADER, "outcome",
						"the outcome column '" + outcome.column() + "' is not in the header");
			}
		}
		String[] inputs = without(names, outcomeColumn);
		RosterProfile.Mapper baselineMapper = profile.bind(inputs, baseline.vocabulary().mappings());
		RosterProfile.Mapper candidateMapper = profile.bind(inputs, candidate.vocabulary().mappings());
		int idColumn = baselineMapper.idColumn() >= 0 && outcomeColumn >= 0 && baselineMapper.idColumn() >= outcomeColumn
				? baselineMapper.idColumn() + 1 : baselineMapper.idColumn();
		return new PairedRoster(records, names.length, idColumn, outcomeColumn, outcome,
				new SideScorer(baselineMapper, Evaluation.on(baseline, today, validator)),
				new SideScorer(candidateMapper, Evaluation.on(candidate, today, validator)), today);
	}

	long rowsRead() {
		OrderedChunks<RowPair> running = chunks;
		return running == null ? 0 : running.rowsRead();
	}

	long blankLines() {
		return records.blankLines();
	}

	/**
	 * Scores every row with both rule sets and hands the pairs to {@code sink} in input order, on the
	 * calling thread; {@code progress} is told the rows handed over after each chunk. An input that
	 * fails mid-way is a {@link RosterFileException}.
	 */
	void run(Consumer<RowPair> sink, Consumer<Long> progress) throws IOException {
		long handed = 0;
		try (OrderedChunks<RowPair> running = new OrderedChunks<>(records, Runtime.getRuntime().availableProcessors(), CHUNK_ROWS,
				"impact", (record, rowNumber) -> pair(record.fields(), rowNumber))) {
			chunks = running;
			for (List<RowPair> pairs = running.next(); pairs != null; pairs = running.next()) {
				pairs.forEach(sink);
				handed += pairs.size();
				progress.accept(handed);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
		catch (ExecutionException ex) {
			// only the reader fails a chunk (workers turn every failure into an error row)
			throw new RosterFileException(RosterFileException.Kind.UNREADABLE_INPUT, "input",
					"the input could not be read after " + handed + " rows (" + ex.getCause().getClass().getSimpleName() + ")");
		}
	}

	/** Row numbers count data rows from 1, the header excluded. */
	private RowPair pair(String[] cells, long rowNumber) {
		String id = cells != null && idColumn >= 0 && idColumn < cells.length && !cells[idColumn].isBlank() ? cells[idColumn].strip()
				: "row " + rowNumber;
		if (cells == null || cells.length != headerWidth) {
			SideOutcome malformed = SideOutcome.error(RowError.MALFORMED_ROW);
			return new RowPair(id, "unknown", "not-given", null, malformed, malformed);
		}
		Boolean positive = outcome == null ? null : outcome.of(cells[outcomeColumn]);
		String[] inputs = without(cells, outcomeColumn);
		RosterProfile.Row baselineRow;
		RosterProfile.Row candidateRow;
		try {
			baselineRow = baseline.map(inputs);
			candidateRow = candidate.map(inputs);
		}
		catch (RuntimeException ex) {
			SideOutcome malformed = SideOutcome.error(RowError.MALFORMED_ROW);
			return new RowPair(id, "unknown", "not-given", positive, malformed, malformed);
		}
		Patient patient = baselineRow.patient();
		String sex = patient.sex() == null ? "not-given" : Kebab.of(patient.sex());
		return new RowPair(id, AgeBand.of(patient, today), sex, positive, baseline.score(baselineRow), candidate.score(candidateRow));
	}

	/**
	 * The cells without the outcome column: an observed outcome is never a rule input (the profile does
	 * not see it), so that the levels validated against it cannot have been computed from it.
	 */
	private static String[] without(String[] cells, int column) {
		if (column < 0) {
			return cells;
		}
		String[] kept = new String[cells.length - 1];
		System.arraycopy(cells, 0, kept, 0, column);
		System.arraycopy(cells, column + 1, kept, column, cells.length - column - 1);
		return kept;
	}

	private static int indexOf(String[] names, String name) {
		for (int i = 0; i < names.length; i++) {
			if (names[i].strip().equals(name.strip())) {
				return i;
			}
		}
		return -1;
	}
}
