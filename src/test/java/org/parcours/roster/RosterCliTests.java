package org.parcours.roster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.parcours.rules.RulesDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/** The batch commands as the jar runs them: real files, real rules, exit codes and messages. */
class RosterCliTests extends CommandLineTests {

	@Test
	void scoresARosterFileWithASummary() throws IOException {
		Path output = dir.resolve("scored.csv");
		Path summary = dir.resolve("summary.json");
		int code = run("score", "--input", "datasets/uci-diabetes-130/extract.csv", "--output", output.toString(), "--profile",
				"uci-diabetes-130", "--summary", summary.toString(), "--keep", "readmitted");
		assertThat(code).as(messages()).isZero();
		assertThat(Files.readAllLines(output)).hasSize(47).first().asString().startsWith("id,readmitted,level,label,");
		assertThat(Files.exists(dir.resolve("scored.csv.part"))).isFalse();
		assertThat(Files.readString(summary)).contains("\"rowsIn\" : 46", "\"rowsOut\" : 46", "\"byAgeBandAndSex\"",
				"\"profile\" : \"uci-diabetes-130\"");
		assertThat(messages()).contains("46 rows in, 46 rows out, 0 error rows");
	}

	@Test
	void theSummaryComparesLevelSharesWithThePopulationTargetsAndAMissedTargetIsAnAlertLine() throws IOException {
		Path summary = dir.resolve("summary.json");
		int code = run("score", "--input", "rules/cases/reference-roster.csv", "--output", dir.resolve("scored.csv").toString(), "--summary",
				summary.toString());
		assertThat(code).as(messages()).isZero();
		JsonNode population = JsonMapper.builder().build().readTree(summary.toFile()).path("population");
		assertThat(population.path("levelShares").path("all").path("rows").asInt()).isEqualTo(600);
		assertThat(population.path("levelShares").path("all").path("levels").path("3").path("percent").asDouble()).isEqualTo(3.33);
		assertThat(population.path("levelShares").path("chronic").path("rows").asInt()).isEqualTo(331);
		assertThat(population.path("targets")).extracting(target -> target.path("id").asString() + " " + target.path("met").asBoolean())
			.containsExactly("case-management-of-chronic-patients false", "kaiser-level-3-share true");
		String alert = "population target 'case-management-of-chronic-patients' missed: level 3 is 6.04 % of chronic patients (20 of 331),"
				+ " outside the bound level 3 at most 5 % of chronic patients";
		assertThat(population.path("alerts")).extracting(JsonNode::asString).containsExactly(alert);
		assertThat(messages()).contains("parcours score: ALERT " + alert + "\n").doesNotContain("kaiser-level-3-share' missed");
	}

	@Test
	void rulesOutsideTheirPopulationBoundsExitWithFiveNamingTheBound() throws IOException {
		Path rules = dir.resolve("rules");
		RulesDirectory.copyOfDefault(rules).replace("cases/population-bounds.csv", "level-3-share,all,3,1,5,", "level-3-share,all,3,4,5,");
		assertThat(run("score", "--input", "rules/cases/reference-roster.csv", "--output", dir.resolve("o.csv").toString(), "--rules",
				rules.toString())).isEqualTo(5);
		assertThat(messages()).contains("cases/population-bounds.csv:10: bound 'level-3-share' missed on the reference roster: level 3 is 3.33 %"
				+ " of all rows scored (20 of 600), outside the bound level 3 between 4 % and 5 % of all rows scored");
	}

	@Test
	void generatesARoster() throws IOException {
		Path output = dir.resolve("roster.csv");
		assertThat(run("generate", "--rows", "10", "--seed", "42", "--output", output.toString())).isZero();
		assertThat(Files.readAllLines(output)).hasSize(11).first().isEqualTo(String.join(",", CanonicalProfile.COLUMNS));
	}

	@Test
	void argumentProblemsExitWithTwo() {
		assertThat(run("score", "--input", "a.csv")).isEqualTo(2);
		assertThat(messages()).contains("--output is required", "usage:");
		assertThat(run("score", "--input", "a.csv", "--output", "b.csv", "--colour", "red")).isEqualTo(2);
		assertThat(messages()).contains("unknown option '--colour'");
		assertThat(run("generate", "--rows", "ten", "--seed", "1", "--output", "x.csv")).isEqualTo(2);
		assertThat(messages()).contains("--rows must be a whole number");
	}

