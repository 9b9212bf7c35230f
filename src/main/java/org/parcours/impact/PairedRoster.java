package org.parcours.impact;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.parcours.assessment.Evaluation;
import org.parcours.patient.Kebab;
import org.parcours.patient.Patient;
import org.parcours.patient.PatientValidator;
import org.parcours.roster.CsvRecords;
import org.parcours.roster.RosterFileException;
import org.parcours.roster.RosterProfile;
import org.parcours.roster.RowError;
import org.parcours.rules.RuleSet;

/**
 * A roster scored by two rule sets, row by row, streamed: a reader thread cuts the input into chunks,
 * workers score each row with both rule sets, and the calling thread hands the pairs over in input
 * order. The queue of chunks in flight is bounded, so memory stays the same whatever the length of
 * the roster; what is kept of the rows is the caller's ({@link ImpactTally} keeps counts only).
 *
 * <p>Each side maps the row with its own tables, so a candidate that edits a mapping table shows its
 * effect too. The outcome column is withheld from the profile (see {@link #without}). The header is read and checked by {@link #open}, before any row.
 */
final class PairedRoster {

	private static final int CHUNK_ROWS = 256;

	private static final List<RowPair> END = List.of();

	private final CsvRecords records;

	private final int headerWidth;

	private final int idColumn;

	private final int outcomeColumn;

	private final OutcomeSpec outcome;

	private final SideScorer baseline;

	private final SideScorer candidate;

	private final LocalDate today;

	private volatile long rowsRead;

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
		CsvRecords.Record header = records.next();
		if (header == null) {
			throw new RosterFileException(RosterFileException.Kind.BAD_HEADER, "header", "the roster is empty; its first line must be a header");
		}
		if (header.fields() == null) {
			throw new RosterFileException(RosterFileException.Kind.BAD_HEADER, "header", "the header " + header.problem());
		}
		String[] names = header.fields().clone();
		if (names.length > 0 && names[0].startsWith("\uFEFF")) {
			names[0] = names[0].substring(1);
		}
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
		return rowsRead;
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
		int workers = Runtime.getRuntime().availableProcessors();
		BlockingQueue<Future<List<RowPair>>> inFlight = new ArrayBlockingQueue<>(Math.max(2, workers * 4));
		ExecutorService pool = Executors.newFixedThreadPool(workers, daemon("impact-worker"));
		Thread reader = daemon("impact-reader").newThread(() -> read(pool, inFlight));
		reader.start();
		long handed = 0;
		try {
			while (true) {
				List<RowPair> pairs = inFlight.take().get();
				if (pairs == END) {
					return;
				}
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
		finally {
			reader.interrupt();
			pool.shutdownNow();
		}
	}

	private void read(ExecutorService pool, BlockingQueue<Future<List<RowPair>>> inFlight) {
		try {
			try {
				List<CsvRecords.Record> chunk = new ArrayList<>(CHUNK_ROWS);
				long count = 0;
				for (CsvRecords.Record record = records.next(); record != null; record = records.next()) {
					chunk.add(record);
					count++;
					if (chunk.size() == CHUNK_ROWS) {
						rowsRead = count;
						submit(chunk, count - chunk.size(), pool, inFlight);
						chunk = new ArrayList<>(CHUNK_ROWS);
					}
				}
				if (!chunk.isEmpty()) {
					submit(chunk, count - chunk.size(), pool, inFlight);
				}
				rowsRead = count;
				inFlight.put(CompletableFuture.completedFuture(END));
			}
			catch (IOException ex) {
				inFlight.put(CompletableFuture.failedFuture(new UncheckedIOException(ex)));
			}
			catch (RuntimeException ex) {
				inFlight.put(CompletableFuture.failedFuture(ex));
			}
		}
		catch (InterruptedException ex) {
			// the consumer stopped; nothing left to hand over
		}
	}

	private void submit(List<CsvRecords.Record> chunk, long first, ExecutorService pool, BlockingQueue<Future<List<RowPair>>> inFlight)
			throws InterruptedException {
		inFlight.put(pool.submit(() -> {
			List<RowPair> pairs = new ArrayList<>(chunk.size());
			for (int i = 0; i < chunk.size(); i++) {
				pairs.add(pair(chunk.get(i).fields(), first + i + 1));
			}
			return pairs;
		}));
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
		return new RowPair(id, ageBand(patient), sex, positive, baseline.score(baselineRow), candidate.score(candidateRow));
	}

	/** Ten-year bands, as the summary of the {@code score} command groups rows. */
	private String ageBand(Patient patient) {
		Integer age = patient.ageOn(today);
		if (age == null || age < 0 || age > 130) {
			return "unknown";
		}
		int from = age / 10 * 10;
		return from + "-" + (from + 9);
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

	private static ThreadFactory daemon(String name) {
		AtomicInteger count = new AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}
}
