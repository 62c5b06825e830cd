package org.modhub.moderation.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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
        long deadline = System.nanoTime() + patience.toNanos();
        SettledAlerts last;
        do {
            last = read(prometheus, poisonedTopics);
            if (last.unexpected.isEmpty() && last.deadLetteredTopics.containsAll(poisonedTopics)) {
                return last;
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return last;
            }
        } while (System.nanoTime() < deadline);
        return last;
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
