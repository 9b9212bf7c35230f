package org.parcours.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run did, for the {@code --summary} file: rows in and out, errors by kind, levels and
 * programme statuses overall and by age band x sex (so that outcome differences between groups are
 * visible; sex is reported here only and is never a rule input), and throughput. Built by the
 * single writer thread, so it needs no locking.
 */
final class RosterSummary {

	private final String profile;

	private final String rulesVersion;

	private final OutputLayout layout;

	private final Counts all = new Counts();

	private final Map<String, Map<String, Counts>> groups = new TreeMap<>();

	private long rowsIn;

	private long rowsOut;

	private long blankLines;

	private double seconds;

	RosterSummary(String profile, String rulesVersion, OutputLayout layout) {
		this.profile = profile;
		this.rulesVersion = rulesVersion;
		this.layout = layout;
	}

	void read(long rows, long blankLines) {
		this.rowsIn = rows;
		this.blankLines = blankLines;
	}

	void written(ScoredRow row) {
		rowsOut++;
		all.add(row, layout);
		groups.computeIfAbsent(row.ageBand(), band -> new TreeMap<>()).computeIfAbsent(row.sex(), sex -> new Counts()).add(row, layout);
	}

	void finished(double seconds) {
		this.seconds = seconds;
	}

	long rowsIn() {
		return rowsIn;
	}

	long rowsOut() {
		return rowsOut;
	}

	long errors() {
		return all.errors;
	}

	double seconds() {
		return seconds;
	}

	/** The summary as written to JSON. */
	Report report() {
		List<Group> byGroup = new ArrayList<>();
		groups.forEach((band, bySex) -> bySex.forEach((sex, counts) -> byGroup.add(new Group(band, sex, counts.rows, counts.errors,
				counts.levels, counts.programmes))));
		return new Report(profile, rulesVersion, rowsIn, rowsOut, blankLines, all.errors, all.errorKinds, all.levels, all.programmes,
				byGroup, Math.round(seconds * 1000) / 1000.0, seconds > 0 ? Math.round(rowsOut / seconds) : 0);
	}

	record Report(String profile, String rulesVersion, long rowsIn, long rowsOut, long blankLinesSkipped, long errorRows,
			Map<String, Long> errorsByKind, Map<String, Long> levels, Map<String, Map<String, Long>> programmes,
			List<Group> byAgeBandAndSex, double seconds, long rowsPerSecond) {
	}

	record Group(String ageBand, String sex, long rows, long errorRows, Map<String, Long> levels,
			Map<String, Map<String, Long>> programmes) {
	}

	private static final class Counts {

		long rows;

		long errors;

		final Map<String, Long> errorKinds = new TreeMap<>();

		final Map<String, Long> levels = new TreeMap<>();

		final Map<String, Map<String, Long>> programmes = new TreeMap<>();

		void add(ScoredRow row, OutputLayout layout) {
			rows++;
			if (row.errorKind() != null) {
				errors++;
				errorKinds.merge(row.errorKind(), 1L, Long::sum);
				return;
			}
			String level = row.cells()[layout.level()];
			levels.merge(level == null ? "undetermined" : level, 1L, Long::sum);
			for (int p = 0; p < layout.programmes().size(); p++) {
				String status = row.cells()[layout.programmeStart() + p];
				programmes.computeIfAbsent(layout.programmes().get(p), id -> new TreeMap<>())
					.merge(status == null ? "none" : status, 1L, Long::sum);
			}
		}
	}
}
