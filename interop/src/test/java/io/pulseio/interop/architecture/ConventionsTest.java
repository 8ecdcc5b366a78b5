package io.pulseio.interop.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The conventions of ARCHITECTURE.md ("Conventions") that a reading of the main sources can check:
 * one logger per module, named after it; one JSON mapper configuration, protocol's.
 */
class ConventionsTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern LOGGER = Pattern.compile("LoggerFactory\\.getLogger\\(([^)]*)\\)");
    private static final Pattern MAPPER = Pattern.compile("new ObjectMapper\\(|JsonMapper\\.builder\\(");

    @Test
    void everyLoggerIsItsModulesOne() {
        List<Path> sources = mainSources();
        assertThat(sources)
                .as("main sources found from %s", ROOT.toAbsolutePath())
                .hasSizeGreaterThan(100);
        int loggers = 0;
        for (Path file : sources) {
            var m = LOGGER.matcher(read(file));
            while (m.find()) {
                loggers++;
                assertThat(m.group(1))
                        .as("the logger of %s", file)
                        .isEqualTo("\""
                                + moduleLogger(ROOT.relativize(file).getName(0).toString()) + "\"");
            }
        }
        assertThat(loggers).isPositive();
    }

    @Test
    void onlyProtocolBuildsAJsonMapper() {
        for (Path file : mainSources()) {
            String text = read(file);
            String name = ROOT.relativize(file).toString().replace('\\', '/');
            if (name.equals("protocol/src/main/java/io/pulseio/protocol/Json.java")) {
                continue;
            }
            // the Redis adapter's MessagePack mapper is another format
            String checked = text.replace("new ObjectMapper(new MessagePackFactory())", "");
            assertThat(MAPPER.matcher(checked).find())
                    .as("%s builds a JSON mapper of its own", name)
                    .isFalse();
        }
    }

    @Test
    void theModuleLoggerNameIsTheModulesRootPackage() {
        assertThat(moduleLogger("server")).isEqualTo("io.pulseio.server");
        assertThat(moduleLogger("adapter-redis")).isEqualTo("io.pulseio.adapter.redis");
    }

    private static String moduleLogger(String module) {
        return "io.pulseio." + module.replace('-', '.');
    }

    private static List<Path> mainSources() {
        try (Stream<Path> modules = Files.list(ROOT)) {
            return modules.map(m -> m.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .flatMap(ConventionsTest::javaFiles)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> javaFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
