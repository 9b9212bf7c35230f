package org.parcours.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Several programmes' findings given by one rule firing: the answer reads each of them as if it had
 * been inserted on its own. A rule that says the same thing of every programme (the exclusions of
 * {@code programmes/exclusions.drl}) then fires once per patient instead of once per programme, which
 * is where an evaluation's time goes: each firing and each inserted fact costs the engine about the
 * same, whatever the rule computes. No rule matches these findings (as none matches a {@link ProgrammeFinding}).
 */
public record ProgrammeFindings(List<ProgrammeFinding> findings) {

	public ProgrammeFindings {
		findings = List.copyOf(findings);
	}

	/** The same exclusion for each of the programmes (their ids). */
	public static ProgrammeFindings excluded(Collection<String> programmes, String rule, String text) {
		List<ProgrammeFinding> findings = new ArrayList<>(programmes.size());
		for (String programme : programmes) {
			findings.add(ProgrammeFinding.excluded(programme, rule, text));
		}
		return new ProgrammeFindings(findings);
	}

	/**
	 * {@code rule}'s exclusion of each programme (their ids) that serves jurisdictions (the values of its
	 * {@code "<id>.jurisdiction"} settings) and whose jurisdictions {@code region} lies outside of
	 * ({@link RegionMatch#OUTSIDE}); each text is {@code text} followed by that programme's
	 * jurisdictions, sorted: {@code " (DE, FR)"}.
	 */
	public static ProgrammeFindings outsideJurisdiction(Collection<String> programmes, Collection<Setting> jurisdictions, String region,
			String rule, String text) {
		List<ProgrammeFinding> findings = new ArrayList<>();
		for (String programme : programmes) {
			String name = programme + ".jurisdiction";
			List<String> serves = new ArrayList<>();
			for (Setting jurisdiction : jurisdictions) {
				if (jurisdiction.name().equals(name)) {
					serves.add(jurisdiction.value());
				}
			}
			if (!serves.isEmpty() && RegionMatch.of(region, serves) == RegionMatch.OUTSIDE) {
				findings.add(ProgrammeFinding.excluded(programme, rule, text + " (" + String.join(", ", new TreeSet<>(serves)) + ")"));
			}
		}
		return new ProgrammeFindings(findings);
	}

	/** The same missing input for each of the programmes (their ids); {@code field} as in {@link ProgrammeFinding#missing}. */
	public static ProgrammeFindings missing(Collection<String> programmes, String rule, String field) {
		List<ProgrammeFinding> findings = new ArrayList<>(programmes.size());
		for (String programme : programmes) {
			findings.add(ProgrammeFinding.missing(programme, rule, field));
		}
		return new ProgrammeFindings(findings);
	}
}
