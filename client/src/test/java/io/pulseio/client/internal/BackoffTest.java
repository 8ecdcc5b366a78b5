package io.pulseio.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {
    /** Always draws the same number. */
    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    @Test
    void withoutJitterEachDelayDoublesUpToTheMax() {
        Backoff b = new Backoff(1000, 5000, 0, fixed(0.99));
        assertThat(new long[] {b.nextDelayMillis(), b.nextDelayMillis(), b.nextDelayMillis(), b.nextDelayMillis()})
                .containsExactly(1000, 2000, 4000, 5000);
        assertThat(b.attempts()).isEqualTo(4);
    }

    @Test
    void anEvenTenthOfTheDrawMovesTheDelayDown() {
        // rand 0.25: floor(2.5) = 2 is even, so down by floor(0.25 * 0.5 * 1000) = 125
        assertThat(new Backoff(1000, 5000, 0.5, fixed(0.25)).nextDelayMillis()).isEqualTo(875);
    }

    @Test
    void anOddTenthOfTheDrawMovesTheDelayUp() {
        // rand 0.15: floor(1.5) = 1 is odd, so up by floor(0.15 * 0.5 * 1000) = 75
        assertThat(new Backoff(1000, 5000, 0.5, fixed(0.15)).nextDelayMillis()).isEqualTo(1075);
    }

    @Test
    void jitterNeverExceedsTheMax() {
        Backoff b = new Backoff(1000, 5000, 1.0, fixed(0.99));
        for (int i = 0; i < 10; i++) {
            assertThat(b.nextDelayMillis()).isLessThanOrEqualTo(5000);
        }
    }

    @Test
    void manyAttemptsStayAtTheMaxWithoutOverflow() {
        Backoff b = new Backoff(1000, 5000, 0.5, fixed(0.0));
        for (int i = 0; i < 2000; i++) {
            b.nextDelayMillis();
        }
        assertThat(b.nextDelayMillis()).isEqualTo(5000);
        b.reset();
        assertThat(b.attempts()).isZero();
        assertThat(b.nextDelayMillis()).isEqualTo(1000);
    }
}
