package org.parcours.rules.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;

/**
 * Makes a directory unwritable for this process, as a read-only mount is, until closed: by its
 * permissions for an ordinary user, or by the immutable attribute for root, whom permissions do not
 * stop. Where neither works the test is skipped, saying why.
 */
final class ReadOnlyDirectory implements AutoCloseable {

	private final Path directory;

	private final Set<PosixFilePermission> permissions;

	private final boolean immutable;

	private ReadOnlyDirectory(Path directory, Set<PosixFilePermission> permissions, boolean immutable) {
		this.directory = directory;
		this.permissions = permissions;
		this.immutable = immutable;
	}

	static ReadOnlyDirectory of(Path directory) throws IOException, InterruptedException {
		Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory);
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("r-xr-xr-x"));
		if (!canCreateIn(directory)) {
			return new ReadOnlyDirectory(directory, permissions, false);
		}
		boolean immutable = chattr("+i", directory);
		if (immutable && !canCreateIn(directory)) {
			return new ReadOnlyDirectory(directory, permissions, true);
		}
		if (immutable) {
			chattr("-i", directory);
		}
		Files.setPosixFilePermissions(directory, permissions);
		Assumptions.abort("this process can write into a directory whatever its permissions, and chattr +i is not available");
		throw new IllegalStateException("unreachable");
	}

	private static boolean canCreateIn(Path directory) {
		try {
			Files.delete(Files.createTempFile(directory, ".probe", ".tmp"));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean chattr(String flag, Path directory) throws InterruptedException {
		try {
			return new ProcessBuilder("chattr", flag, directory.toString()).redirectErrorStream(true).start().waitFor() == 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public void close() throws IOException, InterruptedException {
		if (immutable) {
			chattr("-i", directory);
		}
		Files.setPosixFilePermissions(directory, permissions);
	}
}
