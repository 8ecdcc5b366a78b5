package io.pulseio.logic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void helloPrintsAndStops() throws Exception {
        String json = """
            {"format":1,"name":"hello","logic":{"project":{
              "nodes":[{"id":"start","type":"core.onProjectStart"},
                       {"id":"p","type":"core.print","inputs":{"message":"hello"}},
                       {"id":"stop","type":"core.stopProject","inputs":{"exitCode":3}}],
              "links":[{"from":"start.out","to":"p.in"},{"from":"p.out","to":"stop.in"}]}}}
            """;
        LoadResult r = Harness.load(json);
        assertThat(r.problems()).isEmpty();
        try (Harness.Session s = new Harness.Session(r.orThrow())) {
            assertThat(s.run.awaitExit(Harness.WAIT)).isEqualTo(3);
            assertThat(s.output).containsExactly("hello");
            s.traceLines().forEach(System.err::println);
        }
    }
}
