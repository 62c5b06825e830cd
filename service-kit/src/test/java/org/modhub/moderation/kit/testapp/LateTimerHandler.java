package org.modhub.moderation.kit.testapp;

import org.modhub.moderation.kit.timer.DueTimer;
import org.modhub.moderation.kit.timer.TimerHandler;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The timer kind of the metrics tests (their own, so other tests' timers never count): payload "fail" always fails. */
@ApplicationScoped
public class LateTimerHandler implements TimerHandler {

    public static final String KIND = "kit-test.late";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Uni<Void> fire(DueTimer timer) {
        return "fail".equals(timer.payload())
                ? Uni.createFrom().failure(new IllegalStateException("this timer never fires"))
                : Uni.createFrom().voidItem();
    }
}
