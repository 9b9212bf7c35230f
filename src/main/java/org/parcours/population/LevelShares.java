package org.parcours.population;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts scored rows by Kaiser level, overall and among chronic patients, and compares the shares with
 * bounds. A row whose level could not be decided (an age band straddling a threshold) counts in the
 * population with no level, so shares are of every row scored; rows in error are not counted at all.
 * Not thread-safe: one writer adds rows.
 */
public final class LevelShares {

	/** The level of a row whose level the roster cannot decide. */
	public static final String UNDETERMINED = "undetermined";

	private final Map<Population, Map<String, Long>> counts = new EnumMap<>(Population.class);

	private final Map<Population, Long> rows = new EnumMap<>(Population.class);

	public LevelShares() {
		for (Population population : Population.values()) {
			counts.put(population, new TreeMap<>());
			rows.put(population, 0L);
		}
	}

	/** One scored row: its level ({@code null} when undetermined) and whether it has a chronic category. */
	public void add(Integer level, boolean chronic) {
		add(Population.ALL, level);
		if (chronic) {
			add(Population.CHRONIC, level);
		}
	}

	private void add(Population population, Integer level) {
		rows.merge(population, 1L, Long::sum);
		counts.get(population).merge(level == null ? UNDETERMINED : level.toString(), 1L, Long::sum);
	}

	public long rows(Population population) {
		return rows.get(population);
	}

	public long count(Population population, int level) {
		return counts.get(population).getOrDefault(Integer.toString(level), 0L);
	}

	public ShareCheck check(ShareBound bound) {
		return ShareCheck.of(bound, count(bound.population(), bound.level()), rows(bound.population()));
	}

	public List<ShareCheck> check(List<ShareBound> bounds) {
		return bounds.stream().map(this::check).toList();
	}

	/** Per population ({@code all}, {@code chronic}): its rows and, per level, the count and percentage. */
	public Map<String, Group> report() {
		Map<String, Group> report = new TreeMap<>();
		for (Population population : Population.values()) {
			long total = rows(population);
			Map<String, Share> levels = new TreeMap<>();
			counts.get(population).forEach((level, count) -> levels.put(level, new Share(count, Percent.of(count, total))));
			report.put(population.word(), new Group(total, levels));
		}
		return report;
	}

	public record Group(long rows, Map<String, Share> levels) {
	}

	public record Share(long count, double percent) {
	}
}
