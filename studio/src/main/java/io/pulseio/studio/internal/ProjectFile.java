package io.pulseio.studio.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * The project file being edited: what it held when opened (or last saved), so that a save never
 * overwrites a change made on disk meanwhile unless asked to. Thread-safe (synchronized).
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

    /** What a save did. */
    public record Saved(boolean written, String text, String conflict) {
    }

    /**
     * Writes {@code projectJson} deterministically ({@link ProjectWriter}) unless the file changed on
     * disk since it was opened or last saved and {@code force} is false: then nothing is written and
     * the answer says what changed. The write goes to a temporary file that replaces the file.
     *
     * @throws JsonProcessingException when {@code projectJson} is not JSON
     * @throws IOException when the file cannot be read or written
     */
    public synchronized Saved save(String projectJson, boolean force) throws IOException {
        String text = ProjectWriter.write(Json.MAPPER.readTree(projectJson));
        byte[] onDisk;
        try {
            onDisk = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            onDisk = null;
        }
        if (!force && !Arrays.equals(onDisk, known)) {
            return new Saved(false, text, onDisk == null ? path + " was deleted since it was opened"
                    : path + " changed on disk since it was opened");
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
        return new Saved(true, text, null);
    }
}
