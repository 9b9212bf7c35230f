package org.parcours.roster;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import jakarta.validation.Validation;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.parcours.assessment.Evaluation;
import org.parcours.patient.InvalidPatientException;
import org.parcours.patient.Patient;
import org.parcours.patient.PatientValidator;
import org.parcours.rules.RuleSet;
import org.parcours.rules.RuleSetLoader;

/**
 * Writes the whole answer for every row of a roster, one JSON line per evaluation, so that two builds
 * can be compared field by field ({@code bench/equivalence.sh}; not a test). Rows are read with the
 * roster's profile as the {@code score} command reads them; an age-banded row is evaluated at both
 * ends of its band; a row the profile cannot read gives the exception's type. The rules version (content hash plus load time) is left out: it differs between
 * two runs of the same build. Invalid rows give their input errors, a failed evaluation its message.
 *
 * <p>Usage: {@code AnswerDump RULES_DIRECTORY ROSTER[.gz] PROFILE OUTPUT}
 */
public final class AnswerDump {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> VERSION_FIELDS = List.of("rulesVersion", "rulesLoadedAt");

	public static void main(String[] args) throws IOException {
		RuleSet rules = new RuleSetLoader(Clock.systemUTC()).load(Path.of(args[0]));
		Evaluation evaluation = Evaluation.on(rules, LocalDate.of(2026, 11, 22),
				new PatientValidator(Validation.buildDefaultValidatorFactory().getValidator()));
		Path input = Path.of(args[1]);
		long rows = 0;
		long start = System.nanoTime();
		try (BufferedReader in = new BufferedReader(new InputStreamReader(input.toString().endsWith(".gz")
				? new GZIPInputStream(Files.newInputStream(input), 1 << 16) : Files.newInputStream(input), StandardCharsets.UTF_8), 1 << 16);
				Writer out = new BufferedWriter(Files.newBufferedWriter(Path.of(args[3])), 1 << 16)) {
			CsvRecords records = new CsvRecords(in);
			RosterProfile.Mapper mapper = RosterProfiles.named(args[2]).bind(records.next().fields(), rules.vocabulary().mappings());
			for (CsvRecords.Record record = records.next(); record != null; record = records.next(), rows++) {
				if (record.fields() == null) {
					line(out, rows, "unreadable", record.problem());
					continue;
				}
				RosterProfile.Row row;
				try {
					row = mapper.map(record.fields());
				}
				catch (RuntimeException ex) {
					line(out, rows, "unmapped", ex.getClass().getName());
					continue;
				}
				line(out, rows, "answer", answer(evaluation, row.patient()));
				if (row.ageUpperBound() != null) {
					line(out, rows, "band-end", answer(evaluation, row.patient().toBuilder().age(row.ageUpperBound()).build()));
				}
			}
		}
		System.out.printf("%d rows in %.1f s%n", rows, (System.nanoTime() - start) / 1e9);
	}

	private static Object answer(Evaluation evaluation, Patient patient) {
		try {
			// The version names the load, not the answer: two builds of the same rules differ there only.
			ObjectNode answer = JSON.valueToTree(evaluation.assess(patient));
			answer.remove(VERSION_FIELDS);
			return answer;
		}
		catch (InvalidPatientException ex) {
			return Map.of("errors", ex.errors());
		}
		catch (RuntimeException ex) {
			return Map.of("failed", String.valueOf(ex.getMessage()));
		}
	}

	private static void line(Writer out, long row, String kind, Object value) throws IOException {
		out.write(row + "\t" + kind + "\t" + JSON.writeValueAsString(value) + "\n");
	}
}
