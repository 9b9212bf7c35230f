package org.parcours.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;

import org.drools.model.codegen.ExecutableModelProject;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What, besides the rule files, determines what the rules compile to: this build of Parcours (the
 * fact model the rules are compiled against, the compiler options, the checks), the Drools version
 * and the Java version. The build is identified by a digest of every Parcours class file, not by the
 * project version, which a snapshot shares across builds: any change to the code gives another identity.
 */
record CompilerIdentity(String parcours, String drools, String java) {

	private static final String CLASSES = "classpath*:org/parcours/**/*.class";

	/** The identity of the running code (computed once per process: reading the class files takes a few tens of ms). */
	static CompilerIdentity current() {
		return Holder.CURRENT;
	}

	/** One line per part, as written into every cache entry. */
	String describe() {
		return "parcours " + parcours + "\ndrools " + drools + "\njava " + java;
	}

	private static final class Holder {

		static final CompilerIdentity CURRENT = new CompilerIdentity(parcoursDigest(), droolsVersion(),
				Integer.toString(Runtime.version().feature()));
	}

	private static String parcoursDigest() {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			Resource[] classes = new PathMatchingResourcePatternResolver(CompilerIdentity.class.getClassLoader()).getResources(CLASSES);
			Arrays.sort(classes, Comparator.comparing(CompilerIdentity::path));
			for (Resource type : classes) {
				digest.update(path(type).getBytes(StandardCharsets.UTF_8));
				try (InputStream in = type.getInputStream()) {
					digest.update(in.readAllBytes());
				}
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/** The class's path from {@code org/parcours/} on, the same whether it is read from a directory or a jar. */
	private static String path(Resource type) {
		try {
			String url = type.getURL().toString();
			return url.substring(url.lastIndexOf("org/parcours/"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The version in the executable model compiler's manifest, or where its jar is when the manifest has none. */
	private static String droolsVersion() {
		String version = ExecutableModelProject.class.getPackage().getImplementationVersion();
		return version != null ? version
				: String.valueOf(ExecutableModelProject.class.getProtectionDomain().getCodeSource().getLocation());
	}
}
