package org.parcours.impact;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.parcours.rules.FixtureRules;

/**
 * The comparison the impact tests run: the fixture rule set (level 2 from 5 medications) against a
 * candidate that raises the threshold to 6, on a roster whose expected figures are worked out by hand
 * below, with 30-day readmission as the outcome.
 */
final class ImpactFixture {

	static final String THRESHOLDS = FixtureRules.THRESHOLDS;

	static final String RAISED = "polypharmacy.min-medications,6";

	/** Raised to 7 the fixture's own golden case of 6 medications fails: the candidate is refused. */
	static final String RAISED_TOO_FAR = "polypharmacy.min-medications,7";

	/**
	 * A: 4 medications, level 1 on both sides. B: 5 medications, level 2 in the baseline and 1 in the
	 * candidate. C: 7 medications, level 2 on both. D1 has no outcome; E1 cannot be read (its age is
	 * not a number). A1 B1 B2 C1 have a chronic category (heart failure).
	 * <pre>
	 * baseline  level 1: A1 A2 A3*            level 2: B1* B2* B3 B4 C1* C2* C3* D1
	 * candidate level 1: A1 A2 A3* B1* B2* B3 B4    level 2: C1* C2* C3* D1          (* readmitted &lt;30)
	 * </pre>
	 * Positives 6 (A3 B1 B2 C1 C2 C3), negatives 4 (A1 A2 B3 B4). Baseline level AUC: A3 ties A1 A2
	 * (1), each of the five level-2 positives beats A1 A2 and ties B3 B4 (3 each): 16/24. Candidate:
	 * A3 B1 B2 tie the four negatives (2 each), C1 C2 C3 beat them (4 each): 18/24. Level shares of
	 * the 11 rows scored: baseline level 2 is 8 (72.73 %), candidate 4 (36.36 %); of the 4 chronic
	 * patients, level 2 is 3 (75 %) in the baseline (B1 B2 C1) and 1 (25 %) in the candidate (C1).
	 */
	static final String ROSTER = """
			patientId,age,sex,medicationCount,conditions,readmitted
			A1,72,female,4,icd-10:I50,NO
			A2,64,male,4,,>30
			A3,72,female,4,,<30
			B1,72,female,5,icd-10:I50,<30
			B2,64,male,5,icd-10:I50,<30
			B3,72,female,5,,NO
			B4,64,male,5,,NO
			C1,72,female,7,icd-10:I50,<30
			C2,64,male,7,,<30
			C3,72,female,7,,<30
			D1,64,male,8,,
			E1,seventy,female,4,,NO
			""";

	private ImpactFixture() {
	}

	/** A copy of the fixture rule set with one line of its threshold table replaced. */
	static Path candidate(Path target, String threshold) {
		try {
			copy(FixtureRules.DIRECTORY, target);
			Path thresholds = target.resolve(THRESHOLDS);
			Files.writeString(thresholds, Files.readString(thresholds).replace(FixtureRules.THRESHOLD, threshold));
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Population targets for a copy of the fixture rule set: level 2 for 30 % to 60 % of all rows
	 * scored (the baseline misses it, the candidate meets it) and for at least 50 % of chronic patients
	 * (the baseline meets it, the candidate misses it).
	 */
	static final String TARGETS = """
			RuleSet,stratification
			Import,org.parcours.facts.*
			,
			RuleTable Population targets
			NAME,ACTION,ACTION,ACTION,ACTION,ACTION
			,,,,,
			,"String population = ""$param"";",int level = $param;,double atLeast = $param;,double atMost = $param;,"insert(new PopulationTarget(drools.getRule().getName(), population, level, atLeast, atMost, ""$param""));"
			target,population [one of: all/chronic],level [whole number],at least (%) [decimal],at most (%) [decimal],source [text]
			level-2-share,all,2,30,60,fixture
			chronic-level-2,chronic,2,50,100,fixture
			""";

	static final String TARGETS_FILE = "stratification/population-targets.drl.csv";

	static Path withTargets(Path rules) throws IOException {
		Files.writeString(rules.resolve(TARGETS_FILE), TARGETS);
		return rules;
	}

	static void copy(Path from, Path to) throws IOException {
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path path : paths.toList()) {
				Path target = to.resolve(from.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(path, target);
				}
			}
		}
	}

	/** The files of a directory as zip entries named {@code prefix + relative path}. */
	static Map<String, byte[]> entries(Path directory, String prefix) {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
				entries.put(prefix + directory.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return entries;
	}

	static byte[] zip(Map<String, byte[]> entries) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue());
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** The text of every element carrying {@code attributes} (exactly as written in the page), e.g. {@code data-from="2" data-to="1"}. */
	static List<String> cells(String html, String attributes) {
		Matcher matcher = Pattern.compile("<t[dh] " + Pattern.quote(attributes) + "[^>]*>([^<]*)<").matcher(html);
		List<String> texts = new java.util.ArrayList<>();
		while (matcher.find()) {
			texts.add(matcher.group(1));
		}
		return texts;
	}
}
