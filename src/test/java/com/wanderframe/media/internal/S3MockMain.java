package com.wanderframe.media.internal;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * S3Mock as a process of its own (the cluster test's bucket, shared by several app processes):
 * {@code S3MockMain <storage dir> <bucket> <port file>}; writes its HTTP port to the port file
 * once it serves, and runs until killed.
 */
public final class S3MockMain {

	private S3MockMain() {
	}

	public static void main(String[] args) throws Exception {
		S3MockServer server = S3MockServer.start(Path.of(args[0]), args[1]);
		Path portFile = Path.of(args[2]);
		Path temp = Files.createTempFile(portFile.getParent(), "port", ".tmp");
		Files.writeString(temp, Integer.toString(server.endpoint().getPort()));
		Files.move(temp, portFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
	}

}
