package org.parcours.rules.history;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.parcours.rules.ActiveRuleSet;
import org.parcours.rules.ReloadAnswer;
import org.parcours.rules.ReloadAttempt;
import org.parcours.rules.RuleFile;
import org.parcours.rules.RuleReloader;

/**
 * The rule sets the service ran: every activation newest first ({@code GET /api/v1/rules/history}),
 * one version with its files and its diff against the version it replaced ({@code GET .../{version}}),
 * one of its files ({@code GET .../{version}/files/{path}}), and a restore that writes a version back
 * into the rules directory and activates it through the gate ({@code POST .../{version}/restore}).
 */
@RestController
@RequestMapping(path = "/api/v1/rules/history", produces = MediaType.APPLICATION_JSON_VALUE)
class HistoryController implements HistoryApi {

	static final int MAX_LIMIT = 1000;

	private final RuleSetArchive archive;

	private final ActiveRuleSet active;

	private final RuleReloader reloader;

	HistoryController(RuleSetArchive archive, ActiveRuleSet active, RuleReloader reloader) {
		this.archive = archive;
		this.active = active;
		this.reloader = reloader;
	}

	/** The history list: the active version, then activations newest first. */
	record RulesHistory(String activeVersion, List<ListedActivation> activations) {
	}

	/**
	 * One activation and the files its version changed from the one it replaced (every file for the first
	 * recorded); {@code verdictReusedFrom}: see {@link ActivationEntry}.
	 */
	record ListedActivation(String version, Instant activatedAt, ReloadAttempt.Trigger trigger, String user, String previousVersion,
			Instant verdictReusedFrom, FileChanges changes) {
	}

	/**
	 * One version: its files, its activations newest first, the version it replaced when it first became
	 * active ({@code null} for the first recorded), the files changed from that one and their unified diff.
	 */
	record VersionDetail(String version, String contentHash, boolean active, String predecessor, List<ActivationEntry> activations,
			List<ArchivedFile> files, FileChanges changes, String diff) {
	}

	@Override
	@GetMapping
	public RulesHistory list(@RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "limit must be from 1 to " + MAX_LIMIT + ".");
			problem.setTitle("Invalid parameter");
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
		}
		Map<String, ArchivedVersion> versions = new HashMap<>();
		List<ListedActivation> listed = archive.activations(limit).stream()
			.map(entry -> new ListedActivation(entry.version(), entry.activatedAt(), entry.trigger(), entry.user(), entry.previousVersion(),
					entry.verdictReusedFrom(),
					FileChanges.between(entry.previousVersion() == null ? null : version(versions, entry.previousVersion()),
							version(versions, entry.version()))))
			.toList();
		return new RulesHistory(active.get().version(), listed);
	}

	@Override
	@GetMapping("/{version}")
	public VersionDetail version(@PathVariable String version) {
		ArchivedVersion archived = archived(version);
		List<ActivationEntry> activations = archive.activations().stream().filter(entry -> entry.version().equals(version)).toList();
		// the version it replaced when it first became active; later activations (restarts, restores) do not change it
		String predecessor = null;
		for (ActivationEntry entry : activations) {
			if (entry.previousVersion() != null && !entry.previousVersion().equals(version)) {
				predecessor = entry.previousVersion();
			}
		}
		ArchivedVersion before = predecessor == null ? null : archive.version(predecessor).orElse(null);
		FileChanges changes = FileChanges.between(before, archived);
		String diff = before == null ? null : UnifiedDiff.between(archive.files(before), archive.files(archived), changes);
		return new VersionDetail(version, archived.contentHash(), active.get().version().equals(version), before == null ? null : predecessor,
				activations, archived.files(), changes, diff);
	}

	@Override
	@GetMapping(path = "/{version}/files/{*path}", produces = MediaType.TEXT_PLAIN_VALUE)
	public ResponseEntity<String> file(@PathVariable String version, @PathVariable String path) {
		String relative = path.startsWith("/") ? path.substring(1) : path;
		ArchivedFile file = archived(version).files().stream().filter(each -> each.path().equals(relative)).findFirst()
			.orElseThrow(() -> {
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
						"Rule set " + version + " has no such file; GET /api/v1/rules/history/" + version + " lists its files.");
				problem.setTitle("Unknown rule file");
				return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
			});
		return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.body(archive.file(file).text());
	}

	@Override
	@PostMapping("/{version}/restore")
	public ResponseEntity<?> restore(@PathVariable String version, Principal user) {
		List<RuleFile> files = archive.files(archived(version));
		return ReloadAnswer.of(reloader.restore(version, files, user.getName()));
	}

	private ArchivedVersion archived(String version) {
		return archive.version(version).orElseThrow(() -> ArchivedVersionException.unknown(version));
	}

	private ArchivedVersion version(Map<String, ArchivedVersion> versions, String version) {
		return versions.computeIfAbsent(version, this::archived);
	}
}
