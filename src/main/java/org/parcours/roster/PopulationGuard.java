package org.parcours.roster;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import org.parcours.patient.PatientValidator;
import org.parcours.population.BoundsFile;
import org.parcours.population.ShareCheck;
import org.parcours.rules.ActivationCheck;
import org.parcours.rules.RuleFile;
import org.parcours.rules.RuleProblem;
import org.parcours.rules.RuleSet;

/**
 * The population guard of the activation gate: a rule set that declares share bounds
 * ({@code cases/population-bounds.csv}) and a synthetic reference roster in the canonical format
 * ({@code cases/reference-roster.csv}) is activated only if its levels on that roster stay within
 * every bound. A bound missed is refused like a failing golden case, naming the bound and the share
 * measured. The roster is scored by the same streaming job as any roster; a rule set that declares
 * neither file is not checked.
 */
@Component
class PopulationGuard implements ActivationCheck {

	static final String BOUNDS = "cases/population-bounds.csv";

	static final String ROSTER = "cases/reference-roster.csv";

	/** Small chunks, so that a rule set failing on a row stops after a few rows, not hundreds. */
	private static final int CHUNK_ROWS = 16;

	private final PatientValidator validator;

	private final Clock clock;

	PopulationGuard(PatientValidator validator, Clock clock) {
		this.validator = validator;
		this.clock = clock;
	}

	@Override
	public List<RuleProblem> check(RuleSet candidate, List<RuleFile> files) {
		Optional<RuleFile> bounds = file(files, BOUNDS);
		Optional<RuleFile> roster = file(files, ROSTER);
		if (bounds.isEmpty() && roster.isEmpty()) {
			return List.of();
		}
		if (bounds.isEmpty() || roster.isEmpty()) {
			String present = bounds.isPresent() ? BOUNDS : ROSTER;
			String absent = bounds.isPresent() ? ROSTER : BOUNDS;
			return List.of(new RuleProblem(present, 0, "the population guard needs " + absent + " too: bounds are measured on the reference roster"));
		}
		BoundsFile.Read read = BoundsFile.read(bounds.get().text());
		if (!read.problems().isEmpty()) {
			return read.problems().stream().map(problem -> new RuleProblem(BOUNDS, problem.line(), problem.message())).toList();
		}
		RosterSummary summary;
		try {
			summary = score(candidate, roster.get());
		}
		catch (RosterFileException ex) {
			return List.of(new RuleProblem(ROSTER, 0, "the reference roster cannot be scored: " + ex.getMessage()));
		}
		catch (FailedRow ex) {
			return List.of(new RuleProblem(ROSTER, 0, "the reference roster must score without an error row, but row " + ex.row
					+ " gave one (" + ex.kind + "): fix the roster or the rules before the bounds can be measured"));
		}
		List<RuleProblem> problems = new ArrayList<>();
		for (ShareCheck check : summary.shares().check(read.bounds())) {
			if (!Boolean.TRUE.equals(check.met())) {
				problems.add(new RuleProblem(BOUNDS, check.bound().line(),
						"bound '" + check.bound().id() + "' missed on the reference roster: " + check.describe()));
			}
		}
		return problems;
	}

	private RosterSummary score(RuleSet candidate, RuleFile roster) {
		try {
			RosterJob job = RosterJob.open(new StringReader(roster.text()), RosterProfiles.named(CanonicalProfile.NAME),
					new RosterJob.Options(List.of(), Runtime.getRuntime().availableProcessors(), CHUNK_ROWS), candidate, validator,
					LocalDate.now(clock));
			return job.run(Writer.nullWriter(), (rows, seconds) -> job.firstError().ifPresent(error -> {
				throw new FailedRow(error.row(), error.kind());
			}));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Optional<RuleFile> file(List<RuleFile> files, String path) {
		return files.stream().filter(file -> file.path().equals(path)).findFirst();
	}

	/** Stops the run at the first error row: the reference roster is meant to have none. */
	private static final class FailedRow extends RuntimeException {

		private final long row;

		private final String kind;

		FailedRow(long row, String kind) {
			super(null, null, false, false);
			this.row = row;
			this.kind = kind;
		}
	}
}
