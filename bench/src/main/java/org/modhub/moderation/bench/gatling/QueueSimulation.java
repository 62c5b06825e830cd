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
 * random from {@code bench.cases}. First {@code bench.warmup.seconds} (at least 1) of the same requests named
 * {@code warm-up ...}; the bench reads the measured request's own figures.
 */
public class QueueSimulation extends Simulation {

    {
        String target = System.getProperty("bench.target", "page");
        double rate = Double.parseDouble(System.getProperty("bench.rate", "20"));
        int seconds = Integer.getInteger("bench.seconds", 30);
        String token = System.getProperty("bench.token");
        HttpProtocolBuilder protocol = http.baseUrl(System.getProperty("bench.baseUrl"))
                .acceptHeader("application/json")
                .header("Authorization", "Bearer " + token)
                .disableCaching()
                .disableWarmUp()
                .shareConnections();
        boolean detail = "detail".equals(target);
        String name = detail ? "case detail" : "queue page";
        // The warm-up runs in this JVM, just before the measured requests and under another name:
        // a run on a JVM just started measured its own first second (every p99 outlier was there).
        int warmup = Integer.getInteger("bench.warmup.seconds", 0);
        ScenarioBuilder warm = requests(scenario("warm-up"), detail, "warm-up " + name);
        ScenarioBuilder measured = requests(scenario(name), detail, name);
        setUp(warm.injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(Math.max(1, warmup))))
                        .andThen(measured.injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(seconds)))))
                .protocols(protocol);
    }

    private static ScenarioBuilder requests(ScenarioBuilder scenario, boolean detail, String request) {
        return detail
                ? scenario.feed(csv(System.getProperty("bench.cases")).random())
                        .exec(http(request).get("/api/v1/cases/#{id}").check(status().is(200)))
                : scenario.exec(http(request).get("/api/v1/cases").check(status().is(200)));
    }
}
