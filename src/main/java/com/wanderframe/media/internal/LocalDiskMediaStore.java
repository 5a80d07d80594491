package com.wanderframe.media.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.stream.Stream;

import com.wanderframe.media.MediaNotFoundException;
import com.wanderframe.media.MediaObject;
import com.wanderframe.media.MediaStore;

/**
 * Media as files under {@code <data dir>/media}. Every write goes to a temporary file in the
 * same directory first and is then renamed into place, so a reader never sees half an object.
 * The content type lives in a small sidecar file ({@code <key>.type}) written before the object
 * itself, and falls back to the key's extension.
 */
class LocalDiskMediaStore implements MediaStore {

	private static final String TYPE_SUFFIX = ".type";

	private final Path root;

	LocalDiskMediaStore(Path root) throws IOException {
		this.root = Files.createDirectories(root).toAbsolutePath().normalize();
	}

	@Override
	public void put(String key, Path source, String contentType) throws IOException {
		Path target = pathOf(key);
		Files.createDirectories(target.getParent());
		writeType(target, contentType);
		Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
		try {
			Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
			move(temp, target);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	@Override
	public void put(String key, byte[] bytes, String contentType) throws IOException {
		Path target = pathOf(key);
		Files.createDirectories(target.getParent());
		writeType(target, contentType);
		Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
		try {
			Files.write(temp, bytes);
			move(temp, target);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	@Override
	public MediaObject stat(String key) throws IOException {
		Path path = pathOf(key);
		try {
			BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
			return new MediaObject(key, attributes.size(), readType(key, path),
					attributes.lastModifiedTime().toInstant());
		}
		catch (NoSuchFileException ex) {
			throw new MediaNotFoundException(key);
		}
	}

	@Override
	public InputStream open(String key) throws IOException {
		try {
			return Files.newInputStream(pathOf(key));
		}
		catch (NoSuchFileException ex) {
			throw new MediaNotFoundException(key);
		}
	}

	@Override
	public InputStream open(String key, long offset, long length) throws IOException {
		if (offset < 0 || length < 0) {
			throw new IllegalArgumentException("offset and length must not be negative");
		}
		SeekableByteChannel channel;
		try {
			channel = Files.newByteChannel(pathOf(key));
		}
		catch (NoSuchFileException ex) {
			throw new MediaNotFoundException(key);
		}
		channel.position(offset);
		return new BoundedInputStream(Channels.newInputStream(channel), length);
	}

	@Override
	public void copyTo(String key, Path target) throws IOException {
		try {
			Files.copy(pathOf(key), target, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (NoSuchFileException ex) {
			throw new MediaNotFoundException(key);
		}
	}

	@Override
	public void delete(String key) throws IOException {
		Path path = pathOf(key);
		Files.deleteIfExists(path);
		Files.deleteIfExists(typeFileOf(path));
	}

	@Override
	public void checkAvailable() throws IOException {
		if (!Files.isDirectory(root) || !Files.isWritable(root)) {
			throw new IOException("The media directory " + root + " is missing or not writable");
		}
	}

	@Override
	public boolean exists(String key) {
		return Files.isRegularFile(pathOf(key));
	}

	@Override
	public Stream<MediaObject> list(String prefix) throws IOException {
		// The directory the prefix names or the one it ends in ("photos/" or "photos/ab").
		int slash = prefix.lastIndexOf('/');
		Path start = slash < 0 ? root : root.resolve(prefix.substring(0, slash)).normalize();
		if (!start.startsWith(root) || !Files.isDirectory(start)) {
			return Stream.empty();
		}
		return Files.walk(start)
			// sidecars and temporary files start with a dot, which no key does
			.filter(path -> !path.getFileName().toString().startsWith(".") && Files.isRegularFile(path))
			.map(path -> root.relativize(path).toString().replace(File.separatorChar, '/'))
			.filter(key -> key.startsWith(prefix))
			.map(key -> {
				try {
					BasicFileAttributes attributes = Files.readAttributes(root.resolve(key), BasicFileAttributes.class);
					return new MediaObject(key, attributes.size(), MediaKeys.contentTypeOf(key),
							attributes.lastModifiedTime().toInstant());
				}
				catch (IOException ex) {
					return null; // removed meanwhile
				}
			})
			.filter(Objects::nonNull);
	}

	private Path pathOf(String key) {
		Path path = root.resolve(MediaKeys.validate(key)).normalize();
		// The key pattern already rules this out; checked again because the cost of being wrong
		// is writing anywhere on the disk.
		if (!path.startsWith(root)) {
			throw new IllegalArgumentException("Not a valid media key: " + key);
		}
		return path;
	}

	private static Path typeFileOf(Path object) {
		// A leading dot: no valid key starts with one, so a sidecar never collides with an object.
		return object.resolveSibling("." + object.getFileName() + TYPE_SUFFIX);
	}

	private static void writeType(Path target, String contentType) throws IOException {
		if (contentType == null) {
			return;
		}
		Path typeFile = typeFileOf(target);
		Path temp = Files.createTempFile(target.getParent(), ".type-", ".tmp");
		try {
			Files.writeString(temp, contentType, StandardCharsets.UTF_8);
			move(temp, typeFile);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	private static String readType(String key, Path object) throws IOException {
		try {
			String type = Files.readString(typeFileOf(object), StandardCharsets.UTF_8).trim();
			return type.isEmpty() ? MediaKeys.contentTypeOf(key) : type;
		}
		catch (NoSuchFileException ex) {
			return MediaKeys.contentTypeOf(key);
		}
	}

	private static void move(Path temp, Path target) throws IOException {
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
