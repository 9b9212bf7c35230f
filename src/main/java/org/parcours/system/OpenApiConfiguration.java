package org.parcours.system;

import java.util.Map;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
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

	/**
	 * SpringDoc's beans are built when something first needs them (the first request for the description
	 * or the Swagger UI, whose answers are the same), not during the start-up: they are a sizeable share
	 * of Spring's bean phase, which is the start-up's critical path, and no other request uses them.
	 * A SpringDoc bean that another bean needs at start-up (a web MVC configurer) is still built then.
	 */
	@Bean
	static BeanFactoryPostProcessor springDocOnFirstUse() {
		return beanFactory -> {
			for (String name : beanFactory.getBeanDefinitionNames()) {
				BeanDefinition definition = beanFactory.getBeanDefinition(name);
				if (isSpringDoc(definition)) {
					definition.setLazyInit(true);
				}
			}
		};
	}

	/** A bean of SpringDoc's own classes, or made by a factory method of one of them (its auto-configuration). */
	private static boolean isSpringDoc(BeanDefinition definition) {
		String declaring = definition instanceof AnnotatedBeanDefinition annotated && annotated.getFactoryMethodMetadata() != null
				? annotated.getFactoryMethodMetadata().getDeclaringClassName()
				: definition.getBeanClassName();
		return declaring != null && declaring.startsWith("org.springdoc.");
	}

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
