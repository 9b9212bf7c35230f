package org.parcours.facts;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One rule's finding said of several programmes at once is one finding for each of them, as if inserted apart. */
class ProgrammeFindingsTests {

	@Test
	void anExclusionOfEveryProgrammeIsOneFindingPerProgramme() {
		assertThat(ProgrammeFindings.excluded(List.of("dac", "paerpa"), "EXCL-HOSPICE", "discharged to hospice care").findings())
			.containsExactly(ProgrammeFinding.excluded("dac", "EXCL-HOSPICE", "discharged to hospice care"),
					ProgrammeFinding.excluded("paerpa", "EXCL-HOSPICE", "discharged to hospice care"));
	}

	@Test
	void aMissingInputOfEveryProgrammeNamesTheFieldForEach() {
		assertThat(ProgrammeFindings.missing(List.of("rac-reseau", "dac"), "EXCL-NURSING-HOME", "residence.setting").findings())
			.containsExactly(ProgrammeFinding.missing("rac-reseau", "EXCL-NURSING-HOME", "residence.setting"),
					ProgrammeFinding.missing("dac", "EXCL-NURSING-HOME", "residence.setting"));
		assertThat(ProgrammeFindings.missing(List.of(), "EXCL-NURSING-HOME", "residence.setting").findings()).isEmpty();
	}

	@Test
	void theFindingsAreACopyThatLaterChangesToTheListDoNotReach() {
		List<ProgrammeFinding> list = new ArrayList<>(List.of(ProgrammeFinding.missing("dac", "DAC-1", "functional.unstableSituation")));
		ProgrammeFindings findings = new ProgrammeFindings(list);
		list.clear();
		assertThat(findings.findings()).containsExactly(ProgrammeFinding.missing("dac", "DAC-1", "functional.unstableSituation"));
	}
}
