package org.parcours.roster;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RosterGeneratorTests {

	@Test
	void theSameSeedGivesTheSameRosterAndAnotherSeedAnother() throws IOException {
		assertThat(ParallelOrderTests.generated(500, 42, 0.05)).isEqualTo(ParallelOrderTests.generated(500, 42, 0.05))
			.isNotEqualTo(ParallelOrderTests.generated(500, 43, 0.05));
	}

	@Test
	void theCommittedSampleIsTheGeneratorsOutputForItsSeed() throws IOException {
		assertThat(java.nio.file.Files.readString(java.nio.file.Path.of("datasets/rosters/generated-1000-seed-42.csv")))
			.isEqualTo(ParallelOrderTests.generated(1_000, 42, 0));
	}

	@Test
	void withoutTheBadRowOptionEveryRowIsScored() throws IOException {
		Rosters.Scored scored = Rosters.score(ParallelOrderTests.generated(3_000, 5, 0));
		assertThat(scored.summary().errors()).isZero();
		Map<String, Long> levels = scored.summary().report().levels();
		long total = levels.values().stream().mapToLong(Long::longValue).sum();
		// a general population: most members at level 1, a few percent at level 3
		assertThat(levels.get("1") * 100 / total).isBetween(50L, 85L);
		assertThat(levels.get("3") * 100 / total).isBetween(1L, 10L);
	}

	@Test
	void theBadRowOptionBreaksRowsInEveryKindThatRostersShow() throws IOException {
		Rosters.Scored scored = Rosters.score(ParallelOrderTests.generated(3_000, 5, 0.05));
		assertThat(scored.summary().report().errorsByKind().keySet())
			.containsExactlyInAnyOrder("bad-number", "bad-value", "invalid-patient", "malformed-row");
		assertThat(scored.rows()).extracting(row -> row[0]).anyMatch(id -> id.startsWith("'=HYPERLINK"));
		assertThat(scored.rows()).hasSize(3_000);
	}

	@Test
	void codesComeInTheThreeSystems() throws IOException {
		String roster = ParallelOrderTests.generated(1_000, 3, 0);
		assertThat(List.of("icd-10:", "icd-9:", "snomed:", "category:")).allMatch(roster::contains);
	}
}
