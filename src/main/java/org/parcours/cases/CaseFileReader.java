package org.parcours.cases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.parcours.rules.RuleFile;

/**
 * Reads one case file: {@code {"description": "...", "cases": [{"id", "description", "patient", "expect"}]}}.
 * The format is strict (unknown keys are errors) so that a misspelt key cannot silently turn a case
 * into one that checks nothing.
 */
final class CaseFileReader {

	private static final Set<String> FILE_KEYS = Set.of("description", "cases");

	private static final Set<String> CASE_KEYS = Set.of("id", "description", "patient", "expect");

	/** An id as written; one with an escape in it is not found, and its problems point at line 0. */
	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"\\\\]*)\"");

	private CaseFileReader() {
	}

	static List<GoldenCase> read(RuleFile file, JsonMapper json) {
		JsonNode root;
		try {
			root = json.readTree(file.text());
		}
		catch (JacksonException ex) {
			int line = ex.getLocation() == null ? 0 : Math.max(ex.getLocation().getLineNr(), 0);
			throw new MalformedCaseFileException("not valid JSON: " + firstLine(ex.getOriginalMessage()), line);
		}
		if (root == null || !root.isObject()) {
			throw new MalformedCaseFileException("must be a JSON object with a \"cases\" list", 0);
		}
		unknownKeys(root, FILE_KEYS, "the file", 0);
		JsonNode cases = root.get("cases");
		if (cases == null || !cases.isArray() || cases.isEmpty()) {
			throw new MalformedCaseFileException("\"cases\" must be a non-empty list of cases", 0);
		}
		Map<String, Integer> idLines = idLines(file.text());
		List<GoldenCase> read = new ArrayList<>();
		for (int i = 0; i < cases.size(); i++) {
			read.add(readCase(file, cases.get(i), i, idLines));
		}
		return read;
	}

	private static GoldenCase readCase(RuleFile file, JsonNode node, int index, Map<String, Integer> idLines) {
		String where = "case #" + (index + 1);
		if (!node.isObject()) {
			throw new MalformedCaseFileException(where + " must be a JSON object", 0);
		}
		JsonNode id = node.get("id");
		if (id == null || !id.isString() || id.asString().isBlank()) {
			throw new MalformedCaseFileException(where + " needs an \"id\" (text)", 0);
		}
		int line = idLines.getOrDefault(id.asString(), 0);
		where = "case '" + id.asString() + "'";
		unknownKeys(node, CASE_KEYS, where, line);
		JsonNode description = node.get("description");
		if (description == null || !description.isString() || description.asString().isBlank()) {
			throw new MalformedCaseFileException(where + " needs a \"description\" (text) saying what it protects", line);
		}
		JsonNode patient = node.get("patient");
		if (patient == null || !patient.isObject()) {
			throw new MalformedCaseFileException(where + " needs a \"patient\" object (an assessment request body)", line);
		}
		JsonNode expect = node.get("expect");
		if (expect == null || !expect.isObject() || expect.isEmpty()) {
			throw new MalformedCaseFileException(where + " needs a non-empty \"expect\" object", line);
		}
		return new GoldenCase(file.path(), line, id.asString(), description.asString(), patient, expect);
	}

	private static void unknownKeys(JsonNode node, Set<String> allowed, String where, int line) {
		for (String key : node.propertyNames()) {
			if (!allowed.contains(key)) {
				throw new MalformedCaseFileException(where + ": unknown key \"" + key + "\" (allowed: "
						+ String.join(", ", allowed.stream().sorted().toList()) + ")", line);
			}
		}
	}

	/**
	 * The 1-based line where each id is first written as {@code "id": "..."}, so that problems point at
	 * the case: one pass over the file, not one per case.
	 */
	private static Map<String, Integer> idLines(String text) {
		Map<String, Integer> lines = new HashMap<>();
		Matcher matcher = ID.matcher(text);
		int line = 1;
		int counted = 0;
		while (matcher.find()) {
			for (; counted < matcher.start(); counted++) {
				if (text.charAt(counted) == '\n') {
					line++;
				}
			}
			lines.putIfAbsent(matcher.group(1), line);
		}
		return lines;
	}

	/** Jackson and Drools messages go on over several lines; the first says what is wrong. */
	static String firstLine(String message) {
		if (message == null) {
			return "unreadable";
		}
		int newline = message.indexOf('\n');
		return newline < 0 ? message : message.substring(0, newline);
	}
}
