package io.pulseio.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses durations written as a number and a unit: {@code 500ms}, {@code 10s}, {@code 1.5s}, {@code 2m}, {@code 1h}. */
final class Durations implements ITypeConverter<Duration> {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    @Override
    public Duration convert(String text) {
        return parse(text);
    }

    /** The duration {@code text} stands for; throws {@link TypeConversionException} unless positive and well formed. */
    static Duration parse(String text) {
        Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException(
                    "'" + text + "' is not a duration (write a number and a unit: " + "500ms, 10s, 2m, 1h)");
        }
        double amount = Double.parseDouble(m.group(1));
        double millis = switch (m.group(2)) {
            case "ms" -> amount;
            case "s" -> amount * 1_000;
            case "m" -> amount * 60_000;
            default -> amount * 3_600_000;
        };
        if (millis < 1) {
            throw new TypeConversionException("'" + text + "' is too short: a duration must be at least 1ms");
        }
        return Duration.ofMillis(Math.round(millis));
    }

    /** {@code 500ms}, {@code 10s}, {@code 1.5s}: the short form used in messages. */
    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1_000) {
            return ms + "ms";
        }
        return ms % 1_000 == 0 ? ms / 1_000 + "s" : (ms / 1_000.0) + "s";
    }
}
