package io.pulseio.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulseio.studio.internal.ProjectWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

    private static String rewrite(String text) throws Exception {
        return ProjectWriter.write(JSON.readTree(text));
    }

    @Test
    void everyExampleReadsAndWritesBackByteForByte() throws Exception {
        List<Path> examples = Examples.projects();
        assertThat(examples).hasSizeGreaterThanOrEqualTo(3);
        for (Path example : examples) {
            String text = Files.readString(example, StandardCharsets.UTF_8);
            assertThat(rewrite(text)).as(example.toString()).isEqualTo(text);
        }
    }

    @Test
    void knownMembersComeInTheFormatsOrderAndOthersKeepTheirs() throws Exception {
        String written = rewrite("{\"logic\":{\"project\":{\"links\":[{\"to\":\"b.in\",\"from\":\"a.out\"}],"
                + "\"nodes\":[{\"position\":{\"y\":2,\"x\":1},\"type\":\"core.print\",\"zeta\":1,\"id\":\"b\",\"alpha\":2}]}},"
                + "\"name\":\"n\",\"format\":1}");
        assertThat(written).isEqualTo("""
                {
                  "format": 1,
                  "name": "n",
                  "logic": {
                    "project": {
                      "nodes": [
                        {
                          "id": "b",
                          "type": "core.print",
                          "position": {
                            "x": 1,
                            "y": 2
                          },
                          "zeta": 1,
                          "alpha": 2
                        }
                      ],
                      "links": [
                        {
                          "from": "a.out",
                          "to": "b.in"
                        }
                      ]
                    }
                  }
                }
                """);
    }

    @Test
    void emptyContainersNumbersAndEscapesAreWrittenAsJsonDumpsWouldWriteThem() throws Exception {
        assertThat(
                        rewrite(
                                "{\"a\":[],\"b\":{},\"c\":1.0,\"d\":1e20,\"e\":\"q\\\"\\\\\\n\\u0001é/\",\"f\":true,\"g\":null}"))
                .isEqualTo("{\n  \"a\": [],\n  \"b\": {},\n  \"c\": 1.0,\n  \"d\": 1e+20,\n"
                        + "  \"e\": \"q\\\"\\\\\\n\\u0001é/\",\n  \"f\": true,\n  \"g\": null\n}\n");
    }

    @Test
    void writingTwiceChangesNothing() throws Exception {
        String once =
                rewrite("{\"name\":\"x\",\"format\":1,\"logic\":{\"functions\":[{\"links\":[],\"name\":\"f\"}]}}");
        assertThat(rewrite(once)).isEqualTo(once);
    }
}
