package org.parcours.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.parcours.population.LevelShares;
import org.parcours.population.ShareBound;
import org.parcours.population.TargetsReport;

/**
 * What a run did, for the {@code --summary} file: rows in and out, errors by kind, levels and
 * programme statuses overall and by age band x sex (so that outcome differences between groups are
 * visible; sex is reported here only and is never a rule input), the share of each level overall and
 * among chronic patients against the rule set's population targets, and throughput. Built by the
 * single writer thread, so it needs no locking.
 */
final class RosterSummary {

	private final String profile;

	private final String rulesVersion;

	private final OutputLayout layout;

	private final Counts all = new Counts();

	private final Map<String, Map<String, Counts>> groups = new TreeMap<>();

	private final LevelShares shares = new LevelShares();

	private final List<ShareBound> targets;

	private FirstError firstError;

	private long rowsIn;

	private long rowsOut;

	private long blankLines;

	private double seconds;

	RosterSummary(String profile, String rulesVersion, OutputLayout layout, List<ShareBound> targets) {
		this.profile = profile;
		this.rulesVersion = rulesVersion;
		this.layout = layout;
		this.targets = List.copyOf(targets);
	}

	void read(long rows, long blankLines) {
		this.rowsIn = rows;
		this.blankLines = blankLines;
	}

	void written(ScoredRow row) {
		rowsOut++;
		if (row.errorKind() != null && firstError == null) {
			firstError = new FirstError(rowsOut, row.errorKind());
		}
		all.add(row, layout);
		if (row.errorKind() == null) {
			String level = row.cells()[layout.level()];
			shares.add(level == null ? null : Integer.valueOf(level), row.chronic());
		}
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

	/** The first row in error so far (its number among the data rows, from 1, and its kind), if any. */
	Optional<FirstError> firstError() {
		return Optional.ofNullable(firstError);
	}

	record FirstError(long row, String kind) {
	}

	/** The levels of the rows scored, overall and among chronic patients: for the reference roster's bounds. */
	LevelShares shares() {
		return shares;
	}

	/** The level shares against the rule set's population targets, with an alert per target missed. */
	TargetsReport population() {
		return TargetsReport.of(shares, targets);
	}

	/** The summary as written to JSON. */
	Report report() {
		List<Group> byGroup = new ArrayList<>();
		groups.forEach((band, bySex) -> bySex.forEach((sex, counts) -> byGroup.add(new Group(band, sex, counts.rows, counts.errors,
				counts.levels, counts.programmes))));
		return new Report(profile, rulesVersion, rowsIn, rowsOut, blankLines, all.errors, all.errorKinds, all.levels, all.programmes,
				byGroup, population(), Math.round(seconds * 1000) / 1000.0, seconds > 0 ? Math.round(rowsOut / seconds) : 0);
	}

	record Report(String profile, String rulesVersion, long rowsIn, long rowsOut, long blankLinesSkipped, long errorRows,
			Map<String, Long> errorsByKind, Map<String, Long> levels, Map<String, Map<String, Long>> programmes,
			List<Group> byAgeBandAndSex, TargetsReport population, double seconds, long rowsPerSecond) {
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
