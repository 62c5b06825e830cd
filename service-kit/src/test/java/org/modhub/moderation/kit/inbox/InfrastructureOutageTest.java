package org.modhub.moderation.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/** Which failures a consumer waits out (the database is away) and which count toward dead-lettering. */
class InfrastructureOutageTest {

    @Test
    void aRefusedOrLostDatabaseConnectionIsWaitedOutWhereverItIsWrapped() {
        assertThat(IdempotentConsumer.isInfrastructureOutage(
                        new CompletionException(new HibernateException(new ConnectException("Connection refused")))))
                .isTrue();
        assertThat(IdempotentConsumer.isInfrastructureOutage(ClosedConnectionException.INSTANCE))
                .isTrue();
        assertThat(IdempotentConsumer.isInfrastructureOutage(
                        new PgException("terminating connection due to administrator command", "FATAL", "57P01", null)))
                .isTrue();
        assertThat(IdempotentConsumer.isInfrastructureOutage(
                        new PgException("the database system is starting up", "FATAL", "57P03", null)))
                .isTrue();
    }

    @Test
    void aPoolClosedByTheServicesOwnShutdownLeavesTheEventForTheNextStart() {
        // What the reactive pool answers to an event still in flight when Quarkus stops.
        assertThat(IdempotentConsumer.isInfrastructureOutage(
                        new CompletionException(new io.vertx.core.impl.NoStackTraceThrowable("Pool closed"))))
                .isTrue();
    }

    @Test
    void whatTheMessageCausesStillCountsTowardTheDeadLetterTopic() {
        assertThat(IdempotentConsumer.isInfrastructureOutage(new IllegalStateException("handler refuses note")))
                .isFalse();
        assertThat(IdempotentConsumer.isInfrastructureOutage(new PoisonMessageException("Unreadable event", null)))
                .isFalse();
        assertThat(IdempotentConsumer.isInfrastructureOutage(
                        new PgException("duplicate key value violates unique constraint", "ERROR", "23505", null)))
                .isFalse();
    }
}
