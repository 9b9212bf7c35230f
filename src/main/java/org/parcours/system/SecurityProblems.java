package org.parcours.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as RFC 9457 problem details, like every other error of the API. They say what is
 * needed, never who asked or with what credentials.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final ProblemWriter writer;

	SecurityProblems(JsonMapper json) {
		this.writer = new ProblemWriter(json);
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"parcours\", charset=\"UTF-8\"");
		write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
				"This endpoint needs HTTP Basic credentials of a configured user.", request);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex) throws IOException {
		write(response, HttpStatus.FORBIDDEN, "Forbidden", "The authenticated user does not have the role this endpoint needs.",
				request);
	}

	private void write(HttpServletResponse response, HttpStatus status, String title, String detail, HttpServletRequest request)
			throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		writer.write(request, response, problem);
	}
}
