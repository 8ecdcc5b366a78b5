package io.pulseio.logic.internal.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.pulseio.logic.problem.Problem;
import io.pulseio.logic.problem.ProblemKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;

/** Validates a project document against the shipped JSON Schema ({@code project.schema.json}). */
public final class SchemaCheck {
    /** Class-path location of the schema. */
    public static final String RESOURCE = "/io/pulseio/logic/project.schema.json";

    private static final class Holder {
        static final JsonSchema SCHEMA = load();
    }

    private SchemaCheck() {}

    private static JsonSchema load() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every schema violation, sorted by path then message. */
    public static List<Problem> check(JsonNode document) {
        return Holder.SCHEMA.validate(document).stream()
                .map(SchemaCheck::problem)
                .sorted(Comparator.comparing(Problem::path).thenComparing(Problem::message))
                .toList();
    }

    private static Problem problem(ValidationMessage m) {
        String path = m.getInstanceLocation().toString();
        String text = m.getMessage();
        // the library prefixes the message with the instance path; the path has its own field
        if (text.startsWith(path + ": ")) {
            text = text.substring(path.length() + 2);
        }
        return new Problem(ProblemKind.SCHEMA, path, null, null, text);
    }
}
