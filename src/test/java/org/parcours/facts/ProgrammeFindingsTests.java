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

	@Test
	void aResidenceOutsideAProgrammesJurisdictionsExcludesThatProgrammeOnlyNamingItsJurisdictionsSorted() {
		List<Setting> jurisdictions = List.of(new Setting("prado.jurisdiction", "FR"), new Setting("dac.jurisdiction", "FR"),
				new Setting("rac.jurisdiction", "CH-GE"), new Setting("be.jurisdiction", "BE"), new Setting("be.jurisdiction", "DE"),
				new Setting("deployment.jurisdiction", "DE"));
		List<String> programmes = List.of("prado", "rac", "be", "everywhere");
		assertThat(ProgrammeFindings.outsideJurisdiction(programmes, jurisdictions, "DE-BY", "JURISDICTION", "lives in DE-BY, outside").findings())
			.containsExactly(ProgrammeFinding.excluded("prado", "JURISDICTION", "lives in DE-BY, outside (FR)"),
					ProgrammeFinding.excluded("rac", "JURISDICTION", "lives in DE-BY, outside (CH-GE)"));
		// a country of which only a region is served does not exclude: the programme's own criteria ask for the region
		assertThat(ProgrammeFindings.outsideJurisdiction(programmes, jurisdictions, "CH", "JURISDICTION", "lives in CH, outside").findings())
			.containsExactly(ProgrammeFinding.excluded("prado", "JURISDICTION", "lives in CH, outside (FR)"),
					ProgrammeFinding.excluded("be", "JURISDICTION", "lives in CH, outside (BE, DE)"));
		assertThat(ProgrammeFindings.outsideJurisdiction(programmes, jurisdictions, "FR-75", "JURISDICTION", "x").findings())
			.extracting(ProgrammeFinding::programme).containsExactly("rac", "be");
	}
}
