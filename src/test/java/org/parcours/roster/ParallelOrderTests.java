package org.parcours.roster;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Many small chunks on more workers than cores: every row comes out once, in input order. */
class ParallelOrderTests {

	static String generated(long rows, long seed, double badRows) throws IOException {
		StringWriter out = new StringWriter();
		new RosterGenerator(seed, badRows).write(rows, out);
		return out.toString();
	}

	@Test
	void outputKeepsInputOrderAndCountWhateverTheParallelism() throws IOException {
		String roster = generated(2_000, 11, 0.05);
		List<String[]> input = Rosters.read(roster);
		Rosters.Scored parallel = Rosters.score(roster, CanonicalProfile.NAME, new RosterJob.Options(List.of(), 6, 7));
		Rosters.Scored sequential = Rosters.score(roster, CanonicalProfile.NAME, new RosterJob.Options(List.of(), 1, 2_000));

		assertThat(parallel.rows()).hasSize(input.size() - 1);
		for (int i = 0; i < parallel.rows().size(); i++) {
			assertThat(parallel.rows().get(i)[0]).isEqualTo(FormulaGuard.neutralise(input.get(i + 1)[0]));
		}
		assertThat(parallel.text()).isEqualTo(sequential.text());
		assertThat(parallel.summary().rowsIn()).isEqualTo(2_000);
		assertThat(parallel.summary().rowsOut()).isEqualTo(2_000);
		assertThat(parallel.summary().errors()).isPositive();
	}
}
