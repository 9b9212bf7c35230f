package org.parcours.impact;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.parcours.population.TargetsReport;

/**
 * The impact report as one self-contained HTML page: inline styles and SVG, no script, font or
 * stylesheet from elsewhere, so that it opens in any browser without the service. Every figure is
 * one of the JSON report's (counts as they are, rates and AUCs to three decimals); cells carry their
 * key in {@code data-} attributes so that a reader (or a test) can find them.
 */
final class HtmlReport {

	private static final String BASELINE_COLOUR = "#1f5fa8";

	private static final String CANDIDATE_COLOUR = "#d9661f";

	private static final int TOP_RULES = 20;

	private final StringBuilder html = new StringBuilder(64 * 1024);

	private final ImpactReport report;

	private HtmlReport(ImpactReport report) {
		this.report = report;
	}

	static String render(ImpactReport report) {
		return new HtmlReport(report).page();
	}

	private String page() {
		html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Rule-set impact: ")
			.append(escape(report.candidate().version())).append(" against ").append(escape(report.baseline().version()))
			.append("</title>\n<style>\n").append(STYLE).append("</style></head><body>\n");
		summary();
		pyramids();
		population();
		levelMatrix();
		programmes();
		rules();
		if (report.outcome() != null) {
			outcome();
		}
		groups();
		html.append("</body></html>\n");
		return html.toString();
	}

	private void summary() {
		html.append("<h1>Impact of a candidate rule set</h1>\n<table class=\"facts\">")
			.append("<tr><th>Baseline</th><td data-key=\"baseline.version\">").append(escape(report.baseline().version())).append("</td></tr>")
			.append("<tr><th>Candidate</th><td data-key=\"candidate.version\">").append(escape(report.candidate().version()))
			.append("</td></tr>")
			.append("<tr><th>Roster</th><td><span data-key=\"rows\">").append(count(report.rows())).append("</span> rows, profile ")
			.append(escape(report.profile())).append("</td></tr>")
			.append("<tr><th>Rows not scored</th><td>baseline <span data-key=\"errorRows.baseline\">")
			.append(count(total(report.errorRows().baseline()))).append("</span>, candidate <span data-key=\"errorRows.candidate\">")
			.append(count(total(report.errorRows().candidate()))).append("</span></td></tr>")
			.append("<tr><th>Time</th><td>").append(String.format(Locale.ROOT, "%.1f s", report.seconds())).append("</td></tr></table>\n");
		html.append("<h2>Files that differ</h2>\n");
		if (report.fileChanges().isEmpty()) {
			html.append("<p>None: the two rule sets have the same files.</p>\n");
		}
		else {
			html.append("<ul>");
			report.fileChanges().forEach(change -> html.append("<li><code>").append(escape(change.path())).append("</code> ")
				.append(escape(change.change())).append("</li>"));
			html.append("</ul>\n");
		}
	}

	private void pyramids() {
		html.append("<h2>Levels</h2>\n<div class=\"pair\">");
		pyramid("Baseline", "baseline", report.levels().baseline(), BASELINE_COLOUR);
		pyramid("Candidate", "candidate", report.levels().candidate(), CANDIDATE_COLOUR);
		html.append("</div>\n");
	}

