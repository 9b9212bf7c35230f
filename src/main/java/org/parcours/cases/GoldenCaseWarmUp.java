package org.parcours.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

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
 * Warms a candidate that passed its golden cases by assessing the cases' patients on it through the
 * same path as a request: every rule of the set is exercised, so the JIT compiles the candidate's own
 * classes before it answers. The JIT compiles what has run often, so the warm-up runs as many
 * assessments on the candidate as its budget allows: on every core, all the time.
 *
 * <p>One thread measures, the others only warm: it times a sample of the patients (one in
 * {@value #SAMPLE_EVERY}) once on the (warm) active rule set, then again and again on the candidate,
 * and the warm-up stops as soon as two of these rounds in a row run at {@value #FULL_SPEED_PERCENT} % of
 * the active rule set's speed, so a small edit goes live without waiting for the whole budget. The
 * sample is timed while the other threads warm the candidate, so both measures share the cores alike,
 * and measuring the active rule set costs a fraction of a round instead of a whole one.
 */
@Component
class GoldenCaseWarmUp implements CandidateWarmUp {

	private static final Logger log = LoggerFactory.getLogger(GoldenCaseWarmUp.class);

	static final int FULL_SPEED_PERCENT = 80;

	/** One patient in this many is in the timed sample (spread over every case file). */
	static final int SAMPLE_EVERY = 4;

	/** Besides the measuring thread, one warming thread per other core. */
	static final int WARMERS = Runtime.getRuntime().availableProcessors() - 1;

	private static final AtomicLong WARMER_NUMBERS = new AtomicLong();

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
		List<Patient> sample = IntStream.range(0, patients.size()).filter(i -> i % SAMPLE_EVERY == 0).mapToObj(patients::get).toList();
		Evaluation warming = Evaluation.on(candidate, today, validator);
		AtomicBoolean stop = new AtomicBoolean();
		AtomicLong assessed = new AtomicLong();
		List<Thread> warmers = new ArrayList<>();
		for (int i = 0; i < WARMERS; i++) {
			int first = i;
			Thread warmer = new Thread(() -> {
				// each warmer starts at a different patient, so that the cores do not run the same cases at the same time
				for (int next = first * patients.size() / WARMERS; !stop.get() && System.nanoTime() - end < 0; next++) {
					assess(warming, patients.get(next % patients.size()));
					assessed.incrementAndGet();
				}
			}, "rules-warm-up-" + WARMER_NUMBERS.incrementAndGet());
			warmer.setDaemon(true);
			warmer.start();
			warmers.add(warmer);
		}
		long fullSpeed = round(Evaluation.on(active, today, validator), sample, end);
		int rounds = 0;
		int fastInARow = 0;
		long last = 0;
		try {
			while (fullSpeed > 0 && fastInARow < 2) {
				long round = round(warming, sample, end);
				if (round < 0) {
					break;
				}
				assessed.addAndGet(sample.size());
				last = round;
				rounds++;
				fastInARow = last * FULL_SPEED_PERCENT <= fullSpeed * 100 ? fastInARow + 1 : 0;
			}
		}
		finally {
			stop.set(true);
			for (Thread warmer : warmers) {
				try {
					warmer.join(); // each ends after at most the assessment it is in
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
		}
		log.info("Candidate warmed in {} ms: {} assessments of its golden cases' {} patients on {} thread(s); {} timed round(s) of {} of them, "
				+ "the last at {} % of the active rule set's speed{}", (System.nanoTime() - start) / 1_000_000, assessed.get(), patients.size(),
				WARMERS + 1, rounds, sample.size(), last == 0 ? 0 : 100 * fullSpeed / last,
				fullSpeed < 0 ? " (the budget was spent measuring the active rule set's speed: a busy machine)" : "");
	}

	/**
	 * Nanoseconds to assess every patient once, or -1 when the budget ended first: the round is then
	 * left unfinished, so that the warm-up never holds a swap much past its budget, however loaded the
	 * machine (a round of a quarter of the default cases takes a tenth of a second idle, seconds under
	 * a heavy load).
	 */
	private static long round(Evaluation evaluation, List<Patient> patients, long end) {
		long start = System.nanoTime();
		for (Patient patient : patients) {
			if (System.nanoTime() - end > 0) {
				return -1;
			}
			assess(evaluation, patient);
		}
		return System.nanoTime() - start;
	}

	/** One assessment for the JIT's sake: its answer is not used. */
	static void assess(Evaluation evaluation, Patient patient) {
		try {
			evaluation.assess(patient);
		}
		catch (RuntimeException ex) {
			// the cases already passed on this rule set: nothing here can refuse it, and the next patient warms as well
		}
	}
}
