package org.parcours.cases;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How many HTTP requests the service is answering right now: background work that must give way to
 * real work ({@link WarmUpAfterStart}) waits while there is any. Outermost filter, so a request counts
 * from its first filter to its last byte.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestsInFlight extends OncePerRequestFilter {

	private final AtomicInteger running = new AtomicInteger();

	int running() {
		return running.get();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		running.incrementAndGet();
		try {
			chain.doFilter(request, response);
		}
		finally {
			running.decrementAndGet();
		}
	}
}
