package org.modhub.moderation.dmca;

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
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "dmca"))
class DmcaBodyFuzzTest {

    private static final BodyFuzzer FUZZER = new BodyFuzzer("dmca-service");

    static final Target NOTICE = Target.post(
            "/api/v1/dmca/notices",
            null,
            "{\"signature\":\"/Jane Roe/\",\"copyrightedWorks\":[{\"description\":\"The Acme Film Archive\",\"url\":\"https://acme-pictures.example/archive\"}],\"infringingMaterial\":[{\"url\":\"https://huggingface.co/fuzz-ns/model\",\"description\":\"copies of frames\"}],\"contact\":{\"name\":\"Jane Roe\",\"organisation\":\"Acme Pictures Inc.\",\"email\":\"jane@acme-pictures.example\",\"address\":\"1 Studio Way, Burbank, CA 91505\",\"phone\":\"+1 818 555 0199\"},\"goodFaithStatement\":true,\"accuracyStatement\":true,\"authorityUnderPenaltyOfPerjury\":true}");
    static final Target DECISION = Target.post(
            "/api/v1/dmca/notices/00000000-0000-4000-8000-00000000f022/decision",
            () -> fresh("legal"),
            "{\"decision\":\"ACCEPT\",\"owners\":[{\"id\":\"fuzz-owner\",\"subjects\":[\"model:fuzz-ns/model\"]}],\"reason\":\"INSUFFICIENT\",\"explanation\":\"No work named.\"}");
    static final Target COUNTER_NOTICE = Target.post(
            "/api/v1/dmca/notices/00000000-0000-4000-8000-00000000f022/counter-notices",
            () -> fresh("user"),
            "{\"signature\":\"/John Doe/\",\"material\":[{\"url\":\"https://huggingface.co/fuzz-ns/model\",\"description\":\"my model\"}],\"goodFaithUnderPenaltyOfPerjury\":true,\"name\":\"John Doe\",\"address\":\"10 Main Street, Springfield, IL 62701\",\"phone\":\"+1 217 555 0142\",\"consentToJurisdiction\":true,\"consentToServiceOfProcess\":true,\"email\":\"john@example.org\"}");
    static final Target COURT_ACTION = Target.post(
            "/api/v1/dmca/counter-notices/00000000-0000-4000-8000-00000000f022/court-action",
            () -> fresh("legal"),
            "{\"court\":\"N.D. Cal.\",\"caseNumber\":\"3:26-cv-01234\",\"filedOn\":\"2026-11-01\",\"documentUrl\":\"https://courts.example/c.pdf\",\"note\":\"Complaint filed.\"}");

    static final Target EVIDENCE_CONFIRM = Target.post(
            "/api/v1/dmca/evidence/00000000-0000-4000-8000-00000000f022/confirm",
            () -> fresh("legal"),
            "{\"counterNoticeId\":\"00000000-0000-4000-8000-00000000f023\",\"court\":\"N.D. Cal.\",\"caseNumber\":\"3:26-cv-01234\",\"filedOn\":\"2026-11-01\",\"documentUrl\":\"https://courts.example/c.pdf\",\"note\":\"As mailed.\"}");
    static final Target EVIDENCE_DISMISS = Target.post(
            "/api/v1/dmca/evidence/00000000-0000-4000-8000-00000000f022/dismiss",
            () -> fresh("legal"),
            "{\"reason\":\"A letter threatening suit is not a filed action.\"}");

    private static final List<Target> ALL =
            List.of(NOTICE, DECISION, COUNTER_NOTICE, COURT_ACTION, EVIDENCE_CONFIRM, EVIDENCE_DISMISS);

    @Test
    void boundedRun() {
        FUZZER.bounded(ALL, BodyFuzzer.inputsPerTarget(70));
    }

    @FuzzTest(maxDuration = "10m")
    void notice(FuzzedDataProvider data) {
        FUZZER.fuzz(NOTICE, BodyFuzzer.from(data));
    }

    @FuzzTest(maxDuration = "10m")
    void decision(FuzzedDataProvider data) {
        FUZZER.fuzz(DECISION, BodyFuzzer.from(data));
    }

    @FuzzTest(maxDuration = "10m")
    void counterNotice(FuzzedDataProvider data) {
        FUZZER.fuzz(COUNTER_NOTICE, BodyFuzzer.from(data));
    }

    @FuzzTest(maxDuration = "10m")
    void courtAction(FuzzedDataProvider data) {
        FUZZER.fuzz(COURT_ACTION, BodyFuzzer.from(data));
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
