package io.pulseio.studio.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The project file being edited. Each editor (a browser tab) reads it with {@link #read()} and gets the
 * text with its {@linkplain #version(byte[]) version}; a save names the version it was edited from and
 * never overwrites a change made on disk meanwhile (by another program or another tab) unless asked
 * to. Thread-safe (synchronized).
 */
public final class ProjectFile {
    private final Path path;
    private byte[] known;

    private ProjectFile(Path path, byte[] known) {
        this.path = path;
        this.known = known;
    }

    /**
     * Opens {@code path}, first creating it as an empty project named after the file when it does not
     * exist.
     *
     * @throws IOException when it cannot be read or created
     */
    public static ProjectFile open(Path path) throws IOException {
        if (!Files.exists(path)) {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(path, emptyProject(path), StandardCharsets.UTF_8);
        }
        return new ProjectFile(path, Files.readAllBytes(path));
    }

    /** A new project's text: format 1, a name made from the file name, empty logic. */
    static String emptyProject(Path path) {
        String file = path.getFileName().toString();
        String name = file.replaceFirst("(\\.pulseio)?\\.json$", "");
        var root = Json.MAPPER.createObjectNode().put("format", 1).put("name", name.isEmpty() ? "project" : name);
        root.putObject("logic");
        return ProjectWriter.write(root);
    }

    public Path path() {
        return path;
    }

    /** The text as opened or last saved. */
    public synchronized String text() {
        return new String(known, StandardCharsets.UTF_8);
    }

    /** The file's text and its version, as an editor opens it. */
    public record Snapshot(String text, String version) {}

    /** What a save did: {@code version} is that of the written text, {@code conflict} why nothing was written. */
    public record Saved(boolean written, String text, String version, String conflict) {}

    /**
     * The file as it is on disk now (or as last opened or saved when it was deleted meanwhile: then the
     * version is {@link #DELETED}).
     *
     * @throws IOException when it cannot be read
     */
    public synchronized Snapshot read() throws IOException {
        byte[] onDisk = readOrNull();
        if (onDisk == null) {
            return new Snapshot(text(), DELETED);
        }
        known = onDisk;
        return new Snapshot(text(), version(onDisk));
    }

    /** The version of a file that does not exist. */
    public static final String DELETED = "deleted";

    /** A file content's version: the SHA-256 of its bytes, in hex. */
    public static String version(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private byte[] readOrNull() throws IOException {
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /**
     * Saves {@code projectJson} if the file did not change since it was opened or last saved by this
     * process; see {@link #save(String, String, boolean)}.
     */
    public synchronized Saved save(String projectJson, boolean force) throws IOException {
        return save(projectJson, version(known), force);
    }

    /**
     * Writes {@code projectJson} deterministically ({@link ProjectWriter}) unless the file on disk is no
     * longer at {@code base}, the version the editor started from, and {@code force} is false: then
     * nothing is written and the answer says what changed. The write goes to a temporary file that
     * replaces the file.
     *
     * @throws JsonProcessingException when {@code projectJson} is not JSON
     * @throws IOException when the file cannot be read or written
     */
    public synchronized Saved save(String projectJson, String base, boolean force) throws IOException {
        String text = ProjectWriter.write(Json.MAPPER.readTree(projectJson));
        byte[] onDisk = readOrNull();
        String current = onDisk == null ? DELETED : version(onDisk);
        if (!force && !current.equals(base)) {
            return new Saved(
                    false,
                    text,
                    current,
                    onDisk == null
                            ? path + " was deleted since it was opened"
                            : path + " changed on disk since it was opened (by another program or another tab)");
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Path dir = path.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + path.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        known = bytes;
        return new Saved(true, text, version(bytes), null);
    }
}
