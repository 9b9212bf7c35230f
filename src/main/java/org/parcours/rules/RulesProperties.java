package org.parcours.rules;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the rule set lives ({@code parcours.rules.directory}, default {@code ./rules}), how edits
 * to it are picked up ({@code parcours.rules.watch.*}) and what its golden cases must be
 * ({@code parcours.rules.cases.*}) and where its compiled form is kept between runs ({@code parcours.rules.cache.*}).
 *
 * <p>Bounds on what a rule set may cost: {@code max-firings-per-evaluation} and
 * {@code max-evaluation-time} end one evaluation whose rules keep firing (an evaluation of the default
 * rules fires well under a hundred rules in well under a millisecond); {@code reload-deadline} refuses
 * a candidate whose checks have not finished in time (a reload normally takes about a second), so
 * that no rule set can hold the reload and every later edit.
 *
 * <p>{@code warm-up}: at most how long a reloaded rule set that passed its checks evaluates its golden
 * cases' patients before it replaces the active one (until it runs them nearly as fast as the active
 * one), so that the requests after the swap do not pay for the JIT compiling its new classes (never
 * more than half of what is left of the reload deadline; 0 turns it off). Only a candidate more than a
 * third of whose rules part's files have new classes is warmed: after an edit of one rule file, the
 * others run on the active rule set's classes.
 */
@ConfigurationProperties("parcours.rules")
public record RulesProperties(@DefaultValue("rules") Path directory, @DefaultValue Watch watch, @DefaultValue Cases cases,
		@DefaultValue("" + DEFAULT_MAX_FIRINGS) int maxFiringsPerEvaluation, @DefaultValue("2s") Duration maxEvaluationTime,
		@DefaultValue("30s") Duration reloadDeadline, @DefaultValue Cache cache, @DefaultValue("2s") Duration warmUp) {

	static final int DEFAULT_MAX_FIRINGS = 5000;

	static final Duration DEFAULT_MAX_EVALUATION_TIME = Duration.ofSeconds(2);

	/**
	 * {@code allow-none}: activate a rule set that has no golden case at all. Off by default, so that
	 * moving or deleting {@code rules/cases} cannot silently remove the gate; turn it on only for a
	 * rule set that is tested some other way.
	 *
	 * <p>{@code always-run}: run the golden cases and the population guard on every start-up. Off by
	 * default: a start-up on rules that passed them earlier the same day, with this same build, libraries
	 * and settings, reuses that verdict (kept with the compiled rules; see {@link GateVerdicts}).
	 * Reloads always run them.
	 */
	public record Cases(@DefaultValue("false") boolean allowNone, @DefaultValue("false") boolean alwaysRun) {
	}

	/**
	 * {@code enabled}: watch the directory at all (the reload endpoint works either way).
	 * {@code events}: listen to file events; turn off where the filesystem's events are unreliable.
	 * {@code debounce}: quiet time after the last file event before reloading, so that an editor's
	 * save (often several events) or a {@code git pull} gives one reload; short, because a save that
	 * outlasts it is caught anyway: a candidate whose files change while it is checked is dropped and the
	 * settled files reloaded ({@link RuleReloader}).
	 * {@code poll-interval}: how often the directory's content hash is compared with the active one,
	 * for filesystems that deliver no events (container volumes, network shares); 0 turns it off.
	 */
	public record Watch(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean events, @DefaultValue("50ms") Duration debounce,
			@DefaultValue("500ms") Duration pollInterval) {
	}

	/**
	 * {@code enabled}: keep compiled rule sets on disk, so that a start-up on rules compiled before skips
	 * their compilation. {@code directory}: where; outside the rules directory (whose every file is part
	 * of the rule set), writable by this service only, by default in the user's cache directory.
	 * {@code max-entries}: how many compiled rule sets are kept (the most recently used); a rule set is
	 * stored file by file, its parameters and its rules, so the cache keeps up to 128 small entries per
	 * rule set, and up to twice {@code max-entries} of parts compiled whole.
	 */
	public record Cache(@DefaultValue("true") boolean enabled, Path directory, @DefaultValue("8") int maxEntries) {

		public Cache {
			directory = directory != null ? directory : Path.of(System.getProperty("user.home"), ".cache", "parcours", "compiled-rules");
		}
	}
}
