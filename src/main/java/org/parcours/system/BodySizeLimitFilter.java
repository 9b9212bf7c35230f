package org.parcours.system;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 413 for JSON API bodies over {@code parcours.api.max-body-size}: at once when the declared
 * length is too large, or as soon as a chunked body reads past the limit. FHIR bodies (a bundle, or a
 * CDS Hooks request carrying prefetch) are held to {@code parcours.api.max-fhir-body-size}. Roster
 * uploads are exempt: they stream and may be gigabytes (the impact endpoint's candidate archive has
 * limits of its own).
 */
@Component
@EnableConfigurationProperties(ApiProperties.class)
class BodySizeLimitFilter extends OncePerRequestFilter {

	private final ApiProperties properties;

	private final ProblemWriter problems;

	BodySizeLimitFilter(ApiProperties properties, JsonMapper json) {
		this.properties = properties;
		this.problems = new ProblemWriter(json);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !(path.startsWith("/api/") || path.startsWith("/cds-services")) || path.startsWith("/api/v1/rosters")
				|| path.equals("/api/v1/rules/impact");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		DataSize limit = limit(request);
		if (request.getContentLengthLong() > limit.toBytes()) {
			problems.write(request, response, problem(limit));
			return;
		}
		chain.doFilter(new LimitedRequest(request, limit), response);
	}

	/** FHIR bodies (by media type, or any CDS Hooks call) have their own, larger limit. */
	private DataSize limit(HttpServletRequest request) {
		String type = request.getContentType();
		boolean fhir = request.getRequestURI().startsWith("/cds-services") || type != null && type.startsWith("application/fhir+json");
		return fhir ? properties.maxFhirBodySize() : properties.maxBodySize();
	}

	static ProblemDetail problem(DataSize limit) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"The request body is larger than " + limit.toBytes() + " bytes.");
		problem.setTitle("Content Too Large");
		return problem;
	}

	/** The limit a body read past, or {@code null} when {@code ex} is not about an oversize body. */
	static DataSize tooLarge(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLargeException tooLarge) {
				return tooLarge.limit;
			}
		}
		return null;
	}

	static final class BodyTooLargeException extends IOException {

		private final transient DataSize limit;

		BodyTooLargeException(DataSize limit) {
			super("request body over the configured limit");
			this.limit = limit;
		}
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final DataSize limit;

		private final long maxBytes;

		LimitedRequest(HttpServletRequest request, DataSize limit) {
			super(request);
			this.limit = limit;
			this.maxBytes = limit.toBytes();
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			InputStream in = super.getInputStream();
			DataSize limit = this.limit;
			return new ServletInputStream() {

				private long read;

				@Override
				public int read() throws IOException {
					int b = in.read();
					count(b < 0 ? 0 : 1);
					return b;
				}

				@Override
				public int read(byte[] buffer, int off, int len) throws IOException {
					int n = in.read(buffer, off, len);
					count(Math.max(n, 0));
					return n;
				}

				private void count(int n) throws IOException {
					read += n;
					if (read > maxBytes) {
						throw new BodyTooLargeException(limit);
					}
				}

				@Override
				public boolean isFinished() {
					return false;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("blocking reads only");
				}
			};
		}
	}
}
