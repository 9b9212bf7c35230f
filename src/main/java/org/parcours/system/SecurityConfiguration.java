package org.parcours.system;

import java.util.List;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Who may call what. Health and the API description are open; everything else needs an HTTP Basic
 * user with the right role, and any endpoint not listed here is refused, so a new endpoint is closed
 * until it is given a role; a request no endpoint serves gets its 404 or 405 ({@link UnservedRequests}). Users come from {@code parcours.security.users} (see
 * {@link SecurityProperties}); with none configured every protected endpoint answers 401. Only in a
 * web application: the command-line scorer has no endpoint to protect.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
@OpenAPIDefinition(security = @SecurityRequirement(name = "basic"))
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, JsonMapper json, ObjectProvider<RequestMappingInfoHandlerMapping> handlerMappings)
			throws Exception {
		SecurityProblems problems = new SecurityProblems(json);
		http.authorizeHttpRequests(requests -> requests
			.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
			.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
			.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/examples/**")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/api/v1/assessments").hasRole(Roles.ASSESSOR)
			.requestMatchers("/api/v1/rosters/**", "/cds-services/**").hasRole(Roles.ASSESSOR)
			.requestMatchers(HttpMethod.POST, "/api/v1/rules/reload").hasRole(Roles.RULES_ADMIN)
			.requestMatchers(HttpMethod.POST, "/api/v1/rules/impact").hasRole(Roles.RULES_ADMIN)
			.requestMatchers(HttpMethod.GET, "/api/v1/rules").hasAnyRole(Roles.RULES_ADMIN, Roles.ASSESSOR)
			.requestMatchers(HttpMethod.POST, "/api/v1/rules/history/*/restore").hasRole(Roles.RULES_ADMIN)
			.requestMatchers(HttpMethod.GET, "/api/v1/rules/history", "/api/v1/rules/history/**").hasAnyRole(Roles.RULES_ADMIN, Roles.ASSESSOR)
			.requestMatchers(HttpMethod.GET, "/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/**", "/actuator/info")
			.hasRole(Roles.MONITORING)
			.anyRequest().access(new UnservedRequests(handlerMappings)))
			.httpBasic(basic -> basic.authenticationEntryPoint(problems))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			// Every request carries its credentials and no session or cookie is ever issued, so there is
			// no ambient authority for a cross-site request to ride on: CSRF tokens would protect nothing.
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable());
		return http.build();
	}

	@Bean
	UserDetailsService users(SecurityProperties properties) {
		List<UserDetails> users = ConfiguredUsers.from(properties.users());
		if (users.isEmpty()) {
			log.warn("No API user is configured: every protected endpoint answers 401. Add one with the environment variables "
					+ "PARCOURS_SECURITY_USERS_0_NAME, PARCOURS_SECURITY_USERS_0_PASSWORD ({bcrypt}<hash>) and "
					+ "PARCOURS_SECURITY_USERS_0_ROLES (assessor, rules-admin, monitoring), or parcours.security.users[0].* in configuration.");
		}
		else {
			log.info("{} API user(s) configured", users.size());
		}
		return new InMemoryUserDetailsManager(users);
	}

	@Bean
	PasswordEncoder passwordEncoder(SecurityProperties properties) {
		return new VerifiedCredentials(ConfiguredUsers.passwordEncoder(properties.users()));
	}
}
