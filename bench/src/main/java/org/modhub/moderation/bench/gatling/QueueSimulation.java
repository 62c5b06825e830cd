package org.modhub.moderation.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * Staff reading the queue, open model at {@code bench.rate} requests a second for {@code bench.seconds}:
 * {@code GET bench.path} on {@code bench.baseUrl} (review-service's API, or the console's pages); a path with
 * {@code #{id}} takes a case drawn at random from {@code bench.cases}. Signed in by {@code bench.token} (a bearer
 * token) or {@code bench.cookie} (the console's session cookies); redirects are not followed, so an expired session
 * counts as a failure, not as the sign-in page. {@code bench.expect}: text the answer must contain. First
 * {@code bench.warmup.seconds} (at least 1) of the same requests named {@code warm-up <bench.request>}; the bench
 * reads the measured request's own figures.
 */
public class QueueSimulation extends Simulation {

    {
        double rate = Double.parseDouble(System.getProperty("bench.rate", "20"));
        int seconds = Integer.getInteger("bench.seconds", 30);
        String name = System.getProperty("bench.request", "queue page");
        String token = System.getProperty("bench.token");
        String cookie = System.getProperty("bench.cookie");
        HttpProtocolBuilder protocol = http.baseUrl(System.getProperty("bench.baseUrl"))
                .acceptHeader(cookie != null ? "text/html" : "application/json")
                .disableFollowRedirect()
                .disableCaching()
                .disableWarmUp()
                .shareConnections();
        if (token != null) {
            protocol = protocol.header("Authorization", "Bearer " + token);
        }
        if (cookie != null) {
            protocol = protocol.header("Cookie", cookie);
        }
        // The warm-up runs in this JVM, just before the measured requests and under another name:
        // a run on a JVM just started measured its own first second (every p99 outlier was there).
        int warmup = Integer.getInteger("bench.warmup.seconds", 0);
        ScenarioBuilder warm = requests(scenario("warm-up"), "warm-up " + name);
        ScenarioBuilder measured = requests(scenario(name), name);
        setUp(warm.injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(Math.max(1, warmup))))
                        .andThen(measured.injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(seconds)))))
                .protocols(protocol);
    }

    private static ScenarioBuilder requests(ScenarioBuilder scenario, String request) {
        String path = System.getProperty("bench.path", "/api/v1/cases");
        String expect = System.getProperty("bench.expect");
        HttpRequestActionBuilder get = http(request).get(path).check(status().is(200));
        if (expect != null) {
            get = get.check(substring(expect));
        }
        return path.contains("#{id}")
                ? scenario.feed(csv(System.getProperty("bench.cases")).random()).exec(get)
                : scenario.exec(get);
    }
}
