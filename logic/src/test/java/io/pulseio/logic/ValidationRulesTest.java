package io.pulseio.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulseio.logic.problem.Problem;
import io.pulseio.logic.problem.ProblemKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per loader rule, each asserting the exact problem. */
class ValidationRulesTest {

    /** Single quotes stand for double quotes, to keep the projects readable. */
    static String q(String text) {
        return text.replace('\'', '"');
    }

    static String project(String nodes, String links) {
        return q("{'format':1,'name':'t','logic':{'project':{'nodes':[" + nodes + "],'links':[" + links + "]}}}");
    }

    static List<Problem> problems(String json) {
        LoadResult result = Harness.load(json, new DemoPlugin());
        assertThat(result.isValid()).isFalse();
        return result.problems();
    }

    static void onlyProblem(String json, Problem expected) {
        assertThat(problems(json)).containsExactly(expected);
    }

    static final String START = "{'id':'s','type':'core.onProjectStart'}";
    static final String PRINT = "{'id':'p','type':'core.print'}";

    @Test
    void invalidJsonIsASyntaxProblemWithItsLocation() {
        assertThat(problems("{\"format\": 1,")).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.SYNTAX);
            assertThat(p.message()).startsWith("invalid JSON at line 1, column 14: ");
        });
    }

    @Test
    void schemaViolationsAreReportedWithTheirPath() {
        assertThat(problems(q("{'format':2,'name':'t','logic':{},'extra':true}")))
                .extracting(Problem::kind, Problem::path)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ProblemKind.SCHEMA, "$"),
                        org.assertj.core.groups.Tuple.tuple(ProblemKind.SCHEMA, "$.format"));
    }

    @Test
    void unsetEnvironmentVariable() {
        onlyProblem(
                q(
                        "{'format':1,'name':'t','settings':{'demo':{'connections':[{'name':'a','url':'http://h','token':'${env:NOPE}'}]}},"
                                + "'plugins':{'demo':{'enabled':true}},'logic':{}}"),
                new Problem(
                        ProblemKind.UNSET_ENVIRONMENT_VARIABLE,
                        "$.settings.demo.connections[0].token",
                        null,
                        null,
                        "environment variable 'NOPE' is not set"));
    }

    @Test
    void theSettingsOfASwitchedOffPluginAreNotExpanded() {
        LoadResult r = Harness.load(
                q("{'format':1,'name':'t','settings':{'demo':{'connections':"
                        + "[{'name':'a','url':'http://h','token':'${env:SOME_UNSET_NAME}'}]}},"
                        + "'plugins':{'demo':{'enabled':false}},'logic':{}}"),
                new DemoPlugin());
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void environmentVariablesAreExpandedInSettings() {
        LoadResult r = Harness.load(
                q("{'format':1,'name':'t','settings':{'demo':{'connections':"
                        + "[{'name':'a','url':'http://${env:HOST}:3000'}]}},'logic':{}}"),
                new DemoPlugin());
        assertThat(r.problems()).isEmpty();
        assertThat(r.orThrow()
                        .spec()
                        .settings("demo")
                        .path("connections")
                        .get(0)
                        .path("url")
                        .asText())
                .isEqualTo("http://example.org:3000");
    }

    @Test
    void duplicateNodeId() {
        onlyProblem(
                project(START + "," + START.replace("core.onProjectStart", "core.onProjectStart"), ""),
                new Problem(
                        ProblemKind.DUPLICATE_ID,
                        "$.logic.project.nodes[1].id",
                        "s",
                        null,
                        "duplicate node id 's' (first at $.logic.project.nodes[0])"));
    }

    @Test
    void aSceneNodeThatDuplicatesAProjectNodesIdIsOneProblemNotTwo() {
        // its links name a node its graph does have: no "no node 's' in this graph" on top
        String scene = "'scenes':[{'name':'one','nodes':[{'id':'s','type':'core.onSceneStart'},"
                + "{'id':'p','type':'core.print','inputs':{'message':'x'}}],'links':[{'from':'s.out','to':'p.in'}]}],";
        String json =
                q("{'format':1,'name':'t','logic':{" + scene + "'project':{'nodes':[" + START + "],'links':[]}}}");
        assertThat(problems(json)).extracting(Problem::kind).containsExactly(ProblemKind.DUPLICATE_ID);
    }

    @Test
    void duplicateSceneName() {
        onlyProblem(
                q("{'format':1,'name':'t','logic':{'scenes':[{'name':'a'},{'name':'a'}]}}"),
                new Problem(
                        ProblemKind.DUPLICATE_NAME, "$.logic.scenes[1].name", null, null, "duplicate scene name 'a'"));
    }

    @Test
    void unknownNodeType() {
        onlyProblem(
                project("{'id':'x','type':'core.nope'}", ""),
                new Problem(
                        ProblemKind.UNKNOWN_NODE_TYPE,
                        "$.logic.project.nodes[0].type",
                        "x",
                        null,
                        "unknown node type 'core.nope'"));
    }

    @Test
    void eachNodeOfADisabledPluginIsNamed() {
        String json = q("{'format':1,'name':'t','plugins':{'demo':{'enabled':false}},'logic':{'project':{'nodes':["
                + "{'id':'a','type':'demo.send','attributes':{'configuration':'c'}},"
                + "{'id':'b','type':'demo.onMessage','attributes':{'configuration':'c'}}]}}}");
        assertThat(problems(json))
                .containsExactly(
                        new Problem(
                                ProblemKind.PLUGIN_DISABLED,
                                "$.logic.project.nodes[0].type",
                                "a",
                                null,
                                "node 'a' uses 'demo.send' of plugin 'demo', which this project switches off"),
                        new Problem(
                                ProblemKind.PLUGIN_DISABLED,
                                "$.logic.project.nodes[1].type",
                                "b",
                                null,
                                "node 'b' uses 'demo.onMessage' of plugin 'demo', which this project switches off"));
    }

    @Test
    void nodeOutsideItsScopes() {
        onlyProblem(
                project("{'id':'x','type':'core.onSceneStart'}", ""),
                new Problem(
                        ProblemKind.SCOPE_NOT_ALLOWED,
                        "$.logic.project.nodes[0].type",
                        "x",
                        null,
                        "'core.onSceneStart' is not allowed in project scope (allowed: scene)"));
    }

    @Test
    void nodesThatWaitAreNotAllowedInFunctions() {
        String json = q("{'format':1,'name':'t','logic':{'functions':[{'name':'f','nodes':["
                + "{'id':'in','type':'core.functionInput'},{'id':'d','type':'core.delay'},"
                + "{'id':'tm','type':'core.timer'}],'links':[{'from':'in.out','to':'d.in'}]}]}}");
        assertThat(problems(json))
                .containsExactly(
                        new Problem(
                                ProblemKind.SCOPE_NOT_ALLOWED,
                                "$.logic.functions[0].nodes[1].type",
                                "d",
                                null,
                                "'core.delay' is not allowed in function scope (allowed: project, scene)"),
                        new Problem(
                                ProblemKind.SCOPE_NOT_ALLOWED,
                                "$.logic.functions[0].nodes[2].type",
                                "tm",
                                null,
                                "'core.timer' is not allowed in function scope (allowed: project, scene)"));
    }

    @Test
    void unknownAttribute() {
        onlyProblem(
                project("{'id':'p','type':'core.print','attributes':{'colour':'red'}}", ""),
                new Problem(
                        ProblemKind.UNKNOWN_ATTRIBUTE,
                        "$.logic.project.nodes[0].attributes.colour",
                        "p",
                        "colour",
                        "node 'p' (core.print) has no attribute 'colour'"));
    }

    @Test
    void missingAttribute() {
        onlyProblem(
                project("{'id':'l','type':'core.loadScene'}", ""),
                new Problem(
                        ProblemKind.MISSING_ATTRIBUTE,
                        "$.logic.project.nodes[0].attributes",
                        "l",
                        "scene",
                        "missing required attribute 'scene'"));
    }

    @Test
    void attributeOutsideItsChoices() {
        onlyProblem(
                project("{'id':'m','type':'core.math','attributes':{'op':'^'}}", ""),
                new Problem(
                        ProblemKind.INVALID_ATTRIBUTE,
                        "$.logic.project.nodes[0].attributes.op",
                        "m",
                        "op",
                        "attribute 'op' must be one of +, -, *, /, %, min, max, pow"));
    }

    @Test
    void attributeOfTheWrongType() {
        onlyProblem(
                project("{'id':'q','type':'core.sequence','attributes':{'count':'two'}}", ""),
                new Problem(
                        ProblemKind.INVALID_ATTRIBUTE,
                        "$.logic.project.nodes[0].attributes.count",
                        "q",
                        "count",
                        "attribute 'count' must be a number"));
    }

    @Test
    void constantOfTheWrongType() {
        onlyProblem(
                project("{'id':'d','type':'core.delay','inputs':{'ms':'soon'}}", ""),
                new Problem(
                        ProblemKind.INVALID_VALUE,
                        "$.logic.project.nodes[0].inputs.ms",
                        "d",
                        "ms",
                        "input 'ms' takes a number"));
    }

    @Test
    void constantOnAPulseInput() {
        onlyProblem(
                project("{'id':'p','type':'core.print','inputs':{'in':true}}", ""),
                new Problem(
                        ProblemKind.INVALID_VALUE,
                        "$.logic.project.nodes[0].inputs.in",
                        "p",
                        "in",
                        "input 'in' is a pulse and takes no constant"));
    }

    @Test
    void variableInitialValueOfTheWrongType() {
        onlyProblem(
                q("{'format':1,'name':'t','logic':{'variables':[{'name':'n','type':'number','initial':'x'}]}}"),
                new Problem(
                        ProblemKind.INVALID_VALUE,
                        "$.logic.variables[0].initial",
                        null,
                        null,
                        "initial value of variable 'n' must be a number"));
    }

    @Test
    void malformedLinkEnd() {
        onlyProblem(
                project(START + "," + PRINT, "{'from':'s','to':'p.in'}"),
                new Problem(
                        ProblemKind.MALFORMED_LINK,
                        "$.logic.project.links[0].from",
                        null,
                        null,
                        "'s' is not of the form nodeId.pin"));
    }

    @Test
    void linkToAMissingNode() {
        onlyProblem(
                project(START, "{'from':'s.out','to':'ghost.in'}"),
                new Problem(
                        ProblemKind.UNKNOWN_NODE,
                        "$.logic.project.links[0].to",
                        "ghost",
                        "in",
                        "no node 'ghost' in this graph"));
    }

    @Test
    void linkToANodeOfAnotherGraphIsAMissingNode() {
        onlyProblem(
                q("{'format':1,'name':'t','logic':{'project':{'nodes':[" + START + "],"
                        + "'links':[{'from':'s.out','to':'p.in'}]},"
                        + "'scenes':[{'name':'main','nodes':[" + PRINT + "]}]}}"),
                new Problem(
                        ProblemKind.UNKNOWN_NODE,
                        "$.logic.project.links[0].to",
                        "p",
                        "in",
                        "no node 'p' in this graph"));
    }

    @Test
    void linkToAMissingPin() {
        onlyProblem(
                project(START + "," + PRINT, "{'from':'s.out','to':'p.go'}"),
                new Problem(
                        ProblemKind.UNKNOWN_PIN,
                        "$.logic.project.links[0].to",
                        "p",
                        "go",
                        "node 'p' (core.print) has no input 'go'"));
    }

    @Test
    void linkFromAnInputIsAMissingOutput() {
        onlyProblem(
                project(START + "," + PRINT + ",{'id':'p2','type':'core.print'}", "{'from':'p.in','to':'p2.in'}"),
                new Problem(
                        ProblemKind.UNKNOWN_PIN,
                        "$.logic.project.links[0].from",
                        "p",
                        "in",
                        "node 'p' (core.print) has no output 'in'"));
    }

    @Test
    void constantForAMissingPin() {
        onlyProblem(
                project("{'id':'p','type':'core.print','inputs':{'text':'hi'}}", ""),
                new Problem(
                        ProblemKind.UNKNOWN_PIN,
                        "$.logic.project.nodes[0].inputs.text",
                        "p",
                        "text",
                        "node 'p' (core.print) has no input 'text'"));
    }

    @Test
    void pulseOutputWiredTwice() {
        onlyProblem(
                project(
                        START + "," + PRINT + ",{'id':'p2','type':'core.print'}",
                        "{'from':'s.out','to':'p.in'},{'from':'s.out','to':'p2.in'}"),
                new Problem(
                        ProblemKind.PULSE_OUTPUT_WIRED_TWICE,
                        "$.logic.project.links[1]",
                        "s",
                        "out",
                        "pulse output 's.out' is already linked to 'p.in'"));
    }

    @Test
    void dataInputWiredTwice() {
        onlyProblem(
                project(
                        PRINT + ",{'id':'a','type':'core.math'},{'id':'b','type':'core.math'}",
                        "{'from':'a.result','to':'p.message'},{'from':'b.result','to':'p.message'}"),
                new Problem(
                        ProblemKind.DATA_INPUT_WIRED_TWICE,
                        "$.logic.project.links[1]",
                        "p",
                        "message",
                        "data input 'p.message' is already linked from 'a.result'"));
    }

    @Test
    void pinTypeMismatch() {
        onlyProblem(
                project(
                        "{'id':'b','type':'core.branch','inputs':{'condition':true}},{'id':'m','type':'core.math'}",
                        "{'from':'m.result','to':'b.condition'}"),
                new Problem(
                        ProblemKind.TYPE_MISMATCH,
                        "$.logic.project.links[0]",
                        "b",
                        "condition",
                        "cannot link number output 'm.result' to boolean input 'b.condition'"));
    }

    @Test
    void aVariableGetterHasTheVariablesTypeInTheChecks() {
        String vars = "'variables':[{'name':'n','type':'number','initial':1}],";
        onlyProblem(
                q("{'format':1,'name':'t','logic':{" + vars + "'project':{'nodes':["
                        + "{'id':'b','type':'core.branch','inputs':{'condition':true}},{'id':'g','type':'core.getVariable','attributes':{'variable':'n'}}"
                        + "],'links':[{'from':'g.value','to':'b.condition'}]}}}"),
                new Problem(
                        ProblemKind.TYPE_MISMATCH,
                        "$.logic.project.links[0]",
                        "b",
                        "condition",
                        "cannot link number output 'g.value' to boolean input 'b.condition'"));
    }

    @Test
    void aStringInputReadsNumbersBooleansAndJsonButOtherInputsStayStrict() {
        String vars =
                "'variables':[{'name':'n','type':'number'},{'name':'b','type':'boolean'},{'name':'j','type':'json'}],";
        String getters = "{'id':'gn','type':'core.getVariable','attributes':{'variable':'n'}},"
                + "{'id':'gb','type':'core.getVariable','attributes':{'variable':'b'}},"
                + "{'id':'gj','type':'core.getVariable','attributes':{'variable':'j'}},"
                + "{'id':'f1','type':'core.formatString'},{'id':'f2','type':'core.formatString'},"
                + "{'id':'f3','type':'core.formatString'}";
        String links = "{'from':'gn.value','to':'f1.format'},{'from':'gb.value','to':'f2.format'},"
                + "{'from':'gj.value','to':'f3.format'}";
        LoadResult ok = Harness.load(
                q("{'format':1,'name':'t','logic':{" + vars + "'project':{'nodes':[" + getters + "],'links':[" + links
                        + "]}}}"),
                new DemoPlugin());
        assertThat(ok.problems()).isEmpty();
        onlyProblem(
                project(
                        "{'id':'f','type':'core.formatString','inputs':{'format':'x'}},{'id':'m','type':'core.math'}",
                        "{'from':'f.text','to':'m.a'}"),
                new Problem(
                        ProblemKind.TYPE_MISMATCH,
                        "$.logic.project.links[0]",
                        "m",
                        "a",
                        "cannot link string output 'f.text' to number input 'm.a'"));
    }

    @Test
    void pulseToDataIsATypeMismatch() {
        onlyProblem(
                project(START + "," + PRINT, "{'from':'s.out','to':'p.message'}"),
                new Problem(
                        ProblemKind.TYPE_MISMATCH,
                        "$.logic.project.links[0]",
                        "p",
                        "message",
                        "cannot link pulse output 's.out' to any input 'p.message'"));
    }

    @Test
    void requiredInputWithNeitherLinkNorConstant() {
        onlyProblem(
                project("{'id':'b','type':'core.branch'}", ""),
                new Problem(
                        ProblemKind.MISSING_INPUT,
                        "$.logic.project.nodes[0]",
                        "b",
                        "condition",
                        "required input 'condition' has neither a link nor a constant"));
    }

    @Test
    void computedNodesInACircle() {
        onlyProblem(
                project(
                        "{'id':'a','type':'core.math'},{'id':'b','type':'core.math'}",
                        "{'from':'a.result','to':'b.a'},{'from':'b.result','to':'a.a'}"),
                new Problem(
                        ProblemKind.DATA_CYCLE,
                        "$.logic.project.nodes[1]",
                        "b",
                        null,
                        "computed node 'b' depends on its own output through data links"));
    }

    @Test
    void unknownVariable() {
        onlyProblem(
                project("{'id':'g','type':'core.getVariable','attributes':{'variable':'nope'}}", ""),
                new Problem(
                        ProblemKind.UNKNOWN_VARIABLE,
                        "$.logic.project.nodes[0].attributes.variable",
                        "g",
                        "variable",
                        "unknown variable 'nope'"));
    }

    @Test
    void unknownFunction() {
        onlyProblem(
                project("{'id':'c','type':'core.callFunction','attributes':{'function':'nope'}}", ""),
                new Problem(
                        ProblemKind.UNKNOWN_FUNCTION,
                        "$.logic.project.nodes[0].attributes.function",
                        "c",
                        "function",
                        "unknown function 'nope'"));
    }

    @Test
    void unknownSceneInLoadScene() {
        onlyProblem(
                project("{'id':'l','type':'core.loadScene','attributes':{'scene':'nope'}}", ""),
                new Problem(
                        ProblemKind.UNKNOWN_SCENE,
                        "$.logic.project.nodes[0].attributes.scene",
                        "l",
                        "scene",
                        "unknown scene 'nope'"));
    }

    @Test
    void aSequenceCountOutsideOneToSixteenOrNotWhole() {
        for (String count : new String[] {"0", "17", "2.5", "-1"}) {
            onlyProblem(
                    project("{'id':'s','type':'core.sequence','attributes':{'count':" + count + "}}", ""),
                    new Problem(
                            ProblemKind.INVALID_ATTRIBUTE,
                            "$.logic.project.nodes[0].attributes.count",
                            "s",
                            "count",
                            "attribute 'count' must be a whole number from 1 to 16, was " + count));
        }
    }

    @Test
    void aJsonConstantOrInitialValueThatIsNotJson() {
        // only the bad value: the input has a constant, so it is not also "missing"
        assertThat(problems(project("{'id':'j','type':'core.jsonGet','inputs':{'json':'{{nope','path':'a'}}", "")))
                .extracting(Problem::kind)
                .doesNotContain(ProblemKind.MISSING_INPUT);
        assertThat(problems(project("{'id':'j','type':'core.jsonGet','inputs':{'json':'{{nope','path':'a'}}", "")))
                .contains(new Problem(
                        ProblemKind.INVALID_VALUE,
                        "$.logic.project.nodes[0].inputs.json",
                        "j",
                        "json",
                        "input 'json' takes JSON text, and '{{nope' is not JSON"));
        onlyProblem(
                q("{'format':1,'name':'t','logic':{'variables':[{'name':'v','type':'json','initial':'[1,'}]}}"),
                new Problem(
                        ProblemKind.INVALID_VALUE,
                        "$.logic.variables[0].initial",
                        null,
                        null,
                        "initial value of variable 'v' must be JSON text, and '[1,' is not JSON"));
        // JSON text as a string, and a JSON value written out, are both fine
        String ok = "{\"format\":1,\"name\":\"t\",\"logic\":{\"project\":{\"nodes\":["
                + "{\"id\":\"j\",\"type\":\"core.jsonGet\",\"inputs\":{\"json\":\" {\\\"a\\\":[1,2]} \",\"path\":\"a\"}},"
                + "{\"id\":\"k\",\"type\":\"core.jsonGet\",\"inputs\":{\"json\":{\"a\":1},\"path\":\"a\"}}],"
                + "\"links\":[]}}}";
        assertThat(Harness.load(ok, new DemoPlugin()).problems()).isEmpty();
    }

    @Test
    void unknownStartScene() {
        onlyProblem(
                q("{'format':1,'name':'t','logic':{'scenes':[{'name':'a'}],'startScene':'b'}}"),
                new Problem(
                        ProblemKind.UNKNOWN_SCENE,
                        "$.logic.startScene",
                        null,
                        null,
                        "start scene 'b' is not a scene of this project"));
    }

    @Test
    void functionWithoutEntry() {
        onlyProblem(
                q("{'format':1,'name':'t','logic':{'functions':[{'name':'f'}]}}"),
                new Problem(
                        ProblemKind.FUNCTION_ENTRY,
                        "$.logic.functions[0]",
                        null,
                        null,
                        "function 'f' needs exactly one core.functionInput node, found 0"));
    }

    @Test
    void functionPortNamedLikeAPulse() {
        onlyProblem(
                q("{'format':1,'name':'t','logic':{'functions':[{'name':'f','inputs':[{'name':'out','type':'number'}],"
                        + "'nodes':[{'id':'i','type':'core.functionInput'}]}]}}"),
                new Problem(
                        ProblemKind.DUPLICATE_NAME,
                        "$.logic.functions[0].inputs[0].name",
                        null,
                        "out",
                        "function 'f' cannot name a port 'out' (reserved for pulses)"));
    }

    static String demo(String connections, String nodes) {
        return q("{'format':1,'name':'t','settings':{'demo':{'connections':[" + connections + "]}},"
                + "'logic':{'project':{'nodes':[" + nodes + "]}}}");
    }

    @Test
    void unknownConnectionIsReportedByThePluginHook() {
        onlyProblem(
                demo(
                        "{'name':'main','url':'http://localhost'}",
                        "{'id':'x','type':'demo.send','attributes':{'configuration':'other'}}"),
                new Problem(
                        DemoPlugin.UNKNOWN_CONNECTION,
                        "$.logic.project.nodes[0].attributes.configuration",
                        "x",
                        "configuration",
                        "unknown connection 'other'"));
    }

    @Test
    void duplicateConnectionName() {
        onlyProblem(
                demo("{'name':'a','url':'http://h'},{'name':'a','url':'http://h'}", ""),
                new Problem(
                        DemoPlugin.DUPLICATE_CONNECTION,
                        "$.settings.demo.connections[1].name",
                        null,
                        null,
                        "duplicate connection name 'a'"));
    }

    @Test
    void invalidUrl() {
        onlyProblem(
                demo("{'name':'a','url':'ftp:/nowhere'}", ""),
                new Problem(
                        DemoPlugin.INVALID_URL,
                        "$.settings.demo.connections[0].url",
                        null,
                        null,
                        "invalid URL 'ftp:/nowhere'"));
    }

    @Test
    void invalidPort() {
        onlyProblem(
                demo("{'name':'a','url':'http://h','port':70000}", ""),
                new Problem(
                        DemoPlugin.INVALID_PORT,
                        "$.settings.demo.connections[0].port",
                        null,
                        null,
                        "port must be 1 to 65535, was 70000"));
    }

    @Test
    void settingsOfADisabledPluginAreNotChecked() {
        LoadResult r = Harness.load(
                q("{'format':1,'name':'t','plugins':{'demo':{'enabled':false}},"
                        + "'settings':{'demo':{'connections':[{'name':'a','url':'bad'}]}},'logic':{}}"),
                new DemoPlugin());
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void everyProblemIsReportedInOneLoad() {
        List<Problem> all = problems(
                demo(
                        "{'name':'a','url':'bad','port':0}",
                        "{'id':'x','type':'demo.send','attributes':{'configuration':'zzz'}},"
                                + "{'id':'y','type':'core.nope'},{'id':'b','type':'core.branch'},{'id':'x','type':'core.print'}"));
        assertThat(all)
                .extracting(Problem::kind)
                .containsExactlyInAnyOrder(
                        ProblemKind.DUPLICATE_ID,
                        ProblemKind.UNKNOWN_NODE_TYPE,
                        DemoPlugin.INVALID_URL,
                        DemoPlugin.INVALID_PORT,
                        DemoPlugin.UNKNOWN_CONNECTION,
                        ProblemKind.MISSING_INPUT);
    }

    @Test
    void aProjectWithProblemsNeverStarts() {
        LoadResult r = Harness.load(project("{'id':'b','type':'core.branch'}", ""));
        assertThat(r.project()).isEmpty();
        assertThatThrownBy(r::orThrow)
                .isInstanceOf(InvalidProjectException.class)
                .hasMessage("1 problem(s):\n$.logic.project.nodes[0] [node b, pin condition]: "
                        + "required input 'condition' has neither a link nor a constant");
    }
}
