package org.parcours.cases;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.parcours.assessment.Assessment;
import org.parcours.facts.ScoreName;

/**
 * Compares the parts of an answer a case states with the answer the rules gave. Only what is stated
 * is checked; each statement that does not hold becomes one line "what: expected X, got Y". Lists of
 * fields (missing inputs, categories, warnings) must match exactly, lists of rule ids must appear.
 */
final class Expectations {

	private static final Set<String> KEYS = Set.of("level", "levelRules", "scores", "derived", "programmes", "medicationReview", "rules",
			"warnings");

	/** The scores a case may check, by the name cases and answers give them. */
	private static final Map<String, ScoreName> SCORES = Arrays.stream(ScoreName.values())
		.collect(Collectors.toUnmodifiableMap(ScoreName::id, score -> score));

	private static final Set<String> SCORE_KEYS = Set.of("value", "ageAdjusted", "band", "missing");

	private static final Set<String> DERIVED_KEYS = Set.of("chronicCategories", "chronicCount", "medicationCount", "polypharmacy");

	private static final Set<String> PROGRAMME_KEYS = Set.of("status", "rules", "missing", "nextSteps");

	private static final Set<String> MEDICATION_REVIEW_KEYS = Set.of("flags", "flagged", "notFlagged", "missing");

	private final JsonMapper json;

	private final List<String> failures = new ArrayList<>();

	private Expectations(JsonMapper json) {
		this.json = json;
	}

	static List<String> compare(JsonNode expect, Assessment actual, JsonMapper json) {
		Expectations expectations = new Expectations(json);
		expectations.all(expect, actual);
		return List.copyOf(expectations.failures);
	}

	private void all(JsonNode expect, Assessment actual) {
		if (!known(expect, KEYS, "expect")) {
			return;
		}
		value("level", expect.get("level"), actual.riskLevel().level());
		appear("level rules", expect.get("levelRules"), reasonRules(actual.riskLevel().reasons()));
		object(expect.get("scores"), "scores", SCORES.keySet(), (name, node) -> score(name, node, actual.scores()));
		derived(expect.get("derived"), actual.derived());
		object(expect.get("programmes"), "programmes", null, (id, node) -> programme(id, node, actual));
		medicationReview(expect.get("medicationReview"), actual.medicationReview());
		appear("rules", expect.get("rules"), allRules(actual));
		sameSet("warnings", expect.get("warnings"), actual.warnings().stream().map(Assessment.Warning::code).toList());
	}

	private void score(String name, JsonNode expect, Assessment.Scores scores) {
		Assessment.Score score = switch (SCORES.get(name)) {
			case CHARLSON -> scores.charlson();
			case LACE -> scores.lace();
			case HOSPITAL -> scores.hospital();
			case ISAR -> scores.isar();
			case SEGA_A -> scores.segaA();
			case HFRS -> scores.hfrs();
		};
		String what = "score " + name;
		if (!known(expect, SCORE_KEYS, what)) {
			return;
		}
		value(what + " value", expect.get("value"), score.value());
		value(what + " ageAdjusted", expect.get("ageAdjusted"), score.ageAdjusted());
		value(what + " band", expect.get("band"), score.band());
		sameSet(what + " missing", expect.get("missing"), score.missing() == null ? List.of() : score.missing());
	}

	private void derived(JsonNode expect, Assessment.Derived derived) {
		if (expect == null || !known(expect, DERIVED_KEYS, "derived")) {
			return;
		}
		sameSet("derived chronicCategories", expect.get("chronicCategories"), derived.chronicCategories());
		value("derived chronicCount", expect.get("chronicCount"), derived.chronicCount());
		value("derived medicationCount", expect.get("medicationCount"), derived.medicationCount());
		value("derived polypharmacy", expect.get("polypharmacy"), derived.polypharmacy());
	}

	private void programme(String id, JsonNode expect, Assessment actual) {
		String what = "programme " + id;
		Assessment.ProgrammeOutcome outcome = actual.programmes().stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
		if (outcome == null) {
			failures.add(what + ": expected in the answer, but the rule set has no such programme (it has "
					+ actual.programmes().stream().map(Assessment.ProgrammeOutcome::id).toList() + ")");
			return;
		}
		if (expect.isObject() && !known(expect, PROGRAMME_KEYS, what)) {
			return;
		}
		JsonNode status = expect.isObject() ? expect.get("status") : expect;
		if (status == null || !status.isString()) {
			failures.add(what + ": write the expected status as text, or as an object with \"status\"");
			return;
		}
		if (!status.asString().equals(outcome.status().word())) {
			failures.add(what + ": expected " + status.asString() + ", got " + outcome.status() + " " + explain(outcome));
		}
		if (expect.isObject()) {
			appear(what + " rules", expect.get("rules"), reasonRules(outcome.reasons()));
			sameSet(what + " missing", expect.get("missing"), outcome.missing());
			appear(what + " nextSteps", expect.get("nextSteps"), outcome.nextSteps());
		}
	}

