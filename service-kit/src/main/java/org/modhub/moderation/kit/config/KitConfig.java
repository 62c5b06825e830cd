package org.modhub.moderation.kit.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of the shared infrastructure every service runs: outbox relay, consumers, timers.
 */
@ConfigMapping(prefix = "kit")
public interface KitConfig {

    /** The outbox relay that publishes committed events to Kafka. */
    Outbox outbox();

    /** Idempotent consumers of Kafka topics. */
    Consumer consumer();

    /** Due-time timers. */
    Timers timers();

    /** The HTTP API. */
    Http http();

    /** The clock business logic and timers read. */
    ClockSettings clock();

    /** The audit log. */
    Audit audit();

    /** Mail this service asks notification-service for. */
    Mail mail();

    /** Personal data: the retention schedule and data subjects' requests. */
    Privacy privacy();

    /** Where the spans this service makes go. */
    Tracing tracing();

    interface Tracing {

        /**
         * Whether spans are sent over OTLP to {@code quarkus.otel.exporter.otlp.traces.endpoint}. Off, spans are still
         * made (trace ids in the logs and in the events) and dropped; see {@code kit.tracing.SpansKeptHere}.
         */
        @WithDefault("false")
        boolean export();
    }

    /** Gauges read from the database ({@code MetricSampler}). */
    Metrics metrics();

    interface Metrics {

        /**
         * How often every replica reads its {@code MetricSample}s (one short query each): a scheduler expression, read by
         * {@code MetricSampler}'s {@code @Scheduled}; {@code off} in tests, which sample when they want to.
         */
        @WithDefault("15s")
        String sampleEvery();
    }

    interface Privacy {

        /**
         * Whether this service holds personal data and answers {@code privacy.requests} (a build-time switch: its
         * {@code PersonalDataHolder} bean and the channel {@code privacy-requests} must then exist).
         */
        @WithDefault("false")
        boolean enabled();

        /**
         * How long each kind of personal data is kept, by the kind a {@code RetentionRule} names (e.g.
         * {@code kit.privacy.retention.closed-reports=730d}). Every rule a service has must have its period here: the
         * service's application.properties gives the defaults and says why.
         */
        Map<String, Duration> retention();

        /**
         * Whether replicas look on their own whether the daily run is due. Off in tests, where a run 30 s after the
         * start would land in whichever test runs then, on its moved clock: they run it themselves.
         */
        @WithDefault("true")
        boolean scheduled();

        /** How often a replica looks whether the daily retention run is due (one replica runs it). */
        @WithDefault("1h")
        Duration checkEvery();

        /** Time between two retention runs. */
        @WithDefault("1d")
        Duration runEvery();

        /** Rows one retention batch removes in its own short transaction. */
        @WithDefault("500")
        int batchSize();

        /** Largest serialized size of one part of an answer to a data subject's request (Kafka's limit is 1 MB). */
        @WithDefault("256K")
        MemorySize answerPartSize();
    }

    interface Mail {

        /** Locale of the mails this service asks for, unless a request names the recipient's own. */
        @WithDefault("en")
        String locale();
    }

    interface Audit {

        /** The audit log's REST resource. */
        AuditResource resource();
    }

    interface AuditResource {

        /**
         * Whether the kit serves {@code GET /api/v1/audit-log} (a build-time switch: review-service serves this log by
         * case there and turns this off).
         */
        @WithDefault("true")
        boolean enabled();
    }

    interface ClockSettings {
        /**
         * Off unless set, and never set by the Helm chart: a file holding an offset (ISO-8601
         * duration such as {@code P20D}; empty or missing = none) added to the system clock and
         * re-read on every reading, so the end-to-end suite can move packaged services through
         * deadlines without waiting. Time only ever moves forward with it.
         */
        Optional<Path> offsetFile();
    }

    interface Outbox {
        /** Whether this replica runs the relay at all (tests switch it off to inspect rows). */
        @WithDefault("true")
        boolean enabled();

