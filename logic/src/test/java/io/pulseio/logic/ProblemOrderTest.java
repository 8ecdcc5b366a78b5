package io.pulseio.logic;

import static io.pulseio.logic.ValidationRulesTest.problems;
import static io.pulseio.logic.ValidationRulesTest.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.logic.problem.Problem;
import io.pulseio.logic.problem.ProblemKind;
import org.junit.jupiter.api.Test;

/** Problems come in file order, and say whether they are about a pin or an attribute. */
class ProblemOrderTest {

    @Test
    void problemsFollowTheFileNotTheOrderOfTheChecks() {
        // The link check (last phase) finds the problem of node 0; the node check finds node 1's.
        String json = q("{'format':1,'name':'t','logic':{'project':{'nodes':["
                + "{'id':'b','type':'core.branch'},{'id':'x','type':'core.nope'}]},"
                + "'variables':[{'name':'v','type':'number','initial':'text'}]}}");
        assertThat(problems(json))
                .extracting(Problem::path)
                .containsExactly(
                        "$.logic.project.nodes[0]", "$.logic.project.nodes[1].type", "$.logic.variables[0].initial");
    }

    @Test
    void aProblemAboutAnAbsentFieldSitsWhereItsParentStarts() {
        String json = q("{'format':1,'name':'t','logic':{'project':{'nodes':["
                + "{'id':'l','type':'core.loadScene'},{'id':'x','type':'core.nope'}]}}}");
        assertThat(problems(json))
                .extracting(Problem::kind)
                .containsExactly(ProblemKind.MISSING_ATTRIBUTE, ProblemKind.UNKNOWN_NODE_TYPE);
    }

    @Test
    void anAttributeIsLabelledAsAnAttribute() {
        Problem missing = new Problem(
                ProblemKind.MISSING_ATTRIBUTE,
                "$.logic.project.nodes[0].attributes",
                "l",
                "scene",
                "missing required attribute 'scene'");
        Problem unknown = new Problem(
                DemoPlugin.UNKNOWN_CONNECTION,
                "$.logic.project.nodes[0].attributes.configuration",
                "c",
                "configuration",
                "unknown connection 'x'");
        assertThat(missing.isAttribute()).isTrue();
        assertThat(unknown.toString())
                .isEqualTo("$.logic.project.nodes[0].attributes.configuration"
                        + " [node c, attribute configuration]: unknown connection 'x'");
    }

    @Test
    void aPinIsLabelledAsAPin() {
        Problem p = new Problem(
                ProblemKind.MISSING_INPUT,
                "$.logic.project.nodes[0]",
                "b",
                "condition",
                "required input 'condition' has neither a link nor a constant");
        assertThat(p.isAttribute()).isFalse();
        assertThat(p.toString())
                .isEqualTo("$.logic.project.nodes[0] [node b, pin condition]: "
                        + "required input 'condition' has neither a link nor a constant");
    }
}
