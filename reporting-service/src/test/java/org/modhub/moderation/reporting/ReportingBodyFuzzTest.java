package org.modhub.moderation.reporting;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.devstack.test.BodyFuzzer;
import org.modhub.moderation.devstack.test.BodyFuzzer.Target;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.TestTokens;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Hostile JSON bodies on every write endpoint: never a 5xx, every refusal in problem details, no
 * stack trace or class name. {@link #boundedRun()} sends a repeatable set in every build
 * ({@code -Dfuzz.inputs=N} per endpoint changes its size); each {@link FuzzTest} runs its seed
 * inputs in every build and coverage-guided with {@code bin/fuzz} (see FUZZING.md).
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "reporting"))
class ReportingBodyFuzzTest {

    private static final BodyFuzzer FUZZER = new BodyFuzzer("reporting-service");

    static final Target FILE_REPORT = Target.post(
            "/api/v1/reports",
            () -> fresh("user"),
            "{\"subject\":{\"kind\":\"model\",\"id\":\"acme/fuzz-model\",\"url\":\"https://huggingface.co/acme/fuzz-model\",\"revision\":\"main\"},\"category\":\"platform_abuse\",\"subcategory\":\"spam\",\"explanation\":\"The model card is an advertisement for a casino.\",\"evidenceUrls\":[\"https://example.org/screenshot.png\"],\"jurisdiction\":\"DE\",\"allegesIllegalContent\":false,\"goodFaithStatement\":true,\"contactEmail\":\"fuzz@example.org\",\"showReporterPublicly\":false}");
    static final Target FLAG = Target.post(
            "/api/v1/flags",
            () -> fresh("detector"),
            "{\"subject\":{\"kind\":\"model\",\"id\":\"acme/fuzz-model\",\"url\":\"https://huggingface.co/acme/fuzz-model\"},\"category\":\"platform_abuse\",\"subcategory\":\"spam\",\"explanation\":\"Classifier score 0.97 for casino spam.\",\"evidenceUrls\":[\"https://example.org/score.json\"],\"sourceType\":\"SOURCE_VOLUNTARY\",\"automatedDetection\":true}");
    static final Target TRIAGE = Target.post(
            "/api/v1/reports/00000000-0000-4000-8000-00000000f022/triage",
            () -> fresh("moderator"),
            "{\"category\":\"platform_abuse\",\"subcategory\":\"spam\"}");
    static final Target SUSPEND = Target.post(
            "/api/v1/notifiers/user:fuzz-notifier/suspend",
            () -> fresh("moderator"),
            "{\"reason\":\"Repeated unfounded reports.\",\"until\":\"2030-01-01T00:00:00Z\"}");
    static final Target MUTE = Target.post(
            "/api/v1/notifiers/email:fuzz@example.org/mute",
            () -> fresh("moderator"),
            "{\"reason\":\"Noisy detector.\",\"until\":\"2030-01-01T00:00:00Z\"}");
    static final Target WITHDRAW = Target.post(
            "/api/v1/reports/00000000-0000-4000-8000-00000000f023/withdraw",
            () -> fresh("user"),
            "{\"reason\":\"I reported the wrong model.\"}");

    private static final List<Target> ALL = List.of(FILE_REPORT, FLAG, TRIAGE, SUSPEND, MUTE, WITHDRAW);

    @Test
    void boundedRun() {
        FUZZER.bounded(ALL, BodyFuzzer.inputsPerTarget(70));
    }

    @FuzzTest(maxDuration = "10m")
    void fileReport(FuzzedDataProvider data) {
        FUZZER.fuzz(FILE_REPORT, BodyFuzzer.from(data));
    }

    @FuzzTest(maxDuration = "10m")
    void flag(FuzzedDataProvider data) {
        FUZZER.fuzz(FLAG, BodyFuzzer.from(data));
    }

    @FuzzTest(maxDuration = "10m")
    void triage(FuzzedDataProvider data) {
        FUZZER.fuzz(TRIAGE, BodyFuzzer.from(data));
    }

    @FuzzTest(maxDuration = "10m")
    void suspendNotifier(FuzzedDataProvider data) {
        FUZZER.fuzz(SUSPEND, BodyFuzzer.from(data));
    }

    @FuzzTest(maxDuration = "10m")
    void muteNotifier(FuzzedDataProvider data) {
        FUZZER.fuzz(MUTE, BodyFuzzer.from(data));
    }

    @FuzzTest(maxDuration = "10m")
    void withdrawReport(FuzzedDataProvider data) {
        FUZZER.fuzz(WITHDRAW, BodyFuzzer.from(data));
    }

    @AfterAll
    static void summary() {
        FUZZER.printSummary();
    }

    /** A caller with a fresh account id, so per-caller limits and state do not carry over between inputs. */
    private static String fresh(String role) {
        return TestTokens.token(
                "fuzz-" + role + "-" + UUID.randomUUID().toString().substring(0, 8), role);
    }
}
