package org.parcours.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

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

	/** The same missing input for each of the programmes (their ids); {@code field} as in {@link ProgrammeFinding#missing}. */
	public static ProgrammeFindings missing(Collection<String> programmes, String rule, String field) {
		List<ProgrammeFinding> findings = new ArrayList<>(programmes.size());
		for (String programme : programmes) {
			findings.add(ProgrammeFinding.missing(programme, rule, field));
		}
		return new ProgrammeFindings(findings);
	}
}
