package io.pulseio.nodes.socketio.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulseio.client.DisconnectReason;
import io.pulseio.nodes.socketio.internal.shared.DocsReasons;
import io.pulseio.nodes.socketio.internal.shared.NodeReason;
import io.pulseio.nodes.socketio.internal.shared.Reason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionReasonTest {

    @Test
    void theErrorTableOfTheDocsListsExactlyTheConnectionAndNodeReasons() throws Exception {
        List<Reason> all = new ArrayList<>(List.of(ConnectionReason.values()));
        all.addAll(List.of(NodeReason.values()));
        List<String> documented = DocsReasons.table("| reason | namespace | message | when |");
        assertThat(documented).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(DocsReasons.wireNames(all));
    }

    @Test
    void everyDisconnectButTheClientsOwnIsPassedOnWithSocketIosName() {
        for (DisconnectReason r : DisconnectReason.values()) {
            if (r == DisconnectReason.IO_CLIENT_DISCONNECT) {
                assertThatThrownBy(() -> ConnectionReason.of(r))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("no error reason for io client disconnect");
            } else {
                assertThat(ConnectionReason.of(r).wireName()).isEqualTo(r.wireName());
            }
        }
    }

    @Test
    void aStopEndsWithTheEnginesReasonAndTheClosingItAskedForIsTheClientsDisconnect() {
        assertThat(ClientCallbacks.stopReason("forced close")).isEqualTo(DisconnectReason.IO_CLIENT_DISCONNECT);
        assertThat(ClientCallbacks.stopReason("transport close")).isEqualTo(DisconnectReason.TRANSPORT_CLOSE);
        assertThat(ClientCallbacks.stopReason("ping timeout")).isEqualTo(DisconnectReason.PING_TIMEOUT);
        assertThat(ClientCallbacks.stopReason("something else")).isEqualTo(DisconnectReason.TRANSPORT_ERROR);
    }
}
