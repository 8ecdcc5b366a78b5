package io.pulseio.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.logic.LoadResult;
import io.pulseio.logic.ProjectLoader;
import io.pulseio.logic.problem.Problem;
import io.pulseio.protocol.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** A project file named on the command line: its text, its load result, its plugin switches. */
final class ProjectFile {
    private final Path path;
    private final String text;

    private ProjectFile(Path path, String text) {
        this.path = path;
        this.text = text;
    }

    /** Reads the file; a missing or unreadable file is a usage error (64). */
    static ProjectFile read(CommandLine cmd, Path path) {
        try {
            return new ProjectFile(path, ProjectLoader.read(path));
        } catch (NoSuchFileException e) {
            throw new ParameterException(cmd, "Project file not found: " + path);
        } catch (IOException e) {
            String why = e.getClass() == IOException.class ? e.getMessage() : Errors.describe(e);
            throw new ParameterException(cmd, "Cannot read project file " + path + ": " + why);
        }
    }

    Path path() {
        return path;
    }

    String text() {
        return text;
    }

    /** Parses, validates and links the project against every installed plugin. */
    LoadResult load() {
        return ProjectLoader.builder().build().load(text);
    }

    /** Prints each problem as {@code FILE: $.path [node n, pin p]: message (KIND)}, then a count. */
    void printProblems(PrintWriter err, List<Problem> problems) {
        for (Problem p : problems) {
            err.println(path + ": " + p + " (" + p.kind().name() + ")");
        }
        err.println(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in " + path);
        err.flush();
    }

    /**
     * The plugin switches as written ({@code "plugins": {"id": {"enabled": false}}}), read without
     * validating the rest, so that a project rejected for a disabled plugin can still be inspected.
     *
     * @throws CliException (65) when the file is not JSON
     */
    Map<String, Boolean> switches() {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw CliException.invalidProject(path + " is not valid JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        }
        Map<String, Boolean> switches = new LinkedHashMap<>();
        JsonNode plugins = root == null ? null : root.get("plugins");
        if (plugins != null && plugins.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = plugins.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode enabled = e.getValue().get("enabled");
                switches.put(e.getKey(), enabled == null || !enabled.isBoolean() || enabled.booleanValue());
            }
        }
        return switches;
    }
}
