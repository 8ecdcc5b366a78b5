package io.pulseio.server;

import java.util.Objects;

/**
 * One of {@link AdapterSettings#options()} is wrong: a bad value, a name the provider does not
 * know, or an option that does not go with the others. An {@link AdapterProvider} throws it from
 * {@link AdapterProvider#check} so that whoever shows the error can point at that option (a
 * project's problem lands on {@code ...adapter.options.NAME}); the message names the option too.
 */
public final class AdapterOptionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The option's name, as given in the settings. */
    private final String option;

    /**
     * @param option the option's name, as given in the settings
     * @param message what is wrong, naming the option
     */
    public AdapterOptionException(String option, String message) {
        super(message);
        this.option = Objects.requireNonNull(option, "option");
    }

    /** The option's name, as given in the settings. */
    public String option() {
        return option;
    }
}