	/**
	 * {@code null} states the patient is outside the review's scope; {@code flags} are the criteria ids
	 * exactly, {@code flagged} ids that appear among them, {@code notFlagged} ids that must not.
	 */
	private void medicationReview(JsonNode expect, Assessment.MedicationReview review) {
		if (expect == null) {
			return;
		}
		if (expect.isNull()) {
			if (review != null) {
				failures.add("medicationReview: expected none (outside its scope), got " + review);
			}
			return;
		}
		if (!known(expect, MEDICATION_REVIEW_KEYS, "medicationReview")) {
			return;
		}
		if (review == null) {
			failures.add("medicationReview: expected a review, got none (the patient is outside its scope)");
			return;
		}
		List<String> flags = reasonRules(review.flags()).stream().distinct().toList();
		List<String> wanted = strings("medicationReview flags", expect.get("flags"));
		if (wanted != null && !new TreeSet<>(wanted).equals(new TreeSet<>(flags))) {
			failures.add("medicationReview flags: expected " + new TreeSet<>(wanted) + ", got "
					+ review.flags().stream().map(r -> r.rule() + ": " + r.text()).toList());
		}
		appear("medicationReview flagged", expect.get("flagged"), flags);
		List<String> unwanted = strings("medicationReview notFlagged", expect.get("notFlagged"));
		if (unwanted != null && unwanted.stream().anyMatch(flags::contains)) {
			failures.add("medicationReview notFlagged: expected none of " + unwanted + ", got "
					+ review.flags().stream().filter(r -> unwanted.contains(r.rule())).map(r -> r.rule() + ": " + r.text()).toList());
		}
		sameSet("medicationReview missing", expect.get("missing"), review.missing());
	}

	private static String explain(Assessment.ProgrammeOutcome outcome) {
		List<String> parts = new ArrayList<>(outcome.reasons().stream().map(r -> r.rule() + ": " + r.text()).toList());
		if (!outcome.missing().isEmpty()) {
			parts.add("missing " + outcome.missing());
		}
		return "(" + String.join("; ", parts) + ")";
	}

	private void value(String what, JsonNode expected, Object actual) {
		if (expected == null) {
			return;
		}
		JsonNode got = actual == null ? json.getNodeFactory().nullNode() : json.valueToTree(actual);
		boolean sameNumber = expected.isNumber() && got.isNumber() && expected.decimalValue().compareTo(got.decimalValue()) == 0;
		if (!sameNumber && !expected.equals(got)) {
			failures.add(what + ": expected " + expected + ", got " + got);
		}
	}

	private void appear(String what, JsonNode expected, List<String> actual) {
		List<String> wanted = strings(what, expected);
		if (wanted == null) {
			return;
		}
		List<String> absent = wanted.stream().filter(rule -> !actual.contains(rule)).toList();
		if (!absent.isEmpty()) {
			failures.add(what + ": expected to include " + absent + ", got " + actual);
		}
	}

	private void sameSet(String what, JsonNode expected, List<String> actual) {
		List<String> wanted = strings(what, expected);
		if (wanted != null && !new TreeSet<>(wanted).equals(new TreeSet<>(actual))) {
			failures.add(what + ": expected " + new TreeSet<>(wanted) + ", got " + new TreeSet<>(actual));
		}
	}

	private List<String> strings(String what, JsonNode expected) {
		if (expected == null) {
			return null;
		}
		if (!expected.isArray() || expected.values().stream().anyMatch(node -> !node.isString())) {
			failures.add(what + ": write a list of texts");
			return null;
		}
		return expected.values().stream().map(JsonNode::asString).toList();
	}

	private void object(JsonNode expect, String what, Set<String> allowed, BiConsumer<String, JsonNode> each) {
		if (expect == null) {
			return;
		}
		if (!expect.isObject()) {
			failures.add(what + ": write an object");
			return;
		}
		if (allowed == null || known(expect, allowed, what)) {
			for (Map.Entry<String, JsonNode> entry : expect.properties()) {
				each.accept(entry.getKey(), entry.getValue());
			}
		}
	}

	private boolean known(JsonNode node, Set<String> allowed, String what) {
		if (!node.isObject()) {
			failures.add(what + ": write an object");
			return false;
		}
		List<String> unknown = node.propertyNames().stream().filter(key -> !allowed.contains(key)).toList();
		if (!unknown.isEmpty()) {
			failures.add(what + ": unknown key(s) " + unknown + " (allowed: " + new TreeSet<>(allowed) + ")");
			return false;
		}
		return true;
	}

	private static List<String> reasonRules(List<Assessment.Reason> reasons) {
		return reasons == null ? List.of() : reasons.stream().map(Assessment.Reason::rule).toList();
	}

	/** Every rule id the answer shows: level, score points, programme reasons and medication review flags. */
	private static List<String> allRules(Assessment actual) {
		Function<Assessment.Score, Stream<String>> score = s -> reasonRules(s.reasons()).stream();
		return Stream.of(reasonRules(actual.riskLevel().reasons()).stream(), score.apply(actual.scores().charlson()),
				score.apply(actual.scores().lace()), score.apply(actual.scores().hospital()), score.apply(actual.scores().isar()),
				score.apply(actual.scores().segaA()), score.apply(actual.scores().hfrs()),
				actual.programmes().stream().flatMap(p -> reasonRules(p.reasons()).stream()),
				actual.medicationReview() == null ? Stream.<String>empty() : reasonRules(actual.medicationReview().flags()).stream())
			.flatMap(Function.identity()).distinct().toList();
	}
}
