package io.pulseio.logic;

import static io.pulseio.logic.ValidationRulesTest.onlyProblem;
import static io.pulseio.logic.ValidationRulesTest.project;
import static io.pulseio.logic.ValidationRulesTest.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.logic.problem.Problem;
import io.pulseio.logic.problem.ProblemKind;
import org.junit.jupiter.api.Test;

/** The load-time rules of Print Format, Switch and Add To Variable, each with its exact problem. */
class ShortNodesRulesTest {
    private static final String START = "{'id':'s','type':'core.onProjectStart'}";

    private static String withVariables(String variables, String nodes, String links) {
        return q("{'format':1,'name':'t','logic':{'variables':[" + variables + "],'project':{'nodes':[" + nodes
                + "],'links':[" + links + "]}}}");
    }

    private static Problem cases(String given, String message) {
        return new Problem(
                ProblemKind.INVALID_ATTRIBUTE,
                "$.logic.project.nodes[1].attributes.cases",
                "w",
                "cases",
                "attribute 'cases' " + message + ", was " + given);
    }

    private static String aSwitch(String cases) {
        return project(
                START + ",{'id':'w','type':'core.switch','attributes':{'cases':" + cases + "},"
                        + "'inputs':{'value':1}}",
                "{'from':'s.out','to':'w.in'}");
    }

    @Test
    void switchCasesMustBeANonEmptyArray() {
        onlyProblem(aSwitch("[]"), cases("[]", "must be an array of 1 to 16 strings, numbers or booleans"));
        onlyProblem(aSwitch("'{}'"), cases("{}", "must be an array of 1 to 16 strings, numbers or booleans"));
        onlyProblem(
                aSwitch("[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17]"),
                cases(
                        "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17]",
                        "must be an array of 1 to 16 strings, numbers or booleans"));
    }

    @Test
    void switchCasesAreScalarsAndDistinct() {
        onlyProblem(aSwitch("[1,{'a':1}]"), cases("[1,{\"a\":1}]", "may hold only strings, numbers and booleans"));
        onlyProblem(aSwitch("[2,'2']"), cases("[2,\"2\"]", "lists \"2\" twice"));
    }

    @Test
    void switchNeedsItsCasesAndItsValue() {
        onlyProblem(
                project(
                        START + ",{'id':'w','type':'core.switch','inputs':{'value':1}}",
                        "{'from':'s.out','to':'w.in'}"),
                new Problem(
                        ProblemKind.MISSING_ATTRIBUTE,
                        "$.logic.project.nodes[1].attributes",
                        "w",
                        "cases",
                        "missing required attribute 'cases'"));
        onlyProblem(
                project(
                        START + ",{'id':'w','type':'core.switch','attributes':{'cases':[1]}}",
                        "{'from':'s.out','to':'w.in'}"),
                new Problem(
                        ProblemKind.MISSING_INPUT,
                        "$.logic.project.nodes[1]",
                        "w",
                        "value",
                        "required input 'value' has neither a link nor a constant"));
    }

    @Test
    void switchOutputsFollowItsCases() {
        onlyProblem(
                project(
                        START + ",{'id':'w','type':'core.switch','attributes':{'cases':['a','b']},"
                                + "'inputs':{'value':'a'}},{'id':'p','type':'core.print'}",
                        "{'from':'s.out','to':'w.in'},{'from':'w.case2','to':'p.in'}"),
                new Problem(
                        ProblemKind.UNKNOWN_PIN,
                        "$.logic.project.links[1].from",
                        "w",
                        "case2",
                        "node 'w' (core.switch) has no output 'case2'"));
    }

    @Test
    void addToVariableNeedsANumberOrStringVariable() {
        onlyProblem(
                withVariables(
                        "{'name':'on','type':'boolean'}",
                        START + ",{'id':'a','type':'core.addToVariable','attributes':{'variable':'on'}}",
                        "{'from':'s.out','to':'a.in'}"),
                new Problem(
                        ProblemKind.INVALID_ATTRIBUTE,
                        "$.logic.project.nodes[1].attributes.variable",
                        "a",
                        "variable",
                        "Add To Variable needs a number or string variable, and 'on' is boolean"));
        onlyProblem(
                withVariables(
                        "{'name':'n','type':'number'}",
                        START + ",{'id':'a','type':'core.addToVariable','attributes':{'variable':'m'}}",
                        "{'from':'s.out','to':'a.in'}"),
                new Problem(
                        ProblemKind.UNKNOWN_VARIABLE,
                        "$.logic.project.nodes[1].attributes.variable",
                        "a",
                        "variable",
                        "unknown variable 'm'"));
    }

    @Test
    void addToVariableTakesTheVariablesType() {
        onlyProblem(
                withVariables(
                        "{'name':'n','type':'number'}",
                        START
                                + ",{'id':'a','type':'core.addToVariable','attributes':{'variable':'n'},'inputs':{'amount':'x'}}",
                        "{'from':'s.out','to':'a.in'}"),
                new Problem(
                        ProblemKind.INVALID_VALUE,
                        "$.logic.project.nodes[1].inputs.amount",
                        "a",
                        "amount",
                        "input 'amount' takes a number"));
        onlyProblem(
                withVariables(
                        "{'name':'t','type':'string'}",
                        START + ",{'id':'a','type':'core.addToVariable','attributes':{'variable':'t'}}",
                        "{'from':'s.out','to':'a.in'}"),
                new Problem(
                        ProblemKind.MISSING_INPUT,
                        "$.logic.project.nodes[1]",
                        "a",
                        "amount",
                        "required input 'amount' has neither a link nor a constant"));
    }

    @Test
    void printFormatNeedsItsFormat() {
        onlyProblem(
                project(START + ",{'id':'p','type':'core.printFormat'}", "{'from':'s.out','to':'p.in'}"),
                new Problem(
                        ProblemKind.MISSING_INPUT,
                        "$.logic.project.nodes[1]",
                        "p",
                        "format",
                        "required input 'format' has neither a link nor a constant"));
    }

    @Test
    void theToolboxListsTheNewNodes() {
        assertThat(NodeRegistry.of().toolbox(id -> true))
                .extracting(d -> d.typeId())
                .contains("core.printFormat", "core.switch", "core.addToVariable");
    }
}
