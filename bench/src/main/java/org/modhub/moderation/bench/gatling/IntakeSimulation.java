package org.modhub.moderation.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.UUID;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * {@code POST /api/v1/reports}, each on a subject of its own (no merging), by users drawn at
 * random from a token file. {@code bench.mode=closed}: {@code bench.users} users, each filing
 * again as soon as the previous report was answered, for {@code bench.seconds}; {@code open}:
 * {@code bench.rate} new reports a second, whatever the answers take.
 */
public class IntakeSimulation extends Simulation {

    private static final String BODY = """
            {"subject":{"kind":"model","id":"#{model}","url":"https://huggingface.co/#{model}"},\
            "category":"platform_abuse","subcategory":"spam",\
            "explanation":"The model card is an advertisement for a casino, repeated in every discussion of the model.",\
            "evidenceUrls":["https://example.org/screenshot.png"],"jurisdiction":"DE"}""";

    {
        String mode = System.getProperty("bench.mode", "closed");
        int seconds = Integer.getInteger("bench.seconds", 30);
        HttpProtocolBuilder protocol = http.baseUrl(System.getProperty("bench.baseUrl"))
                .contentTypeHeader("application/json")
                .acceptHeader("application/json")
                .disableCaching()
                .disableWarmUp();
        ChainBuilder file = exec(session -> session.set("model", "bench/m-" + UUID.randomUUID()))
                .feed(csv(System.getProperty("bench.tokens")).random())
                .exec(http("file report")
                        .post("/api/v1/reports")
                        .header("Authorization", "Bearer #{token}")
                        .body(StringBody(BODY))
                        .check(status().is(201)));
        if ("open".equals(mode)) {
            ScenarioBuilder scenario = scenario("intake open").exec(file);
            setUp(scenario.injectOpen(constantUsersPerSec(Double.parseDouble(System.getProperty("bench.rate")))
                            .during(Duration.ofSeconds(seconds))))
                    .protocols(protocol.shareConnections());
        } else {
            ScenarioBuilder scenario = scenario("intake closed")
                    .exec(during(Duration.ofSeconds(seconds)).on(file));
            setUp(scenario.injectOpen(atOnceUsers(Integer.getInteger("bench.users", 16))))
                    .protocols(protocol);
        }
    }
}
