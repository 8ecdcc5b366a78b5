package io.pulseio.logic;

import static io.pulseio.logic.ValidationRulesTest.onlyProblem;
import static io.pulseio.logic.ValidationRulesTest.q;

import io.pulseio.logic.problem.Problem;
import io.pulseio.logic.problem.ProblemKind;
import org.junit.jupiter.api.Test;

/** The core's settings section, {@code settings.core}: only {@code unhandledErrors}, {@code log} or {@code stop}. */
class CoreSettingsTest {

    private static String withCore(String core) {
        return q(
                "{'format':1,'name':'t','settings':{'core':" + core + "},'logic':{'project':{'nodes':[],'links':[]}}}");
    }

    private static Problem setting(String path, String message) {
        return new Problem(ProblemKind.INVALID_SETTING, "$.settings.core" + path, null, null, message);
    }

    @Test
    void unhandledErrorsIsLogOrStop() {
        onlyProblem(
                withCore("{'unhandledErrors':'halt'}"),
                setting(".unhandledErrors", "unhandledErrors must be \"log\" or \"stop\", was \"halt\""));
        onlyProblem(
                withCore("{'unhandledErrors':true}"),
                setting(".unhandledErrors", "unhandledErrors must be \"log\" or \"stop\", was true"));
    }

    @Test
    void anUnknownCoreSettingIsAProblem() {
        onlyProblem(
                withCore("{'unhandledError':'stop'}"),
                setting(
                        ".unhandledError",
                        "unknown setting 'unhandledError' (settings.core has only unhandledErrors)"));
    }

    @Test
    void aSectionNoInstalledPluginReadsIsAProblem() {
        onlyProblem(
                q("{'format':1,'name':'t','settings':{'soketio':{}},'logic':{'project':{'nodes':[],'links':[]}}}"),
                new Problem(
                        ProblemKind.INVALID_SETTING,
                        "$.settings.soketio",
                        null,
                        null,
                        "no plugin 'soketio' is installed to read these settings (installed: core, demo)"));
    }
}
