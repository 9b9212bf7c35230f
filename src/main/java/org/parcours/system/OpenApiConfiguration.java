package org.parcours.system;

import java.util.Map;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the generated API description cannot see by itself: the problem-details body of every error
 * (referenced by the endpoints as {@code #/components/schemas/Problem}), and the 401 and 403 answers
 * every documented endpoint can give, since all of them need a user with a role.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	/** Where endpoint annotations point for an error body. */
	static final String PROBLEM = "#/components/schemas/Problem";

	@Bean
	OpenApiCustomizer problemDetails() {
		return openApi -> {
			Map<String, Schema> schemas = ModelConverters.getInstance(true).readAll(ProblemDescription.class);
			schemas.forEach(openApi.getComponents()::addSchemas);
			openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
				operation.getResponses().putIfAbsent("401", problem("No or wrong HTTP Basic credentials"));
				operation.getResponses().putIfAbsent("403", problem("The user does not have the role this endpoint needs"));
			}));
		};
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description).content(new Content().addMediaType(
				org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE, new MediaType().schema(new Schema<>().$ref(PROBLEM))));
	}
}
