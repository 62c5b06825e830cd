package org.modhub.moderation.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The chart's alerts once the suite has settled after the faults: which hold (pending or firing), and which of those
 * were not expected. Expected are only {@code EventsDeadLettered} for the topics that were sent poison on purpose.
 */
record SettledAlerts(List<Prometheus.Alert> active, List<Prometheus.Alert> unexpected, Set<String> deadLetteredTopics) {

    static final String DEAD_LETTERED = "EventsDeadLettered";

    /**
     * Reads the alerts until only the expected hold (the gauges are sampled every 2 s and the rules evaluated every
     * 2 s, so a condition the faults left behind clears within seconds once its cause has), or {@code patience}
     * runs out; then returns what holds.
     */
    static SettledAlerts await(Prometheus prometheus, List<String> poisonedTopics, Duration patience) {
        AtomicReference<SettledAlerts> last = new AtomicReference<>();
        try {
            Awaitility.await("the alerts settle")
                    .atMost(patience)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        SettledAlerts now = read(prometheus, poisonedTopics);
                        last.set(now);
                        return now.unexpected.isEmpty() && now.deadLetteredTopics.containsAll(poisonedTopics);
                    });
        } catch (ConditionTimeoutException e) {
            // What still holds is returned, and the test names it.
        }
        return last.get();
    }

    private static SettledAlerts read(Prometheus prometheus, List<String> poisonedTopics) {
        List<Prometheus.Alert> active = prometheus.activeAlerts();
        Set<String> topics = new TreeSet<>();
        List<Prometheus.Alert> unexpected = active.stream()
                .filter(a -> {
                    if (DEAD_LETTERED.equals(a.name())
                            && poisonedTopics.contains(a.labels().get("topic"))) {
                        topics.add(a.labels().get("topic"));
                        return false;
                    }
                    return true;
                })
                .toList();
        return new SettledAlerts(active, unexpected, topics);
    }
}
