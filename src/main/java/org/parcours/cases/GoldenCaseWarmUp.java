package org.parcours.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import org.parcours.assessment.Evaluation;
import org.parcours.patient.Patient;
import org.parcours.patient.PatientValidator;
import org.parcours.rules.CandidateWarmUp;
import org.parcours.rules.RuleFile;
import org.parcours.rules.RuleSet;

/**
 * Warms a candidate that passed its golden cases by assessing the cases' patients on it, round after
 * round, through the same path as a request: every rule of the set is exercised, so the JIT compiles
 * the candidate's own classes before it answers. It stops as soon as two rounds in a row run at
 * {@value #FULL_SPEED_PERCENT} % of the speed of one round on the (warm) active rule set, so a
 * small edit goes live without waiting for the whole budget.
 */
@Component
class GoldenCaseWarmUp implements CandidateWarmUp {

	private static final Logger log = LoggerFactory.getLogger(GoldenCaseWarmUp.class);

	static final int FULL_SPEED_PERCENT = 80;

	private final PatientValidator validator;

	private final GoldenCaseCheck cases;

	private final Clock clock;

	/** {@code cases}: the check that has just read the same case files, whose patients it keeps by content. */
	GoldenCaseWarmUp(PatientValidator validator, GoldenCaseCheck cases, Clock clock) {
		this.validator = validator;
		this.cases = cases;
		this.clock = clock;
	}

	@Override
	public void warmUp(RuleSet candidate, RuleSet active, List<RuleFile> files, Duration budget) {
		List<Patient> patients = cases.patients(files);
		if (patients.isEmpty() || budget.isZero() || budget.isNegative()) {
			return;
		}
		long start = System.nanoTime();
		long end = start + budget.toNanos();
		LocalDate today = LocalDate.now(clock);
		long fullSpeed = round(Evaluation.on(active, today, validator), patients, end);
		Evaluation warming = Evaluation.on(candidate, today, validator);
		int rounds = 0;
		int fastInARow = 0;
		long last = 0;
		while (fullSpeed > 0 && fastInARow < 2) {
			long round = round(warming, patients, end);
			if (round < 0) {
				break;
			}
			last = round;
			rounds++;
			fastInARow = last * FULL_SPEED_PERCENT <= fullSpeed * 100 ? fastInARow + 1 : 0;
		}
		log.info("Candidate warmed in {} ms: {} round(s) of {} golden-case patients, the last at {} % of the active rule set's speed{}",
				(System.nanoTime() - start) / 1_000_000, rounds, patients.size(), last == 0 ? 0 : 100 * fullSpeed / last,
				fullSpeed < 0 ? " (the budget was spent measuring the active rule set's speed: a busy machine)" : "");
	}

	/**
	 * Nanoseconds to assess every patient once, or -1 when the budget ended first: the round is then
	 * left unfinished, so that the warm-up never holds a swap much past its budget, however loaded the
	 * machine (a whole round of the default cases takes a third of a second idle, tens of seconds
	 * under a heavy load).
	 */
	private static long round(Evaluation evaluation, List<Patient> patients, long end) {
		long start = System.nanoTime();
		for (Patient patient : patients) {
			if (System.nanoTime() - end > 0) {
				return -1;
			}
			try {
				evaluation.assess(patient);
			}
			catch (RuntimeException ex) {
				// the cases already passed on the candidate: nothing here can refuse it, and the next patient warms as well
			}
		}
		return System.nanoTime() - start;
	}
}
