package org.parcours.impact;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.parcours.ParcoursApplication;
import org.parcours.rules.FixtureRules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code compare} run as the jar runs it, on the fixture rule set against a candidate that raises its
 * threshold ({@link ImpactFixture}): every figure of the JSON report against the hand count, and the
 * HTML page against the JSON. One comparison is shared by the tests that read it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompareCommandTests {

	JsonNode json;

	String html;

	String messages;

	/** The same comparison with population targets declared on both sides ({@link ImpactFixture#TARGETS}). */
	JsonNode targetsJson;

	String targetsHtml;

	String targetsMessages;

	@BeforeAll
	void compare(@TempDir Path dir) throws Exception {
		Path roster = Files.writeString(dir.resolve("roster.csv"), ImpactFixture.ROSTER);
		Path candidate = ImpactFixture.candidate(dir.resolve("candidate"), ImpactFixture.RAISED);
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = run(err, "compare", "--baseline", FixtureRules.DIRECTORY.toString(), "--candidate", candidate.toString(), "--input",
				roster.toString(), "--outcome", "readmitted='<30'", "--json", dir.resolve("impact.json").toString(), "--report",
				dir.resolve("impact.html").toString());
		messages = err.toString(StandardCharsets.UTF_8);
		assertThat(code).as(messages).isZero();
		json = JsonMapper.builder().build().readTree(dir.resolve("impact.json").toFile());
		html = Files.readString(dir.resolve("impact.html"));
		Path withTargets = ImpactFixture.withTargets(ImpactFixture.candidate(dir.resolve("targets-candidate"), ImpactFixture.RAISED));
		ByteArrayOutputStream targetsErr = new ByteArrayOutputStream();
		Path baselineRules = ImpactFixture.withTargets(ImpactFixture.candidate(dir.resolve("targets-base"), FixtureRules.THRESHOLD));
		int targetsCode = run(targetsErr, "compare", "--baseline", baselineRules.toString(), "--candidate", withTargets.toString(), "--input",
				roster.toString(), "--outcome", "readmitted='<30'", "--json", dir.resolve("targets.json").toString(), "--report", dir.resolve("targets.html").toString());
		targetsMessages = targetsErr.toString(StandardCharsets.UTF_8);
		assertThat(targetsCode).as(targetsMessages).isZero();
		targetsJson = JsonMapper.builder().build().readTree(dir.resolve("targets.json").toFile());
		targetsHtml = Files.readString(dir.resolve("targets.html"));
	}

	static int run(ByteArrayOutputStream err, String... args) {
		return ImpactCli.run(args, new PrintStream(err, true, StandardCharsets.UTF_8), ParcoursApplication.class);
	}

	@Test
	void namesBothRuleSetsAndTheFileThatDiffers() {
		assertThat(json.at("/baseline/version").asString()).isEqualTo(FixtureRules.get().version().substring(0, 12)
				+ json.at("/baseline/version").asString().substring(12));
		assertThat(json.at("/baseline/version").asString()).isNotEqualTo(json.at("/candidate/version").asString());
		assertThat(json.at("/fileChanges").toString()).isEqualTo("[{\"path\":\"stratification/thresholds.drl.csv\",\"change\":\"modified\"}]");
		assertThat(json.at("/candidate/differing").toString()).isEqualTo("[\"stratification/thresholds.drl.csv\"]");
		assertThat(messages).contains("baseline " + json.at("/baseline/version").asString() + " passed the activation checks")
			.contains("candidate " + json.at("/candidate/version").asString() + " passed the activation checks");
	}

	@Test
	void countsEveryRowPairedWithItsTransition() {
		assertThat(json.at("/rows").asLong()).isEqualTo(12);
		assertThat(json.at("/errorRows/baseline").toString()).isEqualTo("{\"bad-number\":1}");
		assertThat(json.at("/errorRows/candidate").toString()).isEqualTo("{\"bad-number\":1}");
		assertThat(json.at("/levels/baseline").toString()).isEqualTo("{\"1\":3,\"2\":8}");
		assertThat(json.at("/levels/candidate").toString()).isEqualTo("{\"1\":7,\"2\":4}");
		Map<String, Long> transitions = new HashMap<>();
		json.at("/levelTransitions").forEach(t -> transitions.put(t.get("from").asString() + ">" + t.get("to").asString(),
				t.get("count").asLong()));
		assertThat(transitions).containsEntry("1>1", 3L).containsEntry("2>1", 4L).containsEntry("2>2", 4L).containsEntry("1>2", 0L)
			.containsEntry("error>error", 1L).containsEntry("3>3", 0L);
		assertThat(transitions.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(12);
		assertThat(json.at("/examples/levels").toString())
			.isEqualTo("[{\"from\":\"2\",\"to\":\"1\",\"rowIds\":[\"B1\",\"B2\",\"B3\",\"B4\"]}]");
	}

	@Test
	void countsTheRowsEachRuleFiredFor() {
		assertThat(json.at("/rules/FIX-L2/baseline").asLong()).isEqualTo(8);
		assertThat(json.at("/rules/FIX-L2/candidate").asLong()).isEqualTo(4);
		assertThat(json.at("/rules/L1/baseline").asLong()).isEqualTo(3);
		assertThat(json.at("/rules/L1/candidate").asLong()).isEqualTo(7);
	}

	@Test
	void programmesAndGroupsOnBothSides() {
		JsonNode copd = json.at("/programmes/prado-copd");
		assertThat(copd.at("/statuses/baseline")).isEqualTo(copd.at("/statuses/candidate"));
		assertThat(copd.at("/transitions").valueStream().filter(t -> !t.get("from").equals(t.get("to")))
			.mapToLong(t -> t.get("count").asLong()).sum()).isZero();
		JsonNode women = json.at("/byAgeBandAndSex").valueStream()
			.filter(g -> g.get("ageBand").asString().equals("70-79") && g.get("sex").asString().equals("female")).findFirst().orElseThrow();
		// A1 A3 B1 B3 C1 C3
		assertThat(women.get("rows").asLong()).isEqualTo(6);
		assertThat(women.at("/counts/baseline/levels").toString()).isEqualTo("{\"1\":2,\"2\":4}");
		assertThat(women.at("/counts/candidate/levels").toString()).isEqualTo("{\"1\":4,\"2\":2}");
	}

	@Test
	void ratesAndAucsAgainstTheOutcome() {
		JsonNode outcome = json.at("/outcome");
		assertThat(outcome.at("/column").asString()).isEqualTo("readmitted");
		assertThat(outcome.at("/positiveValue").asString()).isEqualTo("<30");
		assertThat(outcome.at("/rowsWithoutOutcome").asLong()).isEqualTo(1);
		assertThat(outcome.at("/aucInterval").asString()).startsWith("DeLong");
		assertThat(outcome.at("/baseline/rateByLevel/1/rows").asLong()).isEqualTo(3);
		assertThat(outcome.at("/baseline/rateByLevel/1/positives").asLong()).isEqualTo(1);
		assertThat(outcome.at("/baseline/rateByLevel/2/positives").asLong()).isEqualTo(5);
		assertThat(outcome.at("/candidate/rateByLevel/1/rows").asLong()).isEqualTo(7);
		assertThat(outcome.at("/candidate/rateByLevel/2/rate").asDouble()).isEqualTo(1.0);
		assertThat(outcome.at("/baseline/auc/level/auc").asDouble()).isEqualTo(16.0 / 24);
		assertThat(outcome.at("/candidate/auc/level/auc").asDouble()).isEqualTo(18.0 / 24);
		assertThat(outcome.at("/baseline/auc/level/positives").asLong()).isEqualTo(6);
		assertThat(outcome.at("/baseline/auc/level/rows").asLong()).isEqualTo(10);
		assertThat(outcome.at("/aucDifference/level/difference").asDouble()).isCloseTo(2.0 / 24, org.assertj.core.data.Offset.offset(1e-12));
	}

	@Test
	void thePageShowsTheNumbersOfTheJson() {
		json.at("/levelTransitions").forEach(t -> assertThat(ImpactFixture.cells(html, "data-from=\"" + t.get("from").asString()
				+ "\" data-to=\"" + t.get("to").asString() + "\"")).as("cell %s > %s", t.get("from"), t.get("to"))
			.first().isEqualTo(String.format(Locale.ROOT, "%,d", t.get("count").asLong())));
		for (String side : new String[] { "baseline", "candidate" }) {
			JsonNode auc = json.at("/outcome/" + side + "/auc/level");
			assertThat(ImpactFixture.cells(html, "data-key=\"outcome." + side + ".auc.level\"")).containsExactly(
					String.format(Locale.ROOT, "%.3f (%.3f to %.3f)", auc.get("auc").asDouble(), auc.get("low").asDouble(), auc.get("high").asDouble()));
			json.at("/levels/" + side).properties().forEach(level -> assertThat(ImpactFixture.cells(html,
					"data-key=\"levels." + side + "." + level.getKey() + "\"")).containsExactly(level.getValue().asString()));
		}
		assertThat(html).contains("<tr data-rule=\"FIX-L2\"><td><code>FIX-L2</code></td><td>8</td><td>4</td><td>-4</td></tr>");
	}

	@Test
	void levelSharesOverallAndAmongChronicPatientsOnBothSides() {
		// 11 rows scored; A1 B1 B2 C1 chronic: level 2 is B1 B2 C1 in the baseline, C1 alone in the candidate
		JsonNode population = json.at("/population");
		assertThat(population.at("/baseline/levelShares/all").toString())
			.isEqualTo("{\"rows\":11,\"levels\":{\"1\":{\"count\":3,\"percent\":27.27},\"2\":{\"count\":8,\"percent\":72.73}}}");
		assertThat(population.at("/candidate/levelShares/all").toString())
			.isEqualTo("{\"rows\":11,\"levels\":{\"1\":{\"count\":7,\"percent\":63.64},\"2\":{\"count\":4,\"percent\":36.36}}}");
		assertThat(population.at("/baseline/levelShares/chronic").toString())
			.isEqualTo("{\"rows\":4,\"levels\":{\"1\":{\"count\":1,\"percent\":25.0},\"2\":{\"count\":3,\"percent\":75.0}}}");
		assertThat(population.at("/candidate/levelShares/chronic").toString())
			.isEqualTo("{\"rows\":4,\"levels\":{\"1\":{\"count\":3,\"percent\":75.0},\"2\":{\"count\":1,\"percent\":25.0}}}");
		assertThat(population.at("/candidate/targets").size()).isZero();
		assertThat(population.at("/candidate/alerts").size()).isZero();
		assertThat(messages).doesNotContain("ALERT");
		assertThat(html).contains("Neither rule set declares a population target.");
	}

	@Test
	void eachSideAgainstItsTargetsWithAnAlertForEveryTargetTheCandidateMisses() {
		JsonNode population = targetsJson.at("/population");
		assertThat(population.at("/baseline/targets")).extracting(t -> t.get("id").asString() + " " + t.get("count").asLong() + "/"
				+ t.get("rows").asLong() + " " + t.get("percent").asDouble() + " " + t.get("met").asBoolean())
			.containsExactly("chronic-level-2 3/4 75.0 true", "level-2-share 8/11 72.73 false");
		assertThat(population.at("/candidate/targets")).extracting(t -> t.get("id").asString() + " " + t.get("count").asLong() + "/"
				+ t.get("rows").asLong() + " " + t.get("percent").asDouble() + " " + t.get("met").asBoolean())
			.containsExactly("chronic-level-2 1/4 25.0 false", "level-2-share 4/11 36.36 true");
		String alert = "population target 'chronic-level-2' missed: level 2 is 25 % of chronic patients (1 of 4), outside the bound"
				+ " level 2 at least 50 % of chronic patients";
		assertThat(population.at("/candidate/alerts")).extracting(JsonNode::asString).containsExactly(alert);
		assertThat(population.at("/baseline/alerts")).hasSize(1);
		assertThat(targetsMessages).contains("parcours compare: ALERT candidate " + alert + "\n").doesNotContain("'level-2-share' missed");
	}

	@Test
	void thePageShowsThePopulationTargetsOfTheJson() {
		for (String side : new String[] { "baseline", "candidate" }) {
			targetsJson.at("/population/" + side + "/targets").forEach(target -> {
				String key = "population." + side + "." + target.get("id").asString();
				assertThat(spans(targetsHtml, key + ".percent")).as(key).containsExactly(
						new BigDecimal(target.get("percent").asString()).stripTrailingZeros().toPlainString());
				assertThat(spans(targetsHtml, key + ".count")).as(key).containsExactly(target.get("count").asString());
				assertThat(spans(targetsHtml, key + ".rows")).as(key).containsExactly(target.get("rows").asString());
				assertThat(ImpactFixture.cells(targetsHtml, "data-key=\"" + key + ".met\"")).as(key)
					.containsExactly(target.get("met").asBoolean() ? "met" : "missed");
			});
		}
		assertThat(targetsHtml).contains("<li class=\"alert\">population target &#39;chronic-level-2&#39; missed");
	}

	private static List<String> spans(String html, String key) {
		Matcher matcher = Pattern.compile("<span data-key=\"" + Pattern.quote(key)
				+ "\">([^<]*)<").matcher(html);
		List<String> texts = new ArrayList<>();
		while (matcher.find()) {
			texts.add(matcher.group(1));
		}
		return texts;
	}

	@Test
	void thePageStandsAlone() {
		assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("<polyline");
		assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script").doesNotContain("<link").doesNotContain("src=")
			.doesNotContain("href=").doesNotContain("@import").doesNotContain("url(");
		assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http");
	}

	@Test
	void aCandidateThatWouldBeRefusedIsRefusedNamingTheCase(@TempDir Path other) throws Exception {
		Path roster = Files.writeString(other.resolve("roster.csv"), ImpactFixture.ROSTER);
		Path candidate = ImpactFixture.candidate(other.resolve("candidate"), ImpactFixture.RAISED_TOO_FAR);
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = run(err, "compare", "--baseline", FixtureRules.DIRECTORY.toString(), "--candidate", candidate.toString(), "--input",
				roster.toString(), "--json", other.resolve("impact.json").toString(), "--report", other.resolve("impact.html").toString());
		assertThat(code).isEqualTo(5);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("the candidate rule set is refused")
			.contains("cases/fixture.json").contains("fixture-six-medications");
		assertThat(other.resolve("impact.json")).doesNotExist();
	}

	@Test
	void anOutcomeColumnNotInTheRosterStopsBeforeAnyRow(@TempDir Path other) throws Exception {
		Path roster = Files.writeString(other.resolve("roster.csv"), ImpactFixture.ROSTER);
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = run(err, "compare", "--baseline", FixtureRules.DIRECTORY.toString(), "--candidate", FixtureRules.DIRECTORY.toString(),
				"--input", roster.toString(), "--outcome", "readmission=<30", "--json", other.resolve("impact.json").toString(),
				"--report", other.resolve("impact.html").toString());
		assertThat(code).isEqualTo(4);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("the outcome column 'readmission' is not in the header");
	}

	@Test
	void optionsAreChecked() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		assertThat(run(err, "compare", "--baseline", "rules")).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("--candidate is required").contains("usage: java -jar parcours.jar compare");
	}
}
