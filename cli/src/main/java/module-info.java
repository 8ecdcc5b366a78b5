/**
 * The {@code pulseio} command. It ships as a shaded jar run from the class path ({@code java -jar}),
 * where this descriptor is left out; here it states what the command uses and keeps it to the
 * other modules' exported API. Picocli reads the command classes reflectively.
 */
module io.pulseio.cli {
    requires com.fasterxml.jackson.databind;
    requires info.picocli;
    requires io.pulseio.admin;
    requires io.pulseio.client;
    requires io.pulseio.logic;
    requires io.pulseio.metrics;
    requires io.pulseio.server;
    requires io.pulseio.studio;

    opens io.pulseio.cli to
            info.picocli;
}
