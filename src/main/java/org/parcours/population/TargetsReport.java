package org.parcours.population;

import java.util.List;
import java.util.Map;

/**
 * The population part of a batch summary or impact report: the share of each level overall and among
 * chronic patients ({@code levelShares}), each declared target with its measured share
 * ({@code targets}), and one alert line per missed target ({@code alerts}, empty when every target is
 * met or cannot be measured).
 */
public record TargetsReport(Map<String, LevelShares.Group> levelShares, List<Target> targets, List<String> alerts) {

	public static TargetsReport of(LevelShares shares, List<ShareBound> targets) {
		List<ShareCheck> checks = shares.check(targets);
		return new TargetsReport(shares.report(), checks.stream().map(Target::of).toList(),
				checks.stream().filter(check -> Boolean.FALSE.equals(check.met()))
					.map(check -> "population target '" + check.bound().id() + "' missed: " + check.describe()).toList());
	}

	/** One target as declared, with what the roster measured ({@code percent} and {@code met} null when unmeasurable). */
	public record Target(String id, String population, int level, double atLeastPercent, double atMostPercent, String source, long rows,
			long count, Double percent, Boolean met) {

		static Target of(ShareCheck check) {
			ShareBound bound = check.bound();
			return new Target(bound.id(), bound.population().word(), bound.level(), bound.atLeastPercent(), bound.atMostPercent(),
					bound.source(), check.rows(), check.count(), check.percent(), check.met());
		}
	}
}
