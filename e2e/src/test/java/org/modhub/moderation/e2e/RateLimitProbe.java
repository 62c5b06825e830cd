package org.modhub.moderation.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One notifier filing more reports than the rate limit allows, all at once, each request to the next replica: the
 * limit is the notifier's, not a replica's, so exactly the limit must be accepted whichever replica answers.
 */
final class RateLimitProbe {

    private final Hub hub;
    private final String notifier;

    RateLimitProbe(Hub hub, String notifier) {
        this.hub = hub;
        this.notifier = notifier;
    }

    /** Answers: 201s, 429s, and anything else (as text). */
    record Result(int sent, int accepted, int limited, List<String> other) {}

    Result fileConcurrently(int reports) {
        Api api = hub.as("reporting", notifier, "user");
        List<CompletableFuture<Api.Response>> answers = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < reports; i++) {
                // Each on its own subject: the merge window of one subject is another rule.
                String repo = notifier.replace('.', '-') + "-" + i + "/probe";
                answers.add(CompletableFuture.supplyAsync(
                        () -> api.post("/api/v1/reports", Hub.reportBody(repo, notifier)), clients));
            }
        }
        int accepted = 0;
        int limited = 0;
        List<String> other = new ArrayList<>();
        for (CompletableFuture<Api.Response> answer : answers) {
            Api.Response response = answer.join();
            switch (response.status()) {
                case 201 -> accepted++;
                case 429 -> limited++;
                default -> other.add(response.toString());
            }
        }
        return new Result(reports, accepted, limited, other);
    }
}
