package org.modhub.moderation.notification;

import java.util.List;

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
 * Hostile JSON bodies on the one write endpoint (template preview): never a 5xx, every refusal in
 * problem details. {@link #boundedRun()} sends a repeatable set in every build; {@code bin/fuzz}
 * runs the {@link FuzzTest} coverage-guided for as long as asked (see FUZZING.md).
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "notification"))
class NotificationBodyFuzzTest {

    private static final BodyFuzzer FUZZER = new BodyFuzzer("notification-service");

    static final Target PREVIEW = Target.post(
            "/api/v1/templates/owner-decision/preview",
            () -> TestTokens.token("fuzz-mod", "moderator"),
            "{\"locale\":\"de-DE\",\"parameters\":{\"decisionId\":\"d-1\",\"subject\":\"model:acme/x\",\"actions\":\"UNRANK,LABEL\","
                    + "\"explanation\":\"Spam.\",\"redress\":\"internal-complaint,judicial-redress\"}}");

    @Test
    void boundedRun() {
        FUZZER.bounded(List.of(PREVIEW), BodyFuzzer.inputsPerTarget(150));
    }

    @FuzzTest(maxDuration = "10m")
    void templatePreview(FuzzedDataProvider data) {
        FUZZER.fuzz(PREVIEW, BodyFuzzer.from(data));
    }

    @AfterAll
    static void summary() {
        FUZZER.printSummary();
    }
}
