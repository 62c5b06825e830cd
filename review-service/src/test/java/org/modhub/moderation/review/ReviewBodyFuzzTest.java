package org.modhub.moderation.review;

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
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "review"))
class ReviewBodyFuzzTest {

    private static final BodyFuzzer FUZZER = new BodyFuzzer("review-service");

    static final Target DECIDE = Target.post(
            "/api/v1/cases/00000000-0000-4000-8000-00000000f022/decisions",
            () -> fresh("moderator"),
            "{\"actions\":[\"UNRANK\",\"LABEL\"],\"category\":\"platform_abuse\",\"subcategory\":\"spam\",\"ground\":\"incompatible with terms\",\"territorialScope\":[\"DE\",\"FR\"],\"endDate\":\"2030-01-01T00:00:00Z\",\"facts\":\"The model card advertises a casino.\",\"explanation\":\"Spam under section 5 of the policy.\",\"manifestlyUnfounded\":false,\"automatedDecision\":false,\"ownerId\":\"fuzz-owner\",\"changesRequested\":\"Remove the advert.\",\"ownerDeadline\":\"2030-01-01T00:00:00Z\"}");
    static final Target REASSIGN = Target.post(
            "/api/v1/cases/00000000-0000-4000-8000-00000000f022/reassign",
            () -> fresh("senior-moderator"),
            "{\"assignee\":\"mod-2\"}");
    static final Target ESCALATE = Target.post(
            "/api/v1/cases/00000000-0000-4000-8000-00000000f022/escalate",
            () -> fresh("moderator"),
            "{\"reason\":\"Needs legal.\"}");
    static final Target NOTE = Target.post(
            "/api/v1/cases/00000000-0000-4000-8000-00000000f022/notes",
            () -> fresh("moderator"),
            "{\"body\":\"Checked the card.\",\"shareable\":true}");
    static final Target OWNER_RESPONSE = Target.post(
            "/api/v1/cases/00000000-0000-4000-8000-00000000f022/owner-response",
            () -> fresh("user"),
            "{\"response\":\"DISPUTED\",\"text\":\"It is a sponsorship notice.\"}");
    static final Target REJECT = Target.post(
            "/api/v1/decisions/00000000-0000-4000-8000-00000000f022/reject",
            () -> fresh("senior-moderator"),
            "{\"reason\":\"Wrong category.\"}");
    static final Target POLICY = Target.post(
            "/api/v1/policy-versions",
            () -> fresh("admin"),
            "{\"version\":\"fuzz-1\",\"title\":\"Content Policy\",\"summary\":\"Fuzzed.\",\"url\":\"https://huggingface.co/content-policy\",\"effectiveAt\":\"2031-01-01T00:00:00Z\"}");

    private static final List<Target> ALL = List.of(DECIDE, REASSIGN, ESCALATE, NOTE, OWNER_RESPONSE, REJECT, POLICY);

    @Test
    void boundedRun() {
        FUZZER.bounded(ALL, BodyFuzzer.inputsPerTarget(45));
    }

    @FuzzTest(maxDuration = "10m")
    void decide(FuzzedDataProvider data) {
        FUZZER.fuzz(DECIDE, BodyFuzzer.from(data));
    }

    @FuzzTest(maxDuration = "10m")
    void reassign(FuzzedDataProvider data) {
        FUZZER.fuzz(REASSIGN, BodyFuzzer.from(data));
    }

    @FuzzTest(maxDuration = "10m")
    void escalate(FuzzedDataProvider data) {
        FUZZER.fuzz(ESCALATE, BodyFuzzer.from(data));
    }

    @FuzzTest(maxDuration = "10m")
    void note(FuzzedDataProvider data) {
        FUZZER.fuzz(NOTE, BodyFuzzer.from(data));
    }

    @FuzzTest(maxDuration = "10m")
    void ownerResponse(FuzzedDataProvider data) {
        FUZZER.fuzz(OWNER_RESPONSE, BodyFuzzer.from(data));
    }

    @FuzzTest(maxDuration = "10m")
    void reject(FuzzedDataProvider data) {
        FUZZER.fuzz(REJECT, BodyFuzzer.from(data));
    }

    @FuzzTest(maxDuration = "10m")
    void policyVersion(FuzzedDataProvider data) {
        FUZZER.fuzz(POLICY, BodyFuzzer.from(data));
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
