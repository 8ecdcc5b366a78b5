package io.pulseio.nodes.socketio.internal.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the reason tables of docs/socketio-nodes.md, so that tests can hold the enums to them. */
public final class DocsReasons {
    private static final Path DOC = Path.of("../docs/socketio-nodes.md");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private DocsReasons() {}

    /** The text of the node reference. */
    public static String doc() throws IOException {
        return Files.readString(DOC);
    }

    /**
     * The reasons in the first column of the table whose header row is {@code header}, in table order (a
     * cell may list several, each in backticks).
     */
    public static List<String> table(String header) throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        int at = lines.indexOf(header);
        if (at < 0) {
            throw new AssertionError("no table with the header " + header + " in " + DOC);
        }
        List<String> reasons = new ArrayList<>();
        for (int i = at + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String first = lines.get(i).split("\\|")[1];
            Matcher m = CODE.matcher(first);
            while (m.find()) {
                reasons.add(m.group(1));
            }
        }
        return reasons;
    }

    /** The wire names of {@code reasons}. */
    public static List<String> wireNames(List<? extends Reason> reasons) {
        return reasons.stream().map(Reason::wireName).toList();
    }
}
