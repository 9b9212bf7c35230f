package org.parcours.rules;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compiler's class path answers from memory what it looked up once on the service's class path,
 * with the very bytes of the class file, and a name that is no class file stays none.
 */
class CompilerClassPathTests {

	private final List<String> lookUps = Collections.synchronizedList(new ArrayList<>());

	private final ClassLoader service = new ClassLoader(CompilerClassPathTests.class.getClassLoader()) {

		@Override
		public URL getResource(String name) {
			lookUps.add(name);
			return super.getResource(name);
		}
	};

	private final CompilerClassPath classPath = new CompilerClassPath(service);

	@Test
	void aClassFileIsReadOnceAndServedWithItsOwnBytes() throws IOException {
		String name = "org/parcours/rules/RuleFile.class";
		byte[] real = bytes(service.getResource(name));
		lookUps.clear();

		byte[] first = bytes(classPath.getResource(name));
		byte[] second;
		try (InputStream in = classPath.getResourceAsStream(name)) {
			second = in.readAllBytes();
		}

		assertThat(first).isEqualTo(real).isEqualTo(second);
		assertThat(lookUps).containsExactly(name);
	}

	@Test
	void aNameThatIsNoClassFileIsLookedUpOnce() {
		String name = "org/parcours/NoSuchType.class";

		assertThat(classPath.getResource(name)).isNull();
		assertThat(classPath.getResourceAsStream(name)).isNull();
		assertThat(lookUps).containsExactly(name);
	}

	@Test
	void theNamesOfABuildsOwnClassesAreNotLookedUp() {
		List<String> generated = List.of("scores/P53/LambdaPredicate53C806A57EEC78C807F00C0789DF9F40.class", "scores/P53/String.class",
				"programmes/Rules64153E2A090B3456BE548F11E654D5F4RuleMethods1.class",
				"programmes/DomainClassesMetadata64153E2A090B3456BE548F11E654D5F4$org_parcours_facts_ScorePoints_Metadata.class");

		generated.forEach(name -> assertThat(classPath.getResource(name)).as(name).isNull());

		assertThat(lookUps).isEmpty();
		// a class of the service in a package of any other name is still found
		assertThat(classPath.getResource("org/parcours/rules/RuleFile.class")).isNotNull();
		assertThat(classPath.getResource("org/parcours/rules/P53.class")).isNull();
		assertThat(lookUps).containsExactly("org/parcours/rules/RuleFile.class", "org/parcours/rules/P53.class");
	}

	@Test
	void otherResourcesAndClassesAreTheServicesOwn() throws ClassNotFoundException {
		assertThat(classPath.getResource("META-INF/kie.conf")).isEqualTo(service.getResource("META-INF/kie.conf"));
		classPath.getResource("META-INF/kie.conf");
		assertThat(lookUps).containsExactly("META-INF/kie.conf", "META-INF/kie.conf", "META-INF/kie.conf");
		assertThat(classPath.loadClass(RuleFile.class.getName())).isSameAs(RuleFile.class);
	}

	private static byte[] bytes(URL resource) throws IOException {
		try (InputStream in = resource.openStream()) {
			return in.readAllBytes();
		}
	}
}