	@Test
	void anUnknownProfileExitsWithTwoAndNamesTheKnownOnes() {
		assertThat(run("score", "--input", "datasets/uci-diabetes-130/extract.csv", "--output", dir.resolve("o.csv").toString(),
				"--profile", "acme")).isEqualTo(2);
		assertThat(messages()).contains("unknown profile; the profiles are canonical, uci-diabetes-130");
	}

	@Test
	void anUnreadableInputExitsWithThree() {
		assertThat(run("score", "--input", dir.resolve("absent.csv").toString(), "--output", dir.resolve("o.csv").toString()))
			.isEqualTo(3);
		assertThat(messages()).contains("cannot read the input file");
	}

	@Test
	void aRosterWithoutHeaderExitsWithFourAndWritesNothing() throws IOException {
		Path empty = Files.writeString(dir.resolve("empty.csv"), "");
		Path output = dir.resolve("o.csv");
		assertThat(run("score", "--input", empty.toString(), "--output", output.toString())).isEqualTo(4);
		assertThat(messages()).contains("the roster is empty; its first line must be a header");
		assertThat(Files.exists(output)).isFalse();
	}

	@Test
	void bytesThatAreNotUtf8CostACharacterNotTheRun() throws IOException {
		Path latin1 = Files.write(dir.resolve("latin1.csv"),
				"patientId,age,stay.dischargeService\np1,70,m\u00e9decine\np2,71,\n".getBytes(StandardCharsets.ISO_8859_1));
		Path output = dir.resolve("o.csv");
		assertThat(run("score", "--input", latin1.toString(), "--output", output.toString())).as(messages()).isZero();
		assertThat(Files.readAllLines(output)).hasSize(3);
	}

	@Test
	void gzipIsReadAndWrittenOnTheFlyAndProgressIsAShareOfTheFile() throws IOException {
		Path roster = Path.of("datasets/rosters/generated-1000-seed-42.csv");
		Path gz = dir.resolve("roster.csv.gz");
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
			Files.copy(roster, out);
		}
		Path output = dir.resolve("scored.csv.gz");
		assertThat(run("score", "--input", gz.toString(), "--output", output.toString())).as(messages()).isZero();
		List<String> scored;
		try (InputStream in = new GZIPInputStream(Files.newInputStream(output))) {
			scored = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
		List<String> ids = Files.readAllLines(roster).stream().skip(1).map(line -> line.substring(0, line.indexOf(','))).toList();
		assertThat(scored).hasSize(1001);
		assertThat(scored.stream().skip(1).map(line -> line.substring(0, line.indexOf(','))).toList()).isEqualTo(ids);
		assertThat(messages()).containsPattern("parcours score: \\d{1,2} % \\([\\d,]+ rows, [\\d,]+ rows/s\\), (about .+ left|time left not known yet)\n")
			.contains("1000 rows in, 1000 rows out, 0 error rows");
	}

	@Test
	void anInputNamedGzThatIsNotGzipExitsWithThree() throws IOException {
		Path fake = Files.writeString(dir.resolve("roster.csv.gz"), "patientId,age\np1,70\n");
		assertThat(run("score", "--input", fake.toString(), "--output", dir.resolve("o.csv").toString())).isEqualTo(3);
		assertThat(messages()).contains("ends in .gz but is not gzip");
	}

	@Test
	void anOutputThatCannotBeWrittenExitsWithSix() {
		assertThat(run("score", "--input", "datasets/rosters/generated-500-seed-7-bad-rows.csv", "--output",
				dir.resolve("missing-directory/o.csv").toString())).isEqualTo(6);
		assertThat(messages()).contains("could not write");
	}

	@Test
	void rulesThatDoNotCompileExitWithFiveNamingFileAndLine() throws IOException {
		Path rules = dir.resolve("rules");
		RulesDirectory.copyOfDefault(rules).replace("stratification/levels.drl", "rule \"L2-B\"\nwhen", "rule \"L2-B\"\nwhenn");
		Path output = dir.resolve("o.csv");
		assertThat(run("score", "--input", "datasets/rosters/generated-1000-seed-42.csv", "--output", output.toString(), "--rules",
				rules.toString())).isEqualTo(5);
		assertThat(messages()).contains("the rule set could not be loaded", "stratification/levels.drl:");
		assertThat(Files.exists(output)).isFalse();
	}
}
