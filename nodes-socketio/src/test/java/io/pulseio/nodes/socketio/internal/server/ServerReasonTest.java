package io.pulseio.nodes.socketio.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.nodes.socketio.internal.shared.DocsReasons;
import io.pulseio.nodes.socketio.internal.shared.NodeReason;
import io.pulseio.nodes.socketio.internal.shared.Reason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerReasonTest {

    @Test
    void theServerErrorTableOfTheDocsListsExactlyTheServerAndNodeReasons() throws Exception {
        List<Reason> errors = new ArrayList<>(List.of(ServerReason.values()));
        errors.remove(ServerReason.SERVER_STOP);
        errors.addAll(List.of(NodeReason.values()));
        List<String> documented = DocsReasons.table("| reason | message | when |");
        assertThat(documented)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(DocsReasons.wireNames(errors));
    }

    @Test
    void onServerStopsReasonIsTheOneTheDocsGive() throws Exception {
        assertThat(DocsReasons.doc())
                .contains("| On Socket.IO Server Stop | `socketio.onServerStop` | `reason` (`"
                        + ServerReason.SERVER_STOP.wireName() + "`) |");
    }
}
