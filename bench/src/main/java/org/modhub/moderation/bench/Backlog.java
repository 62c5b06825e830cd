package org.modhub.moderation.bench;

import static org.modhub.moderation.bench.Log.log;
import static org.modhub.moderation.bench.Queries.count;

import java.sql.SQLException;
import java.time.Duration;

/** Waits until the suite has worked off what earlier load left queued, so the next measurement starts clean. */
final class Backlog {

    private final Stack stack;
    /** case_report rows the bulk loads inserted directly (not through the pipeline). */
    private long bulkCaseReports;

    Backlog(Stack stack) {
        this.stack = stack;
    }

    /** Counts case_report rows a bulk load wrote straight into review's tables. */
    void addBulkCaseReports(long rows) {
        bulkCaseReports += rows;
    }

    /** Waits until review has taken in every report the reporting-service sent (and both outboxes are empty). */
    void drain() throws SQLException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long started = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long received = count(stack, "reporting", "SELECT count(*) FROM report WHERE status = 'RECEIVED'");
            long unsent = count(stack, "reporting", "SELECT count(*) FROM kit_outbox WHERE sent_at IS NULL")
                    + count(stack, "review", "SELECT count(*) FROM kit_outbox WHERE sent_at IS NULL");
            // Rows the bulk loads wrote straight into review's tables did not come through the pipeline.
            long taken = count(stack, "review", "SELECT count(*) FROM case_report") - bulkCaseReports;
            if (unsent == 0 && taken >= received) {
                if (System.nanoTime() - started > Duration.ofSeconds(1).toNanos()) {
                    log("  (drained the pipeline for %.0f s)", (System.nanoTime() - started) / 1e9);
                }
                Stack.sleep(2000);
                return;
            }
            Stack.sleep(500);
        }
        log("  (pipeline not drained after 5 minutes; going on)");
    }

    /** Waits (at most 3 minutes) until notification has no mail queued or being sent. */
    void drainMail() throws SQLException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline
                && count(
                                stack,
                                "notification",
                                "SELECT count(*) FROM mail_delivery WHERE status IN ('QUEUED', 'SENDING')")
                        > 0) {
            Stack.sleep(500);
        }
    }
}
