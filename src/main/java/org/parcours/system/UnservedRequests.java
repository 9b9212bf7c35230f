package org.parcours.system;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The last authorization rule: a request that no rule gave a role. If an endpoint would serve it, it
 * is refused (a new endpoint stays closed until it is given a role). If none would (an unknown path,
 * or a method the path does not have), an authenticated user is let through so that Spring MVC
 * answers 404 or 405 as problem details, rather than a 403 that sends them looking for a role; an
 * anonymous caller still gets 401.
 */
final class UnservedRequests implements AuthorizationManager<RequestAuthorizationContext> {

	/** Resolved per request: the handler mappings are created after the security filter chain. */
	private final ObjectProvider<RequestMappingInfoHandlerMapping> handlerMappings;

	UnservedRequests(ObjectProvider<RequestMappingInfoHandlerMapping> handlerMappings) {
		this.handlerMappings = handlerMappings;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
		Authentication user = authentication.get();
		boolean authenticated = user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken);
		return new AuthorizationDecision(authenticated && !served(context.getRequest()));
	}

	/** Whether an endpoint (controller or actuator) matches the request: path, method, media types. */
	private boolean served(HttpServletRequest request) {
		boolean parsed = ServletRequestPathUtils.hasParsedRequestPath(request);
		if (!parsed) {
			ServletRequestPathUtils.parseAndCache(request);
		}
		try {
			return handlerMappings.orderedStream()
				.anyMatch(mapping -> mapping.getHandlerMethods().keySet().stream().anyMatch(info -> info.getMatchingCondition(request) != null));
		}
		finally {
			if (!parsed) {
				ServletRequestPathUtils.clearParsedRequestPath(request);
			}
		}
	}
}
