package org.modhub.moderation.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Staff reading the queue, open model at {@code bench.rate} requests a second for
 * {@code bench.seconds}: {@code bench.target=page} the first page of the queue
 * ({@code GET /api/v1/cases}), {@code detail} one case ({@code GET /api/v1/cases/{id}}) drawn at
 * random from {@code bench.cases}.
 */
public class QueueSimulation extends Simulation {

    {
        String target = System.getProperty("bench.target", "page");
        double rate = Double.parseDouble(System.getProperty("bench.rate", "20"));
        int seconds = Integer.getInteger("bench.seconds", 30);
        String token = System.getProperty("bench.token");
        HttpProtocolBuilder protocol = http.baseUrl(System.getProperty("bench.baseUrl"))
                .acceptHeader("application/json").header("Authorization", "Bearer " + token)
                .disableCaching().disableWarmUp().shareConnections();
        ScenarioBuilder scenario = "detail".equals(target)
                ? scenario("case detail").feed(csv(System.getProperty("bench.cases")).random())
                        .exec(http("case detail").get("/api/v1/cases/#{id}").check(status().is(200)))
                : scenario("queue page").exec(http("queue page").get("/api/v1/cases").check(status().is(200)));
        setUp(scenario.injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(seconds)))).protocols(protocol);
    }
}
