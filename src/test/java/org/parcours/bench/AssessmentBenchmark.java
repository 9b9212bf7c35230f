package org.parcours.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import jakarta.validation.Validation;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import org.parcours.assessment.Assessment;
import org.parcours.assessment.Evaluation;
import org.parcours.patient.Enums.AdmissionType;
import org.parcours.patient.Patient;
import org.parcours.patient.PatientValidator;
import org.parcours.rules.RuleSetLoader;

/**
 * Single-thread assessments per second on a seeded synthetic population, against the rules of
 * {@code rules/} or of the directory given as third argument (run by {@code bench/assess.sh} on a build's jar; not a test). Uses only the public
 * entry points that every build has, so the same class measures an older build. Prints the compile
 * time, the warm-up and the measured rate per second of wall time and per second of the thread's
 * CPU time (steadier when other processes share the cores), and the level mix as a sanity check.
 * With {@code -Dbench.profile=FILE} the measured assessments are recorded with JFR ({@code bench/assess.sh}'s
 * {@code PROFILE=1}).
 */
public final class AssessmentBenchmark {

	private static final String[] CATEGORIES = { "hypertension", "diabetes", "heart-failure", "copd", "coronary-artery-disease",
			"atrial-fibrillation", "chronic-kidney-disease", "osteoarthritis", "depression", "asthma", "dementia", "cancer" };

	private static final double[] PREVALENCE = { 0.30, 0.12, 0.04, 0.06, 0.07, 0.05, 0.06, 0.12, 0.08, 0.06, 0.02, 0.04 };

	/** A file name: the measured assessments (not the compilation, not the warm-up) are recorded there with JFR. */
	private static final String PROFILE = "bench.profile";

	public static void main(String[] args) throws IOException, ParseException {
		int count = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
		int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
		Path rules = Path.of(args.length > 2 ? args[2] : "rules");
		long start = System.nanoTime();
		Evaluation evaluation = Evaluation.on(new RuleSetLoader(Clock.systemUTC()).load(rules), LocalDate.of(2026, 11, 22),
				new PatientValidator(Validation.buildDefaultValidatorFactory().getValidator()));
		System.out.printf("rules compiled in %d ms%n", (System.nanoTime() - start) / 1_000_000);
		List<Patient> population = population(10_000, new Random(42));
		run(evaluation, population, warmUp, "warm-up");
		Recording recording = profile();
		int[] levels = run(evaluation, population, count, "measured");
		if (recording != null) {
			recording.stop();
			recording.dump(Path.of(System.getProperty(PROFILE)));
			System.out.println("profile of the measured assessments: " + System.getProperty(PROFILE));
		}
		System.out.printf("levels 1/2/3: %.1f%% / %.1f%% / %.1f%%%n", 100.0 * levels[1] / count, 100.0 * levels[2] / count,
				100.0 * levels[3] / count);
	}

	/**
	 * JFR's method profiling, started right before the measured assessments when {@code bench.profile} is
	 * set. Give the JVM {@code -XX:FlightRecorderOptions=stackdepth=1024}: the engine's stacks are deeper
	 * than JFR's default of 64 frames, and a cut stack loses the frames that say which part of an
	 * assessment a sample belongs to.
	 */
	private static Recording profile() throws IOException, ParseException {
		if (System.getProperty(PROFILE) == null) {
			return null;
		}
		Recording recording = new Recording(Configuration.getConfiguration("profile"));
		recording.start();
		return recording;
	}

	private static int[] run(Evaluation evaluation, List<Patient> population, int count, String label) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		int[] levels = new int[4];
		long start = System.nanoTime();
		long cpuStart = threads.getCurrentThreadCpuTime();
		for (int i = 0; i < count; i++) {
			Assessment assessment = evaluation.assess(population.get(i % population.size()));
			levels[assessment.riskLevel().level()]++;
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
		System.out.printf("%s: %d assessments in %.1f s = %.0f assessments/s (single thread), %.0f per CPU second%n", label, count,
				seconds, count / seconds, count / cpuSeconds);
		return levels;
	}

	static List<Patient> population(int size, Random random) {
		List<Patient> patients = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			int age = 18 + random.nextInt(80);
			List<Patient.Condition> conditions = new ArrayList<>();
			for (int c = 0; c < CATEGORIES.length; c++) {
				if (random.nextDouble() < PREVALENCE[c] * (0.5 + age / 60.0)) {
					conditions.add(Patient.Condition.category(CATEGORIES[c]));
				}
			}
			int admissions = random.nextDouble() < 0.8 ? 0 : 1 + random.nextInt(5);
			boolean discharged = random.nextDouble() < 0.3;
			// the builder calls draw from random in the order the population has always been drawn
			patients.add(Patient.builder()
				.patientId("p" + i)
				.age(age)
				.assessmentDate(LocalDate.of(2026, 11, 22))
				.residence(Patient.Residence.builder().region(random.nextBoolean() ? "CH-GE" : "FR-74").build())
				.conditions(conditions)
				.medicationCount(random.nextInt(12))
				.history(Patient.History.builder()
					.admissionsLast12Months(admissions)
					.edVisitsLast6Months(random.nextInt(3))
					.unplannedReadmission30Days(random.nextDouble() < 0.05)
					.unplannedAdmissionLast6Months(admissions > 0)
					.build())
				.stay(discharged ? Patient.Stay.builder()
					.admissionType(random.nextBoolean() ? AdmissionType.URGENT : AdmissionType.ELECTIVE)
					.lengthOfStayDays(random.nextInt(15))
					.dischargeService("medicine")
					.procedurePerformed(random.nextBoolean())
					.dischargeHemoglobinGdl(9 + random.nextDouble() * 7)
					.dischargeSodiumMmolL(128 + random.nextDouble() * 16)
					.build() : null)
				.functional(Patient.Functional.builder()
					.livesAlone(random.nextDouble() < 0.3)
					.hasCaregiver(random.nextBoolean())
					.adlDependencies(random.nextInt(3))
					.cognitiveImpairment(random.nextDouble() < 0.05)
					.fallsLast12Months(random.nextInt(2))
					.undernutrition(false)
					.depression(random.nextDouble() < 0.1)
					.adverseDrugEvent(false)
					.build())
				.build());
		}
		return patients;
	}
}
