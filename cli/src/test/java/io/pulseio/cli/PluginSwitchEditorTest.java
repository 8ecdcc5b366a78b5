package io.pulseio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluginSwitchEditorTest {
    private static final String HEAD = "{\n  \"format\": 1,\n  \"name\": \"x\",\n";
    private static final String TAIL = "\n  \"logic\": {}\n}\n";

    private static String file(String plugins) {
        return HEAD + "  \"plugins\": " + plugins + "," + TAIL;
    }

    @Test
    void anEmptySwitchGetsItsEnabledAndNothingElseChanges() throws Exception {
        assertThat(PluginSwitchEditor.set(file("{ \"socketio\": {} }"), "socketio", false))
                .isEqualTo(file("{ \"socketio\": { \"enabled\": false } }"));
    }

    @Test
    void aSwitchThatIsNotAnObjectIsReplacedInPlace() throws Exception {
        assertThat(PluginSwitchEditor.set(file("{ \"socketio\": true }"), "socketio", false))
                .isEqualTo(file("{ \"socketio\": { \"enabled\": false } }"));
        assertThat(PluginSwitchEditor.set(file("{ \"socketio\": [1, 2] }"), "socketio", true))
                .isEqualTo(file("{ \"socketio\": { \"enabled\": true } }"));
        assertThat(PluginSwitchEditor.set(file("[]"), "socketio", false))
                .isEqualTo(file("{ \"socketio\": { \"enabled\": false } }"));
    }

    @Test
    void anExistingSwitchKeepsItsOtherMembers() throws Exception {
        assertThat(PluginSwitchEditor.set(file("{ \"socketio\": { \"enabled\": true, \"x\": 1 } }"), "socketio", false))
                .isEqualTo(file("{ \"socketio\": { \"enabled\": false, \"x\": 1 } }"));
    }
}
