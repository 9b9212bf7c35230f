package org.parcours.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The class files the in-memory Java compiler of a rules build reads, kept from one build to the next.
 * Every build of the executable model compiles its generated Java with a compiler that looks up each
 * type and package name it meets as a class file of the service's class path, and forgets them when the
 * build ends: in the packaged service, whose class path is about a hundred nested jars, these look-ups
 * (most of them for names that are no class, and so searched in every jar) were a third of a build's
 * time, for the rules part and for each of the parameter shares alike (JFR profile of a cold start).
 * The class path does not change while the service runs, so what it holds, and what it does not hold,
 * is remembered here once: as bytes, softly, so that the memory is given back when it is short.
 *
 * <p>Classes themselves are loaded by the service's class loader as before (the same classes), and the
 * classes a build generates are its own class loader's, looked up before these.
 *
 * <p>The names of what a build generates are not looked up here at all: its rule classes and domain
 * metadata carry a hash of the build's release id, and its lambda classes live in packages named after
 * their own hash ({@code P} and two hexadecimal digits under the rule file's package), so nearly all of
 * them are new at every build. Each was a search through the whole class path that found nothing and was
 * then remembered for nothing: about a thousand per build of the default rules part (a sixth of its
 * compilation's CPU in a rule edit's profile), besides the simple names the compiler tries in each such
 * package ({@code String}, {@code Override}, ...). A class of such a name on the service's class path
 * could only clash with the build's own, so none is the right answer for them.
 */
final class CompilerClassPath extends ClassLoader {

	static {
		registerAsParallelCapable();
	}

	private static final String CLASS_FILE = ".class";

	private static final String PROTOCOL = "parcours-class-path";

	/**
	 * A class file of a build's own: in a lambda package of the executable model (as
	 * {@link RuleBytecodeCheck} reads them), or a rules or domain metadata class named with a build's hash.
	 */
	private static final Pattern GENERATED = Pattern.compile("(^|.*/)(P[0-9A-F]{2}/[^/]+|(Rules|DomainClassesMetadata)[0-9A-F]{32}[^/]*)\\.class");

	/** The class path of the service's own classes, shared by every build. */
	static final CompilerClassPath SHARED = new CompilerClassPath(CompilerClassPath.class.getClassLoader());

	/** Each class file looked up, by resource name: its bytes, or empty when the class path has no such file. */
	private volatile SoftReference<Map<String, Optional<byte[]>>> classFiles = new SoftReference<>(new ConcurrentHashMap<>());

	private final URLStreamHandler fromMemory = new URLStreamHandler() {

		@Override
		protected URLConnection openConnection(URL url) {
			return new URLConnection(url) {

				@Override
				public void connect() {
					// the bytes are in memory
				}

				@Override
				public InputStream getInputStream() throws IOException {
					Optional<byte[]> bytes = classFiles().get(url.getPath());
					if (bytes == null || bytes.isEmpty()) {
						// given up by the memory since it was looked up: read again
						URL resource = getParent().getResource(url.getPath());
						if (resource == null) {
							throw new IOException("No class file " + url.getPath());
						}
						return resource.openStream();
					}
					return new ByteArrayInputStream(bytes.get());
				}
			};
		}
	};

	CompilerClassPath(ClassLoader parent) {
		super(parent);
	}

	/**
	 * A class file from memory once it has been read (or found missing), none for a name of a build's own
	 * generated classes; any other resource from the class path.
	 */
	@Override
	public URL getResource(String name) {
		if (!name.endsWith(CLASS_FILE)) {
			return super.getResource(name);
		}
		if (GENERATED.matcher(name).matches()) {
			return null;
		}
		Map<String, Optional<byte[]>> known = classFiles();
		Optional<byte[]> bytes = known.computeIfAbsent(name, this::read);
		if (bytes.isEmpty()) {
			return null;
		}
		try {
			return new URL(PROTOCOL, null, -1, name, fromMemory);
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException("A class file's name is a valid path", ex);
		}
	}

	private Optional<byte[]> read(String name) {
		URL resource = getParent().getResource(name);
		if (resource == null) {
			return Optional.empty();
		}
		try (InputStream in = resource.openStream()) {
			return Optional.of(in.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The class files known so far; none when the memory gave them back. */
	private Map<String, Optional<byte[]>> classFiles() {
		Map<String, Optional<byte[]>> known = classFiles.get();
		if (known == null) {
			known = new ConcurrentHashMap<>();
			classFiles = new SoftReference<>(known);
		}
		return known;
	}
}
