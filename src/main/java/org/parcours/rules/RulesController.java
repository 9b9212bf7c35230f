package org.parcours.rules;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The active rule set and its last activation attempt ({@code GET /api/v1/rules}), and activation of
 * the rules directory on demand ({@code POST /api/v1/rules/reload}): 200 with the attempt when the
 * candidate is active, 422 problem details naming the stage and every problem when it is refused.
 */
@RestController
@RequestMapping(path = "/api/v1/rules", produces = MediaType.APPLICATION_JSON_VALUE)
class RulesController implements RulesApi {

	private final ActiveRuleSet active;

	private final RuleReloader reloader;

	RulesController(ActiveRuleSet active, RuleReloader reloader) {
		this.active = active;
		this.reloader = reloader;
	}

	/** The status body: what answers now, the files it was built from, and how the last attempt ended. */
	record Status(String version, String contentHash, Instant loadedAt, List<RuleSet.FileHash> files, ReloadAttempt lastAttempt) {
	}

	@Override
	@GetMapping
	public Status status() {
		RuleSet ruleSet = active.get();
		return new Status(ruleSet.version(), ruleSet.contentHash(), ruleSet.loadedAt(), ruleSet.files(),
				active.lastAttempt().orElse(null));
	}

	@Override
	@PostMapping("/reload")
	public ResponseEntity<?> reload(Principal user) {
		return ReloadAnswer.of(reloader.reload(ReloadAttempt.Trigger.API, user.getName()));
	}
}
