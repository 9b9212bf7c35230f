package org.parcours.cases;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.parcours.assessment.Evaluation;
import org.parcours.patient.Patient;
import org.parcours.patient.PatientValidator;
import org.parcours.rules.ActiveRuleSet;
import org.parcours.rules.RuleReloader;
import org.parcours.rules.RuleSet;
import org.parcours.rules.RuleSetLoader;
import org.parcours.rules.RulesProperties;

/**
 * Warms the active rule set once the service answers after a start-up. A fresh JVM runs the rules at
 * several times their steady cost until the JIT has compiled them (about 18,000 evaluations), so the
 * first minutes of load and the golden cases of the first edits would pay for it; this assesses the
 * golden cases' patients (never patient data) on the active rule set beforehand, on one thread that
 * gives way to real work: it waits while any request or a reload is running, and it ends after a bounded
 * number of assessments or of its own CPU time ({@link WarmUpAfterStartProperties}). It starts when the
 * service is ready, so it never delays the first answer. Only in the web service: a roster run from the
 * command line has nothing to wait for.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WarmUpAfterStartProperties.class)
class WarmUpAfterStart {

	private static final Logger log = LoggerFactory.getLogger(WarmUpAfterStart.class);

	private final WarmUpAfterStartProperties properties;

	private final ActiveRuleSet active;

	private final RuleReloader reloader;

	private final RequestsInFlight requests;

	private final GoldenCaseCheck cases;

	private final PatientValidator validator;

	private final RulesProperties rules;

	private final Clock clock;

	private final Counter assessed;

	private volatile boolean stopped;

	WarmUpAfterStart(WarmUpAfterStartProperties properties, ActiveRuleSet active, RuleReloader reloader, RequestsInFlight requests,
			GoldenCaseCheck cases, PatientValidator validator, RulesProperties rules, Clock clock, MeterRegistry registry) {
		this.properties = properties;
		this.active = active;
		this.reloader = reloader;
		this.requests = requests;
		this.cases = cases;
		this.validator = validator;
		this.rules = rules;
		this.clock = clock;
		this.assessed = Counter.builder("parcours.rules.warmup.after.start").baseUnit("assessments")
			.description("Assessments of the golden cases' patients run to warm the active rule set after a start-up").register(registry);
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!properties.enabled() || properties.assessments() <= 0) {
			return;
		}
		Thread thread = new Thread(this::run, "rules-warm-up-after-start");
		thread.setDaemon(true);
		thread.setPriority(Thread.MIN_PRIORITY);
		thread.start();
	}

	@PreDestroy
	void stop() {
		stopped = true;
	}

	/** The warm-up itself, on the calling thread. */
	void run() {
		long start = System.nanoTime();
		List<Patient> patients = cases.patients(RuleSetLoader.read(rules.directory().toAbsolutePath().normalize()));
		if (patients.isEmpty()) {
			return;
		}
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		// the thread's own CPU where the JVM measures it, else wall time: a budget that ends either way
		LongSupplier cpu = threads.isCurrentThreadCpuTimeSupported() ? threads::getCurrentThreadCpuTime : System::nanoTime;
		long cpuStart = cpu.getAsLong();
		long cpuBudget = properties.cpu().toNanos();
		long pauses = 0;
		int done = 0;
		Evaluation evaluation = null;
		String why = "its " + properties.assessments() + " assessments";
		while (done < properties.assessments()) {
			if (stopped) {
				why = "the service stopping";
				break;
			}
			if (cpu.getAsLong() - cpuStart >= cpuBudget) {
				why = "its CPU budget of " + properties.cpu().toMillis() + " ms";
				break;
			}
			if (requests.running() > 0 || reloader.reloading()) {
				pauses++;
				if (!pause()) {
					why = "an interruption";
					break;
				}
				continue;
			}
			RuleSet ruleSet = active.get();
			if (evaluation == null || evaluation.ruleSet() != ruleSet) {
				// a reload swapped in another rule set: warm the one that answers now
				evaluation = Evaluation.on(ruleSet, LocalDate.now(clock), validator);
			}
			GoldenCaseWarmUp.assess(evaluation, patients.get(done % patients.size()));
			done++;
			assessed.increment();
		}
		log.info("Active rule set warmed after the start-up: {} assessments of its golden cases' {} patients in {} ms ({} ms of CPU), "
				+ "{} pause(s) for requests or reloads; ended by {}", done, patients.size(), (System.nanoTime() - start) / 1_000_000,
				(cpu.getAsLong() - cpuStart) / 1_000_000, pauses, why);
	}

	private boolean pause() {
		try {
			Thread.sleep(properties.pause().toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}
}
