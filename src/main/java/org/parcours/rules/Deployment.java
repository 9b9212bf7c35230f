package org.parcours.rules;

import java.util.Collection;
import java.util.List;

import org.parcours.facts.Programme;
import org.parcours.facts.RegionMatch;
import org.parcours.facts.Setting;

/**
 * Which programmes this deployment offers: those whose {@code <programme-id>.jurisdiction} settings
 * share territory with the {@code deployment.jurisdiction} settings ({@code programmes/deployment.drl.csv}).
 * No deployment row offers every programme, and so does a programme that declares no jurisdiction.
 * Applied to the facts every evaluation starts from, so a programme not offered is in no answer,
 * no roster column and no coverage requirement, and none of its rules runs.
 */
final class Deployment {

	static final String OFFERED = "deployment.jurisdiction";

	private Deployment() {
	}

	static List<Object> offered(Collection<?> constantFacts) {
		List<String> offered = values(constantFacts, OFFERED);
		if (offered.isEmpty()) {
			return List.copyOf(constantFacts);
		}
		return constantFacts.stream().filter(fact -> !(fact instanceof Programme programme) || serves(programme, constantFacts, offered))
			.map(Object.class::cast).toList();
	}

	private static boolean serves(Programme programme, Collection<?> constantFacts, List<String> offered) {
		List<String> served = values(constantFacts, programme.id() + ".jurisdiction");
		return served.isEmpty() || RegionMatch.overlap(served, offered);
	}

	private static List<String> values(Collection<?> facts, String name) {
		return facts.stream().filter(Setting.class::isInstance).map(Setting.class::cast).filter(setting -> setting.name().equals(name))
			.map(Setting::value).toList();
	}
}
