package io.pulseio.server.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The heartbeat on a manual clock: ping interval 300 ms, ping timeout 200 ms; no sleeps. */
class HeartbeatTest {
    private final ManualClock clock = new ManualClock();
    private int pings;
    private int timeouts;
    /** Whether a ping queued now reaches the client at once (a held poll, an idle WebSocket). */
    private boolean listening = true;

    private Heartbeat heartbeat;

    @BeforeEach
    void start() {
        heartbeat = new Heartbeat(clock, 300, 200, () -> pings++, () -> listening, () -> timeouts++);
        heartbeat.schedule();
    }

    @Test
    void pingsEveryIntervalWhilePongsCome() {
        for (int i = 1; i <= 3; i++) {
            clock.advance(299);
            assertThat(pings).isEqualTo(i - 1);
            clock.advance(1);
            assertThat(pings).isEqualTo(i);
            clock.advance(150);
            assertThat(heartbeat.expired()).isFalse();
            heartbeat.schedule(); // the pong
        }
        assertThat(timeouts).isZero();
        clock.advance(10_000);
        assertThat(pings).as("no pong for the fourth ping: no fifth").isEqualTo(4);
        assertThat(timeouts).isEqualTo(1);
    }

    @Test
    void noPongWithinTheTimeoutEndsTheSession() {
        clock.advance(300);
        assertThat(pings).isEqualTo(1);
        clock.advance(199);
        assertThat(heartbeat.expired()).isFalse();
        assertThat(timeouts).isZero();
        clock.advance(1);
        assertThat(heartbeat.expired()).isTrue();
        assertThat(timeouts).isEqualTo(1);
        assertThat(clock.pending()).isZero();
    }

    @Test
    void aPongAfterTheDeadlineFindsItExpiredEvenBeforeTheLateTimerFires() {
        clock.advance(300);
        clock.stall(250); // the loop is busy: the timeout timer has not run
        assertThat(timeouts).isZero();
        assertThat(heartbeat.expired()).isTrue();
    }

    @Test
    void aLatePingGivesTheClientItsFullTimeout() {
        clock.stall(450); // the ping timer is 150 ms late: nothing is due before the ping goes
        assertThat(heartbeat.expired()).isFalse();
        clock.advance(0);
        assertThat(pings).isEqualTo(1);
        clock.advance(199);
        assertThat(heartbeat.expired()).as("199 ms after the late ping").isFalse();
        assertThat(timeouts).isZero();
        heartbeat.schedule(); // the pong, 649 ms after the start
        clock.advance(299);
        assertThat(timeouts).isZero();
        assertThat(pings).isEqualTo(1);
        clock.advance(1);
        assertThat(pings).isEqualTo(2);
    }

    @Test
    void aLatePingToAClientThatIsNotListeningKeepsThePlannedDeadline() {
        listening = false; // a polling client with no GET held: it sees the ping when it polls
        clock.stall(350); // the ping timer is 50 ms late
        clock.advance(0);
        assertThat(pings).isEqualTo(1);
        clock.advance(149);
        assertThat(heartbeat.expired()).isFalse();
        assertThat(timeouts).isZero();
        clock.advance(1); // 500 ms after the start, as if the ping had gone on time
        assertThat(heartbeat.expired()).isTrue();
        assertThat(timeouts).isEqualTo(1);
    }

    @Test
    void stopCancelsBothTimers() {
        clock.advance(300);
        heartbeat.stop();
        assertThat(clock.pending()).isZero();
        clock.advance(10_000);
        assertThat(timeouts).isZero();
        assertThat(heartbeat.expired()).isFalse();
    }
}
