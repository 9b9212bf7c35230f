package org.parcours.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.drools.model.codegen.ExecutableModelProject;

/**
 * What, besides the rule files, determines what the rules compile to: this build of Parcours (the
 * fact model the rules are compiled against, the compiler options, the checks), the Drools version
 * and the Java version. The build is identified by a digest of every Parcours class file, not by the
 * project version, which a snapshot shares across builds: any change to the code gives another identity.
 */
record CompilerIdentity(String parcours, String drools, String java) {

	private static final String PACKAGE = "org/parcours/";

	/** The identity of the running code (computed once per process). */
	static CompilerIdentity current() {
		return Holder.CURRENT;
	}

	/** One line per part, as written into every cache entry. */
	String describe() {
		return "parcours " + parcours + "\ndrools " + drools + "\njava " + java;
	}

	private static final class Holder {

		static final CompilerIdentity CURRENT = new CompilerIdentity(parcoursDigest(CompilerIdentity.class.getClassLoader()),
				droolsVersion(), Integer.toString(Runtime.version().feature()));
	}

	/**
	 * The digest of every Parcours class file the loader sees, by its path from {@code org/parcours/} on.
	 * A class file in a jar (the packaged jar's {@code BOOT-INF/classes}, or the jar extracted from it)
	 * stands for itself by the size and CRC-32 of its content that the jar's directory records, so a start
	 * reads no class file; a class file in a directory (a build's classes, tests) by its content.
	 */
	static String parcoursDigest(ClassLoader loader) {
		try {
			TreeMap<String, String> classes = new TreeMap<>();
			for (URL root : Collections.list(loader.getResources(PACKAGE))) {
				if ("file".equals(root.getProtocol())) {
					fromDirectory(Path.of(root.toURI()), classes);
				}
				else {
					fromJar(root, classes);
				}
			}
			if (!classes.containsKey(PACKAGE + "rules/CompilerIdentity.class")) {
				// a jar without directory entries is not found by its package: the digest would leave it out
				throw new IllegalStateException("the Parcours classes are not all found by their package: " + classes.size() + " found");
			}
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			classes.forEach((path, content) -> digest.update((path + ' ' + content + '\n').getBytes(StandardCharsets.UTF_8)));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("a class path directory that is not a path", ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	private static void fromDirectory(Path directory, TreeMap<String, String> classes) throws IOException, NoSuchAlgorithmException {
		List<Path> files = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(directory)) {
			walk.filter((file) -> file.toString().endsWith(".class") && Files.isRegularFile(file)).forEach(files::add);
		}
		for (Path file : files) {
			String path = PACKAGE + directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
			byte[] content = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
			add(classes, path, "sha-256 " + HexFormat.of().formatHex(content));
		}
	}

	/** The entries under the package of the jar (or the packaged jar's nested directory) the URL points into. */
	private static void fromJar(URL root, TreeMap<String, String> classes) throws IOException {
		URLConnection connection = root.openConnection();
		if (!(connection instanceof JarURLConnection jar)) {
			throw new IllegalStateException("Parcours classes neither in a directory nor in a jar: " + root);
		}
		// a jar file of its own, closed after: the cached one would be the class loader's, or stale in a test
		jar.setUseCaches(false);
		try (JarFile file = jar.getJarFile()) {
			String prefix = jar.getEntryName();
			for (JarEntry entry : Collections.list(file.entries())) {
				if (entry.getName().startsWith(prefix) && entry.getName().endsWith(".class")) {
					if (entry.getCrc() < 0 || entry.getSize() < 0) {
						throw new IllegalStateException("no size or CRC-32 for " + entry.getName() + " in " + root);
					}
					add(classes, PACKAGE + entry.getName().substring(prefix.length()),
							"crc-32 " + Long.toHexString(entry.getCrc()) + " size " + entry.getSize());
				}
			}
		}
	}

	/** A class seen twice (in two roots) is kept twice: which one loads depends on the order of the roots. */
	private static void add(TreeMap<String, String> classes, String path, String content) {
		classes.merge(path, content, (first, second) -> first + " then " + second);
	}

	/** The version in the executable model compiler's manifest, or where its jar is when the manifest has none. */
	private static String droolsVersion() {
		String version = ExecutableModelProject.class.getPackage().getImplementationVersion();
		return version != null ? version
				: String.valueOf(ExecutableModelProject.class.getProtectionDomain().getCodeSource().getLocation());
	}
}
