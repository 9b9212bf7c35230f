package org.parcours.impact;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.parcours.patient.PatientValidator;
import org.parcours.population.ShareBound;
import org.parcours.roster.RosterProfile;
import org.parcours.rules.RuleSet;

/**
 * One comparison, shared by the {@code compare} command and the HTTP endpoint: two rule sets that
 * both passed the activation pipeline, one roster streamed through both, one report.
 */
final class ImpactAnalysis {

	private ImpactAnalysis() {
	}

	/**
	 * Compares; {@code progress} is told the rows done after each chunk.
	 *
	 * @throws org.parcours.roster.RosterFileException when the roster cannot be compared at all
	 */
	static ImpactReport run(RuleSet baseline, RuleSet candidate, BufferedReader roster, RosterProfile profile, OutcomeSpec outcome,
			PatientValidator validator, LocalDate today, Consumer<Long> progress) throws IOException {
		long start = System.nanoTime();
		PairedRoster paired = PairedRoster.open(roster, profile, baseline, candidate, outcome, validator, today);
		ImpactTally tally = new ImpactTally(outcome);
		paired.run(tally::add, progress);
		Map<String, String> baseFiles = hashes(baseline);
		Map<String, String> candidateFiles = hashes(candidate);
		List<ImpactReport.FileChange> changes = changes(baseFiles, candidateFiles);
		return tally.report(side(baseline, baseFiles, candidateFiles), side(candidate, candidateFiles, baseFiles), changes,
				new ImpactReport.Sides<>(targets(baseline), targets(candidate)), profile.name(), paired.blankLines(), (System.nanoTime() - start) / 1e9);
	}

	private static List<ShareBound> targets(RuleSet rules) {
		return rules.populationTargets().stream().map(ShareBound::of).toList();
	}

	private static ImpactReport.RuleSetSide side(RuleSet rules, Map<String, String> own, Map<String, String> other) {
		List<String> differing = own.entrySet().stream().filter(file -> !file.getValue().equals(other.get(file.getKey())))
			.map(Map.Entry::getKey).toList();
		return new ImpactReport.RuleSetSide(rules.version(), List.copyOf(own.keySet()), differing);
	}

	private static List<ImpactReport.FileChange> changes(Map<String, String> baseline, Map<String, String> candidate) {
		Set<String> paths = new TreeSet<>(baseline.keySet());
		paths.addAll(candidate.keySet());
		List<ImpactReport.FileChange> changes = new ArrayList<>();
		for (String path : paths) {
			String before = baseline.get(path);
			String after = candidate.get(path);
			if (before == null) {
				changes.add(new ImpactReport.FileChange(path, "added"));
			}
			else if (after == null) {
				changes.add(new ImpactReport.FileChange(path, "removed"));
			}
			else if (!before.equals(after)) {
				changes.add(new ImpactReport.FileChange(path, "modified"));
			}
		}
		return changes;
	}

	private static Map<String, String> hashes(RuleSet rules) {
		return rules.files().stream().collect(Collectors.toMap(RuleSet.FileHash::path, RuleSet.FileHash::sha256, (a, b) -> a, TreeMap::new));
	}
}
