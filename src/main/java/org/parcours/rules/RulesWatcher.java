package org.parcours.rules;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import org.parcours.rules.ReloadAttempt.Trigger;

/**
 * Reloads the rules directory when it changes. File events (every sub-directory, new ones included)
 * are debounced: a reload starts once the directory has been quiet for {@code debounce}, so a save or
 * a {@code git pull} touching many files gives one reload (a save still under way when the reload
 * starts changes the files while they are checked, so that candidate is dropped and the settled files
 * are reloaded next: see {@link RuleReloader}). Because container volumes and network
 * shares often deliver no events, the directory's content hash is also compared with the active one
 * every {@code poll-interval}. Both end in {@link RuleReloader#reloadIfChanged}, which does nothing
 * when the content is the active or the last refused one.
 */
final class RulesWatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RulesWatcher.class);

	private final RuleReloader reloader;

	private final Path directory;

	private final RulesProperties.Watch settings;

	private ScheduledExecutorService scheduler;

	private WatchService events;

	private ScheduledFuture<?> pending;

	private volatile boolean running;

	RulesWatcher(RuleReloader reloader, Path directory, RulesProperties.Watch settings) {
		this.reloader = reloader;
		this.directory = directory;
		this.settings = settings;
	}

	@Override
	public synchronized void start() {
		scheduler = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "rules-reload"));
		Duration poll = settings.pollInterval();
		if (!poll.isZero() && !poll.isNegative()) {
			scheduler.scheduleWithFixedDelay(() -> check(Trigger.POLL), poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
		}
		if (settings.events()) {
			listen(poll);
		}
		running = true;
		log.info("Watching the rules directory ({}debounce {}, poll every {})", settings.events() ? "file events, " : "",
				settings.debounce(), poll.isZero() ? "never" : poll);
	}

	private void listen(Duration poll) {
		try {
			events = FileSystems.getDefault().newWatchService();
			registerTree(directory);
			daemon(this::watch, "rules-watcher").start();
		}
		catch (IOException | RuntimeException ex) {
			log.warn("File events for the rules directory are not available ({}); relying on polling every {}", ex.getClass().getSimpleName(), poll);
		}
	}

	@Override
	public synchronized void stop() {
		running = false;
		if (scheduler != null) {
			scheduler.shutdownNow();
		}
		if (events != null) {
			try {
				events.close();
			}
			catch (IOException ex) {
				log.debug("closing the watch service", ex);
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void watch() {
		try {
			while (true) {
				WatchKey key = events.take();
				for (WatchEvent<?> event : key.pollEvents()) {
					if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && key.watchable() instanceof Path parent) {
						Path created = parent.resolve((Path) event.context());
						if (Files.isDirectory(created)) {
							registerTree(created);
						}
					}
				}
				key.reset();
				debounce();
			}
		}
		catch (ClosedWatchServiceException | InterruptedException ex) {
			// stopped
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Stopped watching the rules directory for events ({}); polling continues", ex.getClass().getSimpleName());
		}
	}

	private synchronized void debounce() {
		if (pending != null) {
			pending.cancel(false);
		}
		if (!scheduler.isShutdown()) {
			pending = scheduler.schedule(() -> check(Trigger.WATCHER), settings.debounce().toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void check(Trigger trigger) {
		try {
			reloader.reloadIfChanged(trigger);
		}
		catch (RuntimeException ex) {
			log.warn("Checking the rules directory for changes failed", ex);
		}
	}

	private void registerTree(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path dir : paths.filter(Files::isDirectory).toList()) {
				dir.register(events, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
						StandardWatchEventKinds.ENTRY_DELETE);
			}
		}
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}
}
