package org.parcours.cases;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;

import org.parcours.rules.ActivationCheck;
import org.parcours.rules.ReloadAttempt.Trigger;
import org.parcours.rules.RuleFile;
import org.parcours.rules.RuleProblem;
import org.parcours.rules.RuleReloader;
import org.parcours.rules.RuleSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warm-up after a start-up runs on its own once the service is ready, ends at its bound, and waits
 * while a request or a reload is running (the fixture rule set, whose golden cases are its patients; a
 * reload is held open by one more activation check that waits while the test says so).
 */
@SpringBootTest(properties = { "parcours.rules.directory=src/test/resources/fixture-rules", "parcours.rules.warm-up-after-start.enabled=true",
		"parcours.rules.warm-up-after-start.assessments=" + WarmUpAfterStartTests.BOUND, "parcours.rules.warm-up-after-start.pause=20ms" })
@ActiveProfiles("test")
// the first test counts the warm-up of the start-up itself, so it must see the counter before the other adds to it
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WarmUpAfterStartTests {

	static final int BOUND = 300;

	@Autowired
	WarmUpAfterStart warmUp;

	@Autowired
	RequestsInFlight requests;

	@Autowired
	MeterRegistry registry;

	@Autowired
	RuleReloader reloader;

	@Autowired
	HeldCheck held;

	@Test
	@Order(1)
	void startsOnItsOwnOnceTheServiceIsReadyStopsAtItsBoundAndWaitsWhileARequestIsRunning() throws Exception {
		awaitWarmed(BOUND);
		Thread.sleep(300);

		assertThat(warmed()).isEqualTo(BOUND);
		assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().equals("rules-warm-up-after-start"));

		// run again by hand: it waits while a request is running, and goes on once it ended
		double before = warmed();
		CountDownLatch answering = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Void> request = CompletableFuture.runAsync(() -> {
			try {
				requests.doFilter(new MockHttpServletRequest("POST", "/api/v1/assessments"), new MockHttpServletResponse(), (req, res) -> {
					answering.countDown();
					await(release);
				});
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		assertThat(answering.await(10, TimeUnit.SECONDS)).isTrue();

		assertWarmUpWaitsUntilTheEnd("the request", before, () -> {
			release.countDown();
			return request.get(10, TimeUnit.SECONDS);
		});
	}

	@Test
	@Order(2)
	void waitsWhileAReloadIsRunning() throws Exception {
		awaitWarmed(BOUND);
		double before = warmed();
		held.hold();
		CompletableFuture<Void> reload = CompletableFuture.runAsync(() -> reloader.reload(Trigger.API));
		try {
			assertThat(held.entered.await(60, TimeUnit.SECONDS)).as("the reload reached its checks").isTrue();
			assertThat(reloader.reloading()).isTrue();

			assertWarmUpWaitsUntilTheEnd("the reload", before, () -> {
				held.release();
				return reload.get(60, TimeUnit.SECONDS);
			});
		}
		finally {
			held.release();
		}
	}

	/** Runs the warm-up by hand while {@code what} runs: no assessment until {@code end} has ended it, then all of them. */
	private void assertWarmUpWaitsUntilTheEnd(String what, double before, Callable<?> end) throws Exception {
		CompletableFuture<Void> warming = CompletableFuture.runAsync(warmUp::run);
		Thread.sleep(500);
		assertThat(warmed()).as("no assessment while " + what + " runs").isEqualTo(before);

		end.call();
		warming.get(60, TimeUnit.SECONDS);
		assertThat(warmed()).isEqualTo(before + BOUND);
	}

	private double warmed() {
		return registry.get("parcours.rules.warmup.after.start").counter().count();
	}

	private void awaitWarmed(int count) throws InterruptedException {
		long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (warmed() < count && System.nanoTime() < end) {
			Thread.sleep(20);
		}
		assertThat(warmed()).isGreaterThanOrEqualTo(count);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@TestConfiguration
	static class HeldReloads {

		@Bean
		HeldCheck heldCheck() {
			return new HeldCheck();
		}
	}

	/** Passes every candidate; once held, it keeps the reload that reaches it waiting until released. */
	static class HeldCheck implements ActivationCheck {

		final CountDownLatch entered = new CountDownLatch(1);

		private volatile CountDownLatch release = new CountDownLatch(0);

		void hold() {
			release = new CountDownLatch(1);
		}

		void release() {
			release.countDown();
		}

		@Override
		public List<RuleProblem> check(RuleSet candidate, List<RuleFile> files) {
			CountDownLatch waitFor = release;
			if (waitFor.getCount() > 0) {
				entered.countDown();
				await(waitFor);
			}
			return List.of();
		}
	}
}