        /**
         * How often the relay looks for unsent rows while busy (it published or was woken within {@link #idleAfter()}).
         * A commit that wrote an outbox row wakes this replica's relay at once, so this only bounds how long another
         * replica's rows wait while this one holds the lease.
         */
        @WithDefault("100ms")
        Duration pollEvery();

        /**
         * How often an idle relay looks: the fallback for rows another replica committed while this one holds the lease,
         * rows a crash left, and rows written while Kafka was down. Every 5 s: each look is a wake-up of the event loop
         * and a query, and at 1 s an idle replica's relay and timer worker took a quarter of a percent of a core.
         */
        @WithDefault("5s")
        Duration idlePollEvery();

        /** How long after its last wake or published row the relay counts as busy; then it hands its lease back. */
        @WithDefault("2s")
        Duration idleAfter();

        /** Rows published per round. */
        @WithDefault("200")
        int batchSize();

        /** First wait after a failed round; doubles up to {@link #maxBackoff()}. */
        @WithDefault("500ms")
        Duration initialBackoff();

        /** Longest wait between rounds while Kafka is unreachable. */
        @WithDefault("15s")
        Duration maxBackoff();

        /** How long one replica holds the relay lease; another takes over when it lapses. */
        @WithDefault("30s")
        Duration leaseDuration();

        /** Published rows older than this are deleted. */
        @WithDefault("7d")
        Duration retention();
    }

    interface Consumer {
        /**
         * Copies of each incoming event channel, each with its own Kafka consumer in the service's group and its own
         * event-loop context, so events of different partitions are applied side by side (within a partition, that is one
         * key, still in order). More copies than partitions of the topic, across all replicas, stay idle. The channels on the
         * path of every report and decision read it as {@code mp.messaging.incoming.<channel>.concurrency=${kit.consumer.concurrency}};
         * the quiet ones (mail.inbound, dmca and appeals outcomes) keep one consumer, as each copy costs memory and start time
         * (three instead of one on all of review's channels: +27 MiB idle RSS and about 1.5 s more to start, in one bench A/B).
         */
        @WithDefault("3")
        int concurrency();

        /** Attempts for a failing message before it goes to the dead-letter topic. */
        @WithDefault("4")
        int maxAttempts();

        /** First wait between attempts; doubles each time. */
        @WithDefault("200ms")
        Duration initialBackoff();

        /** Longest wait between attempts. */
        @WithDefault("3s")
        Duration maxBackoff();
    }

    interface Http {
        /**
         * Requests a replica serves at once (health, metrics and OpenAPI under {@code /q/} not
         * counted); one more is refused at once with a 503 and {@code Retry-After} instead of waiting
         * behind all the others. Far above what a replica serves in time (64 concurrent filings
         * answer in under a second), so only an overload reaches it.
         */
        @WithDefault("256")
        int maxInFlight();

        /**
         * The body limit of every path but {@link #largeBodyPaths()} ({@code BodyLimitFilter}); never above
         * {@code quarkus.http.limits.max-body-size}, which the large-body paths get.
         */
        @WithDefault("256K")
        MemorySize bodyLimit();

        /** Path prefixes that may send up to {@code quarkus.http.limits.max-body-size} (none by default). */
        Optional<List<String>> largeBodyPaths();
    }

    interface Timers {
        /** Whether this replica fires timers. */
        @WithDefault("true")
        boolean enabled();

        /** Timers fired per round at most (each in its own transaction). */
        @WithDefault("100")
        int batchSize();

        /** Attempts before a failing timer is parked as dead (and logged) instead of retried. */
        @WithDefault("10")
        int maxAttempts();

        /** Delay before retrying a timer whose handler failed; doubles per attempt. */
        @WithDefault("5s")
        Duration retryBackoff();

        /**
         * How often a replica looks for due timers: a scheduler expression, read by {@code TimerWorker}'s
         * {@code @Scheduled} (declared here so that setting it passes the mapping's validation). The legal clocks count
         * in days; a timer fires at most this late.
         */
        @WithDefault("5s")
        String pollEvery();
    }
}
