package org.modhub.moderation.kit.testapp;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.modhub.moderation.kit.timer.DueTimer;
import org.modhub.moderation.kit.timer.TimerHandler;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Records each firing in a table; a timer with payload "fail-once" fails on its first attempt. */
@ApplicationScoped
public class TestTimerHandler implements TimerHandler {

    public static final String KIND = "kit-test.reminder";

    private final ConcurrentHashMap<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Uni<Void> fire(DueTimer timer) {
        int call = calls.computeIfAbsent(timer.key(), k -> new AtomicInteger()).incrementAndGet();
        if ("fail-once".equals(timer.payload()) && call == 1) {
            return Uni.createFrom().failure(new IllegalStateException("first attempt fails on purpose"));
        }
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("INSERT INTO kit_test_fired (timer_key, worker) VALUES (:key, :worker)")
                        .setParameter("key", timer.key())
                        .setParameter("worker", Thread.currentThread().getName())
                        .executeUpdate())
                .replaceWithVoid();
    }
}
