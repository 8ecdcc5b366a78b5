package io.pulseio.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoadToolArgsTest {
    @Test
    void aCommaSeparatedListNamesTheServersOfACluster() {
        LoadTool.Args a = LoadTool.Args.parse(
                new String[] {"http://127.0.0.1:1,http://127.0.0.1:2", "300", "--burst", "5", "--fetches", "10"});
        assertThat(a.urls()).containsExactly("http://127.0.0.1:1", "http://127.0.0.1:2");
        assertThat(a.n()).isEqualTo(300);
        assertThat(a.burst()).isEqualTo(5);
        assertThat(a.fetches()).isEqualTo(10);
        assertThat(a.broadcasts()).isZero();
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        assertThatThrownBy(() -> LoadTool.Args.parse(new String[] {"http://a:1,ws://b:2", "10"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("each URL must start with http:// or https://, was http://a:1,ws://b:2");
        assertThatThrownBy(() -> LoadTool.Args.parse(new String[] {"http://a:1", "10", "--burst", "101"}))
                .hasMessage("--burst must be 0..100, was 101");
        assertThatThrownBy(() -> LoadTool.Args.parse(new String[] {"http://a:1", "10", "--fetches"}))
                .hasMessage("--fetches needs a value");
        assertThatThrownBy(() -> LoadTool.Args.parse(new String[] {"http://a:1", "0"}))
                .hasMessage("N must be 1..20000, was 0");
    }
}
