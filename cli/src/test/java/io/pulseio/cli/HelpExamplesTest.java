package io.pulseio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.server.ServerOptions;
import io.pulseio.server.SocketIoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.ParseResult;

/**
 * Every example command of every help text ({@code pulseio --help}, {@code pulseio COMMAND --help})
 * runs as printed, from the repository root: each {@code pulseio …} part of an example line (before
 * a {@code |}, between {@code &&}, without a {@code 2>&1} or a {@code # comment}) parses, every file
 * it reads exists, and the examples that end by themselves are run: {@code validate}, {@code nodes}
 * and {@code plugins} as printed (plugins on a copy of the examples, since it rewrites the file), and
 * {@code emit} against real servers where the example names {@code localhost:3000} and
 * {@code localhost:8443} (the test's servers listen on free ports, the one thing replaced). The
 * others ({@code run}, {@code listen}, {@code serve}, {@code edit}: they run until a duration or
 * Ctrl-C, or bind fixed ports) are parsed and their files checked.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HelpExamplesTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    /** Options whose value is a file written, not read. */
    private static final List<String> OUTPUTS = List.of("--trace");
    /** Commands whose PROJECT may not exist yet. */
    private static final List<String> CREATES = List.of("edit");

    @TempDir
    Path tmp;

    /** Every example line of every help text, with the command it came from. */
    static List<String> examples() {
        List<String> out = new ArrayList<>();
        collect(Main.commandLine(), out);
        return out;
    }

    /**
     * The examples of one help text: the lines of its "Examples" block that start with
     * {@code pulseio}, joined with their continuation lines (a line ending in {@code \\}); a
     * {@code #} line is a comment; any other line there (a line the help wrapped) fails the test.
     */
    private static void collect(CommandLine cmd, List<String> out) {
        int width = cmd.getUsageHelpWidth();
        boolean examples = false;
        for (String footer : cmd.getCommandSpec().usageMessage().footer()) {
            examples = footer.startsWith("Examples") || examples && footer.startsWith(" ");
            if (examples) {
                assertThat(footer.length())
                        .as("shorter than the help's width, so never wrapped: '" + footer + "'")
                        .isLessThan(width);
            }
        }
        boolean inExamples = false;
        String pending = null;
        for (String line : cmd.getUsageMessage(Ansi.OFF).lines().toList()) {
            if (pending != null) {
                assertThat(line).as("continuation of '" + pending + "'").startsWith("      ");
                pending = pending + " " + line.trim();
            } else if (line.startsWith("Examples")) {
                assertThat(line).as("an Examples heading on one line").endsWith(":");
                inExamples = true;
                continue;
            } else if (inExamples && line.startsWith("  pulseio ")) {
                pending = line.trim();
            } else if (inExamples && line.startsWith("  #")) {
                continue;
            } else if (inExamples && line.startsWith(" ")) {
                throw new AssertionError(
                        "a line in the examples of '" + cmd.getCommandSpec().qualifiedName()
                                + "' that is no example (wrapped by the help?): '" + line + "'");
            } else {
                inExamples = false;
                continue;
            }
            if (pending.endsWith("\\")) {
                pending = pending.substring(0, pending.length() - 1).trim();
            } else {
                out.add(pending);
                pending = null;
            }
        }
        assertThat(pending).as("an example ends").isNull();
        cmd.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, out));
    }

    @Test
    void everyCommandHasExamplesAndEveryExampleParsesAndNamesFilesThatExist() {
        List<String> lines = examples();
        assertThat(lines).hasSizeGreaterThan(20);
        for (String command : Main.commandLine().getSubcommands().keySet()) {
            assertThat(lines).as("examples of " + command).anyMatch(l -> l.startsWith("pulseio " + command + " "));
        }
        for (String line : lines) {
            for (List<String> args : Shell.pulseioCommands(line)) {
                ParseResult parsed;
                try {
                    parsed = Main.commandLine().parseArgs(args.toArray(String[]::new));
                } catch (CommandLine.ParameterException e) {
                    throw new AssertionError("'" + line + "' does not parse: " + e.getMessage(), e);
                }
                ParseResult sub = parsed.subcommand();
                assertThat(sub).as(line).isNotNull();
                for (ArgSpec arg : sub.matchedArgs()) {
                    if (arg.type() != Path.class
                            || isOutput(arg)
                            || (arg.isPositional()
                                    && CREATES.contains(sub.commandSpec().name()))) {
                        continue;
                    }
                    Path file = ROOT.resolve(arg.getValue().toString());
                    assertThat(file)
                            .as("'" + line + "' reads " + arg.getValue())
                            .isRegularFile();
                }
            }
        }
    }

    @Test
    void theExamplesThatEndByThemselvesRunAsPrinted() throws Exception {
        copyExamples();
        int offline = 0;
        for (String line : examples()) {
            for (List<String> args : Shell.pulseioCommands(line)) {
                String command = args.get(0);
                if (!List.of("validate", "nodes", "plugins").contains(command)) {
                    continue;
                }
                Cli.Result r = Cli.run(inCopy(args, command.equals("plugins")));
                assertThat(r.exitCode()).as(line + "\n" + r.err()).isZero();
                assertThat(r.out()).as(line).isNotEmpty();
                offline++;
            }
        }
        assertThat(offline).isGreaterThanOrEqualTo(6);
    }

    @Test
    void theEmitExamplesRunAgainstRealServers() {
        SocketIoServer plain =
                server(ServerOptions.builder().port(0).ioThreads(1).build());
        SocketIoServer tls = server(ServerOptions.builder()
                .port(0)
                .ioThreads(1)
                .tls(ROOT.resolve("examples/tls/localhost-cert.pem"), ROOT.resolve("examples/tls/localhost-key.pem"))
                .build());
        try {
            int plainPort = plain.start();
            int tlsPort = tls.start();
            int ran = 0;
            for (String line : examples()) {
                for (List<String> args : Shell.pulseioCommands(line)) {
                    if (!args.get(0).equals("emit")) {
                        continue;
                    }
                    List<String> real = new ArrayList<>();
                    for (String a : args) {
                        real.add(
                                ROOT.resolve(a).toFile().isFile()
                                        ? ROOT.resolve(a).toString()
                                        : a.replace("localhost:3000", "localhost:" + plainPort)
                                                .replace("localhost:8443", "localhost:" + tlsPort));
                    }
                    Cli.Result r = Cli.run(real.toArray(String[]::new));
                    assertThat(r.exitCode()).as(line + "\n" + r.err()).isZero();
                    ran++;
                }
            }
            assertThat(ran).isGreaterThanOrEqualTo(4);
        } finally {
            plain.close();
            tls.close();
        }
    }

    /** A server that answers every event's ack with its arguments, on / and /admin. */
    private static SocketIoServer server(ServerOptions options) {
        SocketIoServer server = SocketIoServer.create(options);
        for (String ns : List.of("/", "/admin")) {
            server.namespace(ns)
                    .onConnection(socket -> socket.onAny((event, args, ack) -> {
                        if (ack != null) {
                            ack.send(args.toArray());
                        }
                    }));
        }
        return server;
    }

    private static boolean isOutput(ArgSpec arg) {
        return arg.isOption() && OUTPUTS.contains(((CommandLine.Model.OptionSpec) arg).longestName());
    }

    private void copyExamples() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT.resolve("examples"))) {
            files.forEach(f -> {
                try {
                    Path to = tmp.resolve(ROOT.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(f, to);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** The arguments with each repository file replaced by its absolute path, in the copy when asked. */
    private String[] inCopy(List<String> args, boolean copy) {
        return args.stream()
                .map(a -> ROOT.resolve(a).toFile().isFile()
                        ? (copy ? tmp : ROOT).resolve(a).toString()
                        : a)
                .toArray(String[]::new);
    }

    /** Just enough of a POSIX shell to read an example line: words, quotes, |, &&, 2>&1, #. */
    static final class Shell {
        private Shell() {}

        /** The argument lists (without the leading {@code pulseio}) of the pulseio commands of a line. */
        static List<List<String>> pulseioCommands(String line) {
            List<List<String>> commands = new ArrayList<>();
            List<String> current = new ArrayList<>();
            boolean skip = false;
            for (String word : words(line)) {
                if (word.equals("|") || word.equals("&&")) {
                    add(commands, current, skip);
                    current = new ArrayList<>();
                    skip = word.equals("|");
                } else if (!word.equals("2>&1")) {
                    current.add(word);
                }
            }
            add(commands, current, skip);
            return commands;
        }

        private static void add(List<List<String>> commands, List<String> words, boolean afterPipe) {
            if (!afterPipe && !words.isEmpty() && words.get(0).equals("pulseio")) {
                commands.add(List.copyOf(words.subList(1, words.size())));
            }
        }

        /** Words with quotes removed; operators as words of their own; a # word ends the line. */
        static List<String> words(String line) {
            List<String> words = new ArrayList<>();
            StringBuilder w = null;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\'' || c == '"') {
                    int end = line.indexOf(c, i + 1);
                    if (end < 0) {
                        throw new IllegalArgumentException("unclosed quote in: " + line);
                    }
                    w = w == null ? new StringBuilder() : w;
                    w.append(line, i + 1, end);
                    i = end;
                } else if (Character.isWhitespace(c)) {
                    if (w != null) {
                        words.add(w.toString());
                        w = null;
                    }
                } else if (c == '#' && w == null) {
                    break;
                } else {
                    w = w == null ? new StringBuilder() : w;
                    w.append(c);
                }
            }
            if (w != null) {
                words.add(w.toString());
            }
            return words;
        }
    }
}
