package io.pulseio.logic.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StopProjectExitCodeTest {
    @Test
    void aNumberBecomesAProcessExitCodeAndAFailureNeverBecomesSuccess() {
        assertThat(FlowNodes.exitCode(0)).isZero();
        assertThat(FlowNodes.exitCode(3)).isEqualTo(3);
        assertThat(FlowNodes.exitCode(2.7)).isEqualTo(2);
        assertThat(FlowNodes.exitCode(255)).isEqualTo(255);
        assertThat(FlowNodes.exitCode(300)).isEqualTo(255);
        assertThat(FlowNodes.exitCode(-1)).isEqualTo(255);
        assertThat(FlowNodes.exitCode(-0.5)).isEqualTo(255);
        assertThat(FlowNodes.exitCode(Double.NaN)).isEqualTo(255);
    }
}