	private void pyramid(String title, String side, Map<String, Long> levels, String colour) {
		long scored = total(levels);
		List<String> tiers = levels.keySet().stream().filter(HtmlReport::numeric).sorted(ImpactTally.LEVEL_ORDER.reversed()).toList();
		int width = 360;
		int row = 44;
		html.append("<figure><figcaption>").append(title).append("</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
			.append(width).append("\" height=\"").append(row * tiers.size() + 8).append("\" role=\"img\" aria-label=\"").append(title)
			.append(" levels\">");
		for (int i = 0; i < tiers.size(); i++) {
			String level = tiers.get(i);
			long n = levels.get(level);
			double share = scored == 0 ? 0 : (double) n / scored;
			double bar = Math.max(2, share * (width - 20));
			html.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" opacity=\"%.2f\"/>",
					(width - bar) / 2, i * row + 4, bar, row - 20, colour, 0.45 + 0.55 * (i + 1) / tiers.size()));
			html.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">Level %s: %s (%s)</text>", width / 2,
					i * row + row + 0, escape(level), count(n), percent(share)));
		}
		html.append("</svg>");
		levels.forEach((level, n) -> {
			if (!numeric(level)) {
				html.append("<p>").append(escape(level)).append(": ").append(count(n)).append("</p>");
			}
		});
		html.append("<table><tr><th>level</th><th>rows</th></tr>");
		levels.forEach((level, n) -> html.append("<tr><td>").append(escape(level)).append("</td><td data-key=\"levels.").append(side)
			.append('.').append(escape(level)).append("\">").append(count(n)).append("</td></tr>"));
		html.append("</table></figure>");
	}

	/**
	 * Each side's level shares against its own population targets: a target either side declares is one
	 * row, with the share each side measured and whether it was met ({@code not declared} on a side that
	 * lacks it, {@code not measurable} when that population had no row).
	 */
	private void population() {
		ImpactReport.Sides<TargetsReport> population = report.population();
		html.append("<h2>Population targets</h2>\n");
		Map<String, TargetsReport.Target> baseline = byId(population.baseline());
		Map<String, TargetsReport.Target> candidate = byId(population.candidate());
		Set<String> ids = new LinkedHashSet<>(baseline.keySet());
		ids.addAll(candidate.keySet());
		if (ids.isEmpty()) {
			html.append("<p>Neither rule set declares a population target.</p>\n");
		}
		else {
			html.append("<table><tr><th>target</th><th>population</th><th>level</th><th>bound (%)</th><th>baseline share</th>")
				.append("<th>baseline</th><th>candidate share</th><th>candidate</th></tr>");
			for (String id : ids) {
				TargetsReport.Target declared = candidate.getOrDefault(id, baseline.get(id));
				html.append("<tr data-target=\"").append(escape(id)).append("\"><td><code>").append(escape(id)).append("</code></td><td>")
					.append(escape(declared.population())).append("</td><td>").append(declared.level()).append("</td><td>")
					.append(number(declared.atLeastPercent())).append(" to ").append(number(declared.atMostPercent())).append("</td>");
				targetCells("population.baseline." + id, baseline.get(id));
				targetCells("population.candidate." + id, candidate.get(id));
				html.append("</tr>");
			}
			html.append("</table>\n");
		}
		if (!population.candidate().alerts().isEmpty()) {
			html.append("<p><strong>The candidate misses a target:</strong></p><ul>");
			population.candidate().alerts().forEach(alert -> html.append("<li class=\"alert\">").append(escape(alert)).append("</li>"));
			html.append("</ul>\n");
		}
	}

	private void targetCells(String key, TargetsReport.Target target) {
		if (target == null) {
			html.append("<td>&ndash;</td><td>not declared</td>");
			return;
		}
		String k = escape(key);
		if (target.percent() == null) {
			html.append("<td data-key=\"").append(k).append(".rows\">0</td><td data-key=\"").append(k).append(".met\">not measurable</td>");
			return;
		}
		html.append("<td><span data-key=\"").append(k).append(".percent\">").append(number(target.percent()))
			.append("</span> % (<span data-key=\"").append(k).append(".count\">").append(target.count())
			.append("</span> of <span data-key=\"").append(k).append(".rows\">").append(target.rows()).append("</span>)</td><td data-key=\"")
			.append(k).append(".met\">").append(target.met() ? "met" : "missed").append("</td>");
	}

	private static Map<String, TargetsReport.Target> byId(TargetsReport population) {
		Map<String, TargetsReport.Target> targets = new LinkedHashMap<>();
		population.targets().forEach(target -> targets.put(target.id(), target));
		return targets;
	}

	/** A percentage as the JSON report holds it, without trailing zeros. */
	private static String number(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

	private void levelMatrix() {
		html.append("<h2>Level transitions</h2>\n<p>Rows: baseline level; columns: candidate level. The diagonal is unchanged.</p>\n");
		matrix("levelTransitions", report.levelTransitions());
		if (!report.examples().levels().isEmpty()) {
			html.append("<details><summary>Example row ids of each change</summary><ul>");
			report.examples().levels().forEach(example -> html.append("<li>").append(escape(example.from())).append(" &rarr; ")
				.append(escape(example.to())).append(": ").append(escape(String.join(", ", example.rowIds()))).append("</li>"));
			html.append("</ul></details>\n");
		}
	}

	private void matrix(String key, List<ImpactReport.Transition> transitions) {
		Set<String> states = new TreeSet<>(ImpactTally.LEVEL_ORDER);
		transitions.forEach(t -> {
			states.add(t.from());
			states.add(t.to());
		});
		long max = transitions.stream().mapToLong(ImpactReport.Transition::count).max().orElse(0);
		html.append("<table class=\"matrix\" data-key=\"").append(escape(key)).append("\"><tr><th>baseline \\ candidate</th>");
		states.forEach(state -> html.append("<th>").append(escape(state)).append("</th>"));
		html.append("</tr>");
		for (String from : states) {
			html.append("<tr><th>").append(escape(from)).append("</th>");
			for (String to : states) {
				long n = transitions.stream().filter(t -> t.from().equals(from) && t.to().equals(to)).mapToLong(ImpactReport.Transition::count)
					.findFirst().orElse(0);
				double intensity = max == 0 || n == 0 ? 0 : Math.log1p(n) / Math.log1p(max);
				String colour = from.equals(to) ? "31,95,168" : "217,102,31";
				html.append(String.format(Locale.ROOT, "<td data-from=\"%s\" data-to=\"%s\" style=\"background:rgba(%s,%.2f)\">%s</td>",
						escape(from), escape(to), colour, 0.08 + 0.6 * intensity, count(n)));
			}
			html.append("</tr>");
		}
		html.append("</table>\n");
	}

	private void programmes() {
		html.append("<h2>Programmes</h2>\n");
		report.programmes().forEach((id, impact) -> {
			long changed = impact.transitions().stream().filter(t -> !t.from().equals(t.to())).mapToLong(ImpactReport.Transition::count).sum();
			html.append("<h3>").append(escape(id)).append(": <span data-key=\"programmes.").append(escape(id)).append(".changed\">")
				.append(count(changed)).append("</span> rows change status</h3>\n");
			html.append("<table><tr><th>status</th><th>baseline</th><th>candidate</th></tr>");
			Set<String> statuses = new TreeSet<>(impact.statuses().baseline().keySet());
			statuses.addAll(impact.statuses().candidate().keySet());
			statuses.forEach(status -> html.append("<tr><td>").append(escape(status)).append("</td><td>")
				.append(count(impact.statuses().baseline().getOrDefault(status, 0L))).append("</td><td>")
				.append(count(impact.statuses().candidate().getOrDefault(status, 0L))).append("</td></tr>"));
			html.append("</table>\n");
			if (changed > 0) {
				matrix("programmes." + id + ".transitions", impact.transitions());
			}
		});
	}

	private void rules() {
		html.append("<h2>Rules whose firing changed most</h2>\n");
		List<Map.Entry<String, ImpactReport.Sides<Long>>> changed = report.rules().entrySet().stream()
			.filter(rule -> !rule.getValue().baseline().equals(rule.getValue().candidate()))
			.sorted(Comparator.comparingLong((Map.Entry<String, ImpactReport.Sides<Long>> rule) -> -Math.abs(change(rule.getValue())))
				.thenComparing(Map.Entry::getKey))
			.limit(TOP_RULES).toList();
		if (changed.isEmpty()) {
			html.append("<p>Every rule fired for as many rows on both sides.</p>\n");
			return;
		}
		html.append("<table><tr><th>rule</th><th>baseline rows</th><th>candidate rows</th><th>change</th></tr>");
		changed.forEach(rule -> html.append("<tr data-rule=\"").append(escape(rule.getKey())).append("\"><td><code>")
			.append(escape(rule.getKey())).append("</code></td><td>").append(count(rule.getValue().baseline())).append("</td><td>")
			.append(count(rule.getValue().candidate())).append("</td><td>").append(signed(change(rule.getValue()))).append("</td></tr>"));
		html.append("</table>\n");
	}

	private void outcome() {
		ImpactReport.Outcome outcome = report.outcome();
		html.append("<h2>Against the outcome <code>").append(escape(outcome.column())).append(" = ").append(escape(outcome.positiveValue()))
			.append("</code></h2>\n<p><span data-key=\"outcome.rows\">").append(count(outcome.rows()))
			.append("</span> rows with an outcome, <span data-key=\"outcome.positives\">").append(count(outcome.positives()))
			.append("</span> positive; <span data-key=\"outcome.rowsWithoutOutcome\">").append(count(outcome.rowsWithoutOutcome()))
			.append("</span> rows without one left out. Rates with ").append(escape(outcome.rateInterval()))
			.append(" intervals; AUC with ").append(escape(outcome.aucInterval())).append(" intervals.</p>\n");
		html.append("<h3>Positive rate by level</h3>\n<table><tr><th>level</th><th>baseline rows</th><th>baseline rate (95 % CI)</th>")
			.append("<th>candidate rows</th><th>candidate rate (95 % CI)</th></tr>");
		Set<String> levels = new TreeSet<>(ImpactTally.LEVEL_ORDER);
		levels.addAll(outcome.baseline().rateByLevel().keySet());
		levels.addAll(outcome.candidate().rateByLevel().keySet());
		for (String level : levels) {
			html.append("<tr><td>").append(escape(level)).append("</td>");
			rateCells("outcome.baseline.rateByLevel." + level, outcome.baseline().rateByLevel().get(level));
			rateCells("outcome.candidate.rateByLevel." + level, outcome.candidate().rateByLevel().get(level));
			html.append("</tr>");
		}
		html.append("</table>\n<h3>Discrimination (AUC)</h3>\n<table><tr><th>predictor</th><th>baseline AUC (95 % CI)</th>")
			.append("<th>candidate AUC (95 % CI)</th><th>difference (95 % CI), p</th></tr>");
		Set<String> predictors = new LinkedHashSet<>(outcome.baseline().auc().keySet());
		predictors.addAll(outcome.candidate().auc().keySet());
		for (String predictor : predictors) {
			html.append("<tr><td>").append(escape(predictor)).append("</td>");
			aucCell("outcome.baseline.auc." + predictor, outcome.baseline().auc().get(predictor));
			aucCell("outcome.candidate.auc." + predictor, outcome.candidate().auc().get(predictor));
			PairedScores.Difference difference = outcome.aucDifference().get(predictor);
			html.append("<td data-key=\"outcome.aucDifference.").append(escape(predictor)).append("\">")
				.append(difference == null ? "&ndash;" : String.format(Locale.ROOT, "%+.3f (%+.3f to %+.3f), p = %.3g", difference.difference(),
						difference.low(), difference.high(), difference.p()))
				.append("</td></tr>");
		}
		html.append("</table>\n<div class=\"pair\">");
		predictors.forEach(predictor -> roc(predictor, outcome.baseline().roc().get(predictor), outcome.candidate().roc().get(predictor)));
		html.append("</div>\n");
	}

	private void rateCells(String key, Wilson rate) {
		if (rate == null) {
			html.append("<td>0</td><td>&ndash;</td>");
			return;
		}
		html.append("<td>").append(count(rate.rows())).append("</td><td data-key=\"").append(escape(key)).append("\">")
			.append(String.format(Locale.ROOT, "%.3f (%.3f to %.3f)", rate.rate(), rate.low(), rate.high())).append("</td>");
	}

	private void aucCell(String key, PairedScores.Auc auc) {
		html.append("<td data-key=\"").append(escape(key)).append("\">")
			.append(auc == null ? "not computable" : String.format(Locale.ROOT, "%.3f (%.3f to %.3f)", auc.auc(), auc.low(), auc.high()))
			.append("</td>");
	}

	private void roc(String predictor, List<PairedScores.RocPoint> baseline, List<PairedScores.RocPoint> candidate) {
		int size = 240;
		int margin = 30;
		html.append("<figure><figcaption>ROC: ").append(escape(predictor)).append("</figcaption>")
			.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" "
					+ "aria-label=\"ROC curve of %s\">", size + margin + 10, size + margin + 10, escape(predictor)))
			.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"10\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>", margin,
					size, size))
			.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"10\" stroke=\"#bbb\" stroke-dasharray=\"4 4\"/>",
					margin, size + 10, margin + size))
			.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">1 - specificity</text>", margin + size / 2,
					size + margin + 5))
			.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\" text-anchor=\"middle\">"
					+ "sensitivity</text>", 10 + size / 2, 10 + size / 2));
		curve(baseline, BASELINE_COLOUR, "", size, margin);
		curve(candidate, CANDIDATE_COLOUR, " stroke-dasharray=\"6 3\"", size, margin);
		html.append("</svg><br><span style=\"color:").append(BASELINE_COLOUR).append("\">&#9632; baseline</span> <span style=\"color:")
			.append(CANDIDATE_COLOUR).append("\">&#9632; candidate</span></figure>");
	}

	private void curve(List<PairedScores.RocPoint> points, String colour, String dash, int size, int margin) {
		if (points == null || points.isEmpty()) {
			return;
		}
		List<String> coordinates = new ArrayList<>();
		points.forEach(point -> coordinates.add(String.format(Locale.ROOT, "%.1f,%.1f", margin + point.falsePositiveRate() * size,
				10 + (1 - point.truePositiveRate()) * size)));
		html.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\"").append(dash).append(" points=\"")
			.append(String.join(" ", coordinates)).append("\"/>");
	}

	private void groups() {
		html.append("<h2>By age band and sex</h2>\n<p>Sex is shown so that a change that moves one group more than another is "
				+ "visible; it is never a rule input.</p>\n<table><tr><th>age band</th><th>sex</th><th>rows</th>"
				+ "<th>baseline levels 1 / 2 / 3</th><th>candidate levels 1 / 2 / 3</th><th>top level, change in points</th>");
		boolean outcome = report.outcome() != null;
		if (outcome) {
			html.append("<th>baseline rate by level 1 / 2 / 3</th><th>candidate rate by level 1 / 2 / 3</th><th>baseline level AUC</th>")
				.append("<th>candidate level AUC</th>");
		}
		html.append("</tr>");
		String top = report.levelTransitions().stream().map(ImpactReport.Transition::from).filter(HtmlReport::numeric)
			.max(ImpactTally.LEVEL_ORDER).orElse("3");
		for (ImpactReport.Group group : report.byAgeBandAndSex()) {
			String key = group.ageBand() + "." + group.sex();
			html.append("<tr data-group=\"").append(escape(key)).append("\"><td>").append(escape(group.ageBand())).append("</td><td>")
				.append(escape(group.sex())).append("</td><td>").append(count(group.rows())).append("</td><td>")
				.append(levelCounts(group.counts().baseline().levels())).append("</td><td>")
				.append(levelCounts(group.counts().candidate().levels())).append("</td><td>");
			long base = group.counts().baseline().levels().getOrDefault(top, 0L);
			long cand = group.counts().candidate().levels().getOrDefault(top, 0L);
			html.append(group.rows() == 0 ? "&ndash;" : String.format(Locale.ROOT, "%+.1f", 100.0 * (cand - base) / group.rows()))
				.append("</td>");
			if (outcome) {
				ImpactReport.GroupOutcome rates = report.outcome().byAgeBandAndSex().stream()
					.filter(g -> g.ageBand().equals(group.ageBand()) && g.sex().equals(group.sex())).findFirst().orElse(null);
				if (rates == null) {
					html.append("<td>&ndash;</td><td>&ndash;</td><td>&ndash;</td><td>&ndash;</td>");
				}
				else {
					html.append("<td>").append(rates(rates.sides().baseline().rateByLevel())).append("</td><td>")
						.append(rates(rates.sides().candidate().rateByLevel())).append("</td>");
					aucCell("outcome.byAgeBandAndSex." + key + ".baseline", rates.sides().baseline().levelAuc());
					aucCell("outcome.byAgeBandAndSex." + key + ".candidate", rates.sides().candidate().levelAuc());
				}
			}
			html.append("</tr>");
		}
		html.append("</table>\n");
	}

	private static String levelCounts(Map<String, Long> levels) {
		return String.join(" / ", List.of("1", "2", "3").stream().map(level -> count(levels.getOrDefault(level, 0L))).toList());
	}

	private static String rates(Map<String, Wilson> rates) {
		return String.join(" / ", List.of("1", "2", "3").stream()
			.map(level -> rates.containsKey(level) ? String.format(Locale.ROOT, "%.3f", rates.get(level).rate()) : "&ndash;").toList());
	}

	private static long change(ImpactReport.Sides<Long> sides) {
		return sides.candidate() - sides.baseline();
	}

	private static long total(Map<String, Long> counts) {
		return counts.values().stream().mapToLong(Long::longValue).sum();
	}

	private static boolean numeric(String level) {
		return !level.isEmpty() && level.chars().allMatch(Character::isDigit);
	}

	private static String count(long n) {
		return String.format(Locale.ROOT, "%,d", n);
	}

	private static String signed(long n) {
		return String.format(Locale.ROOT, "%+,d", n);
	}

	private static String percent(double share) {
		return String.format(Locale.ROOT, "%.1f %%", 100 * share);
	}

	static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	private static final String STYLE = """
			body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em; color: #222; max-width: 1200px; }
			h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ccc; } h3 { font-size: 1em; }
			table { border-collapse: collapse; margin: 0.5em 0; } th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: right; }
			th { background: #f3f3f3; } td:first-child, th:first-child { text-align: left; }
			.facts td, .facts th { text-align: left; }
			.pair { display: flex; flex-wrap: wrap; gap: 2em; } figure { margin: 0; } figcaption { font-weight: bold; }
			svg text { font-size: 12px; fill: #222; }
			""";
}
