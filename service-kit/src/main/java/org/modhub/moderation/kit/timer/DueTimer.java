package org.modhub.moderation.kit.timer;

import java.time.Instant;

/**
 * A timer that has come due.
 *
 * @param kind what the timer is for, e.g. {@code dmca.restore}; selects the {@link TimerHandler}
 * @param key what it concerns, e.g. a counter-notice id; unique among pending timers of a kind
 * @param payload optional data the scheduler stored (JSON or plain text)
 * @param attempts earlier failed attempts to fire it
 */
public record DueTimer(long id, String kind, String key, Instant dueAt, String payload, int attempts) {}
