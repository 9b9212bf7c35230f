package org.parcours.roster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar's command line refuses what would start the wrong thing or destroy a file, in one line. */
class RosterCliSafetyTests extends CommandLineTests {

	static final String ROSTER = "datasets/rosters/generated-500-seed-7-bad-rows.csv";

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "--help", "-h", "help" })
	void helpPrintsTheUsageAndExitsWithZero(String help) {
		assertThat(RosterCli.handles(new String[] { help })).isTrue();
		assertThat(run(help)).isZero();
		assertThat(messages()).startsWith("usage: java -jar parcours.jar score").contains("generate --rows N", "starts the web service");
	}

	@Test
	void helpAfterACommandPrintsTheUsageToo() {
		assertThat(run("score", "--help")).isZero();
		assertThat(messages()).startsWith("usage:");
	}

	@Test
	void aMistypedCommandIsRefusedWithTheUsageInsteadOfStartingTheServer() {
		assertThat(RosterCli.handles(new String[] { "scor", "--input", "x.csv" })).isTrue();
		assertThat(run("scor", "--input", "x.csv")).isEqualTo(2);
		assertThat(messages()).startsWith("parcours: unknown command 'scor'\nusage:");
	}

	@Test
	void serverOptionsAreLeftToTheServer() {
		assertThat(RosterCli.handles(new String[0])).isFalse();
		assertThat(RosterCli.handles(new String[] { "--server.port=18080", "--spring.profiles.active=demo" })).isFalse();
	}

	@Test
	void anOutputThatIsTheInputIsRefusedAndTheRosterKept() throws IOException {
		Path roster = Files.copy(Path.of(ROSTER), dir.resolve("roster.csv"));
		byte[] before = Files.readAllBytes(roster);
		Path link = Files.createSymbolicLink(dir.resolve("link.csv"), roster);
		for (String output : new String[] { roster.toString(), dir.resolve("./roster.csv").toString(), dir.resolve("sub/../roster.csv").toString(),
				link.toString() }) {
			err.reset();
			assertThat(run("score", "--input", roster.toString(), "--output", output)).as(output).isEqualTo(6);
			assertThat(messages()).isEqualTo("parcours score: --output is the same file as --input; choose another file\n");
		}
		assertThat(Files.readAllBytes(roster)).isEqualTo(before);
		assertThat(Files.exists(dir.resolve("roster.csv.part"))).isFalse();
	}

	@Test
	void aSummaryThatIsTheInputOrTheOutputIsRefused() throws IOException {
		Path roster = Files.copy(Path.of(ROSTER), dir.resolve("roster.csv"));
		assertThat(run("score", "--input", roster.toString(), "--output", dir.resolve("o.csv").toString(), "--summary", roster.toString()))
			.isEqualTo(6);
		assertThat(messages()).isEqualTo("parcours score: --summary is the same file as --input; choose another file\n");
		err.reset();
		assertThat(run("score", "--input", roster.toString(), "--output", dir.resolve("o.csv").toString(), "--summary",
				dir.resolve("o.csv").toString())).isEqualTo(6);
		assertThat(messages()).isEqualTo("parcours score: --summary is the same file as --output; choose another file\n");
	}

	@Test
	void aRulesDirectoryThatIsNotThereIsOneLineAndExitFive() {
		assertThat(run("score", "--input", ROSTER, "--output", dir.resolve("o.csv").toString(), "--rules", "/nonexistent")).isEqualTo(5);
		assertThat(messages()).isEqualTo("parcours score: --rules /nonexistent: not a readable directory\n");
	}
}
