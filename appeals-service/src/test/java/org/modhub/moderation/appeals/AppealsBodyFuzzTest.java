package org.modhub.moderation.appeals;

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
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "appeals"))
class AppealsBodyFuzzTest {

    private static final BodyFuzzer FUZZER = new BodyFuzzer("appeals-service");

    static final Target APPEAL = Target.post(
            "/api/v1/appeals",
            () -> fresh("user"),
            "{\"decisionId\":\"00000000-0000-4000-8000-00000000f022\",\"arguments\":\"The model card is a sponsorship notice, not spam.\",\"evidenceUrls\":[\"https://example.org/contract.pdf\"],\"residence\":\"DE\"}");
    static final Target RESOLVE = Target.post(
            "/api/v1/appeals/00000000-0000-4000-8000-00000000f022/resolve",
            () -> fresh("legal"),
            "{\"outcome\":\"MODIFIED\",\"newActions\":[\"LABEL\"],\"explanation\":\"A label is enough.\",\"manifestlyUnfounded\":false}");
    static final Target LIFT = Target.post(
            "/api/v1/appellants/user:fuzz-appellant/lift", () -> fresh("legal"), "{\"reason\":\"Lifted early.\"}");
    static final Target DISPUTE = Target.post(
            "/api/v1/disputes",
            () -> fresh("legal"),
            "{\"decisionId\":\"00000000-0000-4000-8000-00000000f022\",\"appealId\":\"00000000-0000-4000-8000-00000000f022\",\"body\":\"User Rights ADR\",\"submittedOn\":\"2026-10-01\",\"notes\":\"Referred.\"}");
    static final Target OUTCOME = Target.post(
            "/api/v1/disputes/00000000-0000-4000-8000-00000000f022/outcome",
            () -> fresh("legal"),
            "{\"outcome\":\"SETTLED\",\"settledOn\":\"2026-11-01\",\"implemented\":true,\"implementedOn\":\"2026-11-02\"}");

    private static final List<Target> ALL = List.of(APPEAL, RESOLVE, LIFT, DISPUTE, OUTCOME);

    @Test
    void boundedRun() {
        FUZZER.bounded(ALL, BodyFuzzer.inputsPerTarget(55));
    }

    @FuzzTest(maxDuration = "10m")
    void appeal(FuzzedDataProvider data) {
        FUZZER.fuzz(APPEAL, BodyFuzzer.from(data));
    }

    @FuzzTest(maxDuration = "10m")
    void resolve(FuzzedDataProvider data) {
        FUZZER.fuzz(RESOLVE, BodyFuzzer.from(data));
    }

    @FuzzTest(maxDuration = "10m")
    void liftAppellant(FuzzedDataProvider data) {
        FUZZER.fuzz(LIFT, BodyFuzzer.from(data));
    }

    @FuzzTest(maxDuration = "10m")
    void dispute(FuzzedDataProvider data) {
        FUZZER.fuzz(DISPUTE, BodyFuzzer.from(data));
    }

    @FuzzTest(maxDuration = "10m")
    void disputeOutcome(FuzzedDataProvider data) {
        FUZZER.fuzz(OUTCOME, BodyFuzzer.from(data));
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
