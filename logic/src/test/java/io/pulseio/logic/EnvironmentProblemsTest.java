package io.pulseio.logic;

import static io.pulseio.logic.ValidationRulesTest.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.logic.problem.Problem;
import io.pulseio.logic.problem.ProblemKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An unset variable is one problem; a value from the environment never shows in a problem. */
class EnvironmentProblemsTest {

    static List<Problem> problems(Map<String, String> env, String connection) {
        return Harness.loader(env, new DemoPlugin())
                .load(q("{'format':1,'name':'t','settings':{'demo':" + "{'connections':[" + connection
                        + "]}},'logic':{}}"))
                .problems();
    }

    @Test
    void anUnsetVariableIsTheOnlyProblemOfItsField() {
        assertThat(problems(Map.of(), "{'name':'a','url':'${env:URL}','port':'${env:PORT}'}"))
                .containsExactly(
                        new Problem(
                                ProblemKind.UNSET_ENVIRONMENT_VARIABLE,
                                "$.settings.demo.connections[0].url",
                                null,
                                null,
                                "environment variable 'URL' is not set"),
                        new Problem(
                                ProblemKind.UNSET_ENVIRONMENT_VARIABLE,
                                "$.settings.demo.connections[0].port",
                                null,
                                null,
                                "environment variable 'PORT' is not set"));
    }

    @Test
    void otherFieldsOfTheSameEntryAreStillChecked() {
        assertThat(problems(Map.of(), "{'name':'a','url':'${env:URL}','port':70000}"))
                .extracting(Problem::kind, Problem::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                ProblemKind.UNSET_ENVIRONMENT_VARIABLE, "environment variable 'URL' is not set"),
                        org.assertj.core.groups.Tuple.tuple(
                                DemoPlugin.INVALID_PORT, "port must be 1 to 65535, was 70000"));
    }

    @Test
    void aValueFromTheEnvironmentIsShownAsItIsWrittenInTheFile() {
        assertThat(problems(Map.of("TOKEN", "s3cr3t-token"), "{'name':'a','url':'ftp://h/?k=${env:TOKEN}'}"))
                .extracting(Problem::message)
                .containsExactly("invalid URL 'ftp://h/?k=${env:TOKEN}'");
    }

    @Test
    void aSecretPutIntoANumericFieldIsNotEchoed() {
        assertThat(problems(Map.of("SECRET", "999999"), "{'name':'a','url':'http://h','port':'${env:SECRET}'}"))
                .extracting(Problem::message)
                .containsExactly("port must be 1 to 65535, was ${env:SECRET}");
    }

    @Test
    void aShortValueIsMaskedWhereItStandsAloneButNotInsideOtherWords() {
        assertThat(problems(Map.of("P", "0"), "{'name':'a','url':'http://h','port':'${env:P}'}"))
                .extracting(Problem::message)
                .containsExactly("port must be 1 to 65535, was ${env:P}");
    }

    @Test
    void aSecretThatNeedsJsonEscapingIsMaskedInItsEscapedFormToo() {
        assertThat(problems(Map.of("S", "pa\"ss word"), "{'name':'a','url':'${env:S}'}"))
                .extracting(Problem::message)
                .containsExactly("invalid URL '${env:S}'");
    }
}
