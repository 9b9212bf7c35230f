package org.parcours.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The build part of the compiled-rules cache's key: any change to a Parcours class file gives another
 * identity, whether the classes are read from a jar (by the sizes and CRC-32s its directory records)
 * or from a directory (by their content); where the classes are does not. Each case loads real class
 * files of this build through a class loader of their own, the way the service finds them.
 */
class CompilerIdentityTests {

	@TempDir
	Path work;

	/** Three real class files of this build, among them the identity's own (which the digest requires). */
	final Map<String, byte[]> classes = new LinkedHashMap<>();

	CompilerIdentityTests() throws IOException {
		for (Class<?> type : new Class<?>[] { CompilerIdentity.class, RuleSet.class, RuleSetLoader.class }) {
			String path = type.getName().replace('.', '/') + ".class";
			try (InputStream in = type.getClassLoader().getResourceAsStream(path)) {
				classes.put(path, in.readAllBytes());
			}
		}
	}

	@Test
	void aJarsIdentityChangesWithAnyClassFileAndNotWithWhereTheJarIs() throws IOException {
		String identity = digest(jar("a.jar", classes, true));

		assertThat(digest(jar("elsewhere/b.jar", classes, true))).isEqualTo(identity);
		assertThat(digest(jar("changed.jar", changedByOneByte(), true))).isNotEqualTo(identity);
		assertThat(digest(jar("renamed.jar", renamed(), true))).isNotEqualTo(identity);
		assertThat(digest(jar("added.jar", added(), true))).isNotEqualTo(identity);
	}

	@Test
	void aDirectorysIdentityChangesWithAnyClassFile() throws IOException {
		String identity = digest(directory("a", classes));

		assertThat(digest(directory("b", classes))).isEqualTo(identity);
		assertThat(digest(directory("changed", changedByOneByte()))).isNotEqualTo(identity);
		assertThat(digest(directory("renamed", renamed()))).isNotEqualTo(identity);
		assertThat(digest(directory("added", added()))).isNotEqualTo(identity);
	}

	@Test
	void theSameClassesInTwoPlacesOnTheClassPathCountTwice() throws IOException {
		Path jar = jar("a.jar", classes, true);
		String once = digest(jar);

		assertThat(digest(jar, jar("b.jar", classes, true))).isNotEqualTo(once);
	}

	/** A jar without directory entries is not found by its package: refused rather than left out of the digest. */
	@Test
	void aJarWhoseClassesCannotBeFoundByTheirPackageIsRefused() throws IOException {
		Path jar = jar("no-directories.jar", classes, false);

		assertThatIllegalStateException().isThrownBy(() -> digest(jar)).withMessageContaining("not all found");
	}

	@Test
	void theRunningBuildHasAnIdentity() {
		assertThat(CompilerIdentity.current().parcours())
			.isEqualTo(CompilerIdentity.parcoursDigest(CompilerIdentity.class.getClassLoader()))
			.matches("[0-9a-f]{64}");
	}

	Map<String, byte[]> changedByOneByte() {
		Map<String, byte[]> changed = new LinkedHashMap<>(classes);
		String path = "org/parcours/rules/RuleSet.class";
		byte[] content = changed.get(path).clone();
		content[content.length - 1] ^= 1;
		changed.put(path, content);
		return changed;
	}

	Map<String, byte[]> renamed() {
		Map<String, byte[]> renamed = new LinkedHashMap<>(classes);
		renamed.put("org/parcours/rules/RuleSetRenamed.class", renamed.remove("org/parcours/rules/RuleSet.class"));
		return renamed;
	}

	Map<String, byte[]> added() {
		Map<String, byte[]> added = new LinkedHashMap<>(classes);
		added.put("org/parcours/rules/Extra.class", classes.get("org/parcours/rules/RuleSet.class"));
		return added;
	}

	/** The digest of the Parcours classes a loader over these class path entries (and not this test's class path) finds. */
	static String digest(Path... entries) throws IOException {
		URL[] urls = new URL[entries.length];
		for (int i = 0; i < entries.length; i++) {
			urls[i] = entries[i].toUri().toURL();
		}
		try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
			return CompilerIdentity.parcoursDigest(loader);
		}
	}

	Path jar(String name, Map<String, byte[]> content, boolean withDirectories) throws IOException {
		Path jar = work.resolve(name);
		Files.createDirectories(jar.getParent());
		try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
			if (withDirectories) {
				for (String directory : new String[] { "org/", "org/parcours/", "org/parcours/rules/" }) {
					out.putNextEntry(new JarEntry(directory));
					out.closeEntry();
				}
			}
			for (Map.Entry<String, byte[]> entry : content.entrySet()) {
				out.putNextEntry(new JarEntry(entry.getKey()));
				out.write(entry.getValue());
				out.closeEntry();
			}
		}
		return jar;
	}

	Path directory(String name, Map<String, byte[]> content) throws IOException {
		Path root = work.resolve(name);
		for (Map.Entry<String, byte[]> entry : content.entrySet()) {
			Path file = root.resolve(entry.getKey());
			Files.createDirectories(file.getParent());
			Files.write(file, entry.getValue());
		}
		return root;
	}
}
