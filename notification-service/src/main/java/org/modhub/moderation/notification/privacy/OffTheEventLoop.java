package org.modhub.moderation.notification.privacy;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.mail.MessagingException;

/**
 * Blocking IMAP work inside a reactive transaction: it runs on a worker thread and its result comes back on the
 * caller's Vert.x context, where the transaction's session lives (Hibernate Reactive refuses a session used from
 * another thread), as {@code MailSender} does with the journal. A mail server that cannot be reached fails the work:
 * the privacy request is retried, the retention batch tried again on the next run.
 */
final class OffTheEventLoop {

    private OffTheEventLoop() {}

    static <T> Uni<T> run(Callable<T> work) {
        return Uni.createFrom().deferred(() -> {
            Context context = Vertx.currentContext();
            Executor onContext =
                    context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run());
            return Uni.createFrom()
                    .item(() -> {
                        try {
                            return work.call();
                        } catch (MessagingException e) {
                            throw new MailServerUnavailableException(e);
                        } catch (RuntimeException e) {
                            throw e;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .emitOn(onContext);
        });
    }

    /** The mail server could not be read or changed. */
    static final class MailServerUnavailableException extends RuntimeException {
        MailServerUnavailableException(MessagingException cause) {
            super("the mail server cannot be reached or refused the change: " + cause.getMessage(), cause);
        }
    }
}
