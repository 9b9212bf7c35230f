package org.parcours.roster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;

import org.parcours.assessment.Evaluation;
import org.parcours.patient.PatientValidator;
import org.parcours.population.ShareBound;
import org.parcours.rules.RuleSet;

/**
 * One roster scored from a reader to a writer, streamed: workers score chunks of rows in parallel and
 * the calling thread writes them back in input order ({@link OrderedChunks}: bounded, so memory stays
 * constant whatever the size of the roster, and a slow writer slows the reader).
 *
 * <p>{@link #open} reads and checks the header before anything is written, so a file-level problem
 * is reported as such (HTTP 400, exit code) and never as a half-written output.
 */
final class RosterJob {

	/** Tuning of the pipeline; the defaults use every core. */
	record Options(List<String> keep, int workers, int chunkRows) {

		static Options defaults(List<String> keep) {
			return new Options(keep, Runtime.getRuntime().availableProcessors(), 512);
		}
	}

	/** Told after every chunk written: rows written so far and seconds since the start. */
	interface Progress {

		Progress NONE = (rows, seconds) -> {
		};

		void written(long rows, double seconds);
	}

	private final CsvRecords records;

	private final RowScorer scorer;

	private final OutputLayout layout;

	private final Options options;

	private final RosterSummary summary;

	/** The chunks of the run under way, read by the progress report from another thread. */
	private volatile OrderedChunks<ScoredRow> chunks;

	private RosterJob(CsvRecords records, RowScorer scorer, OutputLayout layout, Options options, RosterSummary summary) {
		this.records = records;
		this.scorer = scorer;
		this.layout = layout;
		this.options = options;
		this.summary = summary;
	}

	/** Reads and checks the header; throws {@link RosterFileException} when the roster cannot be scored at all. */
	static RosterJob open(Reader input, RosterProfile profile, Options options, RuleSet ruleSet, PatientValidator validator,
			LocalDate today) throws IOException {
		CsvRecords records = new CsvRecords(input instanceof BufferedReader buffered ? buffered : new BufferedReader(input, 1 << 16));
		String[] names = records.header();
		RosterProfile.Mapper mapper = profile.bind(names, ruleSet.vocabulary().mappings());
		int[] kept = new int[options.keep().size()];
		for (int k = 0; k < kept.length; k++) {
			kept[k] = indexOf(names, options.keep().get(k));
			if (kept[k] < 0) {
				throw new RosterFileException(RosterFileException.Kind.BAD_HEADER, "keep",
						"column to keep '" + options.keep().get(k) + "' is not in the header");
			}
		}
		OutputLayout layout = new OutputLayout(options.keep(), ruleSet.programmes());
		RowScorer scorer = new RowScorer(mapper, names.length, kept, layout, Evaluation.on(ruleSet, today, validator));
		return new RosterJob(records, scorer, layout, options, new RosterSummary(profile.name(), ruleSet.version(), layout,
				ruleSet.populationTargets().stream().map(ShareBound::of).toList()));
	}

	/** The first row written in error, if any yet: read by the writing thread, from {@link Progress}. */
	Optional<RosterSummary.FirstError> firstError() {
		return summary.firstError();
	}

	/** Records read from the input so far; the reader runs ahead of the rows written. */
	long rowsRead() {
		OrderedChunks<ScoredRow> running = chunks;
		return running == null ? 0 : running.rowsRead();
	}

	/**
	 * Scores every row and writes them in input order; returns the summary. An input that fails
	 * mid-way is a {@link RosterFileException}; an output that fails is the {@link IOException}.
	 */
	RosterSummary run(Writer output, Progress progress) throws IOException {
		long start = System.nanoTime();
		ICSVWriter csv = new CSVWriterBuilder(output).withLineEnd("\n").build();
		csv.writeNext(layout.header().stream().map(FormulaGuard::neutralise).toArray(String[]::new), false);
		try (OrderedChunks<ScoredRow> running = new OrderedChunks<>(records, options.workers(), options.chunkRows(), "roster",
				(record, rowNumber) -> record.fields() == null ? scorer.unreadable(record.problem()) : scorer.score(record.fields()))) {
			chunks = running;
			for (List<ScoredRow> rows = running.next(); rows != null; rows = running.next()) {
				for (ScoredRow row : rows) {
					csv.writeNext(row.cells(), false);
					summary.written(row);
				}
				if (csv.checkError()) {
					throw csv.getException() == null ? new IOException("the output could not be written") : csv.getException();
				}
				progress.written(summary.rowsOut(), (System.nanoTime() - start) / 1e9);
			}
			csv.flush();
			summary.read(running.rowsRead(), records.blankLines());
			summary.finished((System.nanoTime() - start) / 1e9);
			return summary;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
		catch (ExecutionException ex) {
			// only the reader fails a chunk (workers turn every failure into an error row)
			throw new RosterFileException(RosterFileException.Kind.UNREADABLE_INPUT, "input",
					"the input could not be read after " + summary.rowsOut() + " rows (" + ex.getCause().getClass().getSimpleName() + ")");
		}
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
