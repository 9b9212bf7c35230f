package org.parcours.population;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The reference roster's bounds file: comments, one bound per row, every mistake with its line. */
class BoundsFileTests {

	private static final String HEADER = "bound,population,level,at_least_percent,at_most_percent,source\n";

	@Test
	void readsBoundsAfterCommentLines() {
		BoundsFile.Read read = BoundsFile.read("# why these bounds\n" + HEADER + "level-3-share,all,3,1,5,Kaiser 2009\nchronic-level-3,chronic,3,0,5.5,\"Belgium, pilot\"\n");
		assertThat(read.problems()).isEmpty();
		assertThat(read.bounds()).containsExactly(new ShareBound("level-3-share", Population.ALL, 3, 1, 5, "Kaiser 2009", 3),
				new ShareBound("chronic-level-3", Population.CHRONIC, 3, 0, 5.5, "Belgium, pilot", 4));
	}

	@Test
	void everyMistakeIsReportedWithItsLine() {
		BoundsFile.Read read = BoundsFile.read(HEADER + "level-3-share,everyone,4 ,5,1,Kaiser\nLevel 1,all,x,1,5,\nlevel-3-share,all,3,5%,101,Kaiser\nshort,all,3\n");
		assertThat(read.bounds()).isEmpty();
		assertThat(read.problems()).extracting(BoundsFile.Problem::line, BoundsFile.Problem::message).containsExactly(
				org.assertj.core.groups.Tuple.tuple(2, "population 'everyone' is not all or chronic"),
				org.assertj.core.groups.Tuple.tuple(2, "at_least_percent 5 is above at_most_percent 1"),
				org.assertj.core.groups.Tuple.tuple(3, "bound 'Level 1': the id must be lower-case words joined by hyphens"),
				org.assertj.core.groups.Tuple.tuple(3, "level 'x' is not a level number (1, 2, 3)"),
				org.assertj.core.groups.Tuple.tuple(3, "the source is empty: say where the bound comes from"),
				org.assertj.core.groups.Tuple.tuple(4, "bound 'level-3-share' is declared twice; ids must be unique"),
				org.assertj.core.groups.Tuple.tuple(4, "at_least_percent '5%' is not a percentage from 0 to 100 (digits, a dot for decimals)"),
				org.assertj.core.groups.Tuple.tuple(4, "at_most_percent '101' is not a percentage from 0 to 100 (digits, a dot for decimals)"),
				org.assertj.core.groups.Tuple.tuple(5, "has 3 cell(s); the header has 6"));
	}

	@Test
	void aWrongHeaderOrNoBoundIsRefused() {
		assertThat(BoundsFile.read("id,population\n").problems()).extracting(BoundsFile.Problem::message)
			.containsExactly("the header must be bound,population,level,at_least_percent,at_most_percent,source");
		assertThat(BoundsFile.read("# nothing yet\n" + HEADER).problems()).extracting(BoundsFile.Problem::message)
			.containsExactly("declares no bound: give at least one row under the header bound,population,level,at_least_percent,at_most_percent,source");
	}
}
