package org.modhub.moderation.matching;

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
 * Hostile JSON bodies on the upload check: never a 5xx, every refusal in problem details, no stack trace or class
 * name. {@link #boundedRun()} sends a repeatable set in every build; the {@link FuzzTest} runs its seeds in every
 * build and coverage-guided with {@code bin/fuzz} (see FUZZING.md).
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "matching"))
class MatchingBodyFuzzTest {

    private static final BodyFuzzer FUZZER = new BodyFuzzer("matching-service");

    static final Target CHECK = Target.post(
            "/api/v1/uploads/check",
            () -> TestTokens.token("fuzz-hub-" + UUID.randomUUID().toString().substring(0, 8), "hub"),
            "{\"repository\":\"model:mallory/llama-copy\",\"revision\":\"main\",\"files\":[{\"path\":\"model.safetensors\","
                    + "\"sha256\":\"768eb0c3b9e74cf59f68267f8650343d9b1ebc54182471add1719502b0d7e544\"}],"
                    + "\"baseModels\":[\"acme/atlas-7b\"]}");

    @Test
    void boundedRun() {
        FUZZER.bounded(List.of(CHECK), BodyFuzzer.inputsPerTarget(55));
    }

    @FuzzTest(maxDuration = "10m")
    void check(FuzzedDataProvider data) {
        FUZZER.fuzz(CHECK, BodyFuzzer.from(data));
    }

    @AfterAll
    static void summary() {
        FUZZER.printSummary();
    }
}
