package org.modhub.moderation.bench;

import java.nio.file.Path;
import java.util.Map;

/** The settings every run of {@code QueueSimulation} shares: where, how fast, how long, with which ids and credentials. */
final class QueueRequests {

    static final String SIMULATION = "org.modhub.moderation.bench.gatling.QueueSimulation";

    private QueueRequests() {}

    /**
     * Base URL, rate, duration, warm-up and case ids, plus the credentials ({@code bench.token} or {@code
     * bench.cookie}, then its value). Each run warms up first in the same Gatling JVM (JIT on both sides, connection
     * pools, the indexes' pages in the cache); only the requests after it count.
     */
    static Map<String, String> base(
            Settings settings, String baseUrl, Path cases, String credentialKey, String credential) {
        return Map.of(
                "bench.baseUrl",
                baseUrl,
                credentialKey,
                credential,
                "bench.cases",
                cases.toString(),
                "bench.rate",
                Double.toString(settings.queueRate()),
                "bench.seconds",
                Integer.toString(settings.queueSeconds()),
                "bench.warmup.seconds",
                Integer.toString(settings.queueWarmupSeconds()));
    }
}
