package org.modhub.moderation.notification.mail;

import java.time.Duration;

import io.smallrye.mutiny.TimeoutException;
import io.vertx.ext.mail.SMTPException;

/**
 * What a failed attempt means for the mail: whether trying again can help (a 5xx reply or an unrenderable mail cannot),
 * whether the address itself is refused (then it is suppressed), and the reason recorded in the delivery log.
 */
record SendFailure(boolean permanent, boolean hardBounce, String reason) {

    static SendFailure of(Throwable failure) {
        SMTPException smtp = smtpCause(failure);
        boolean permanent = failure instanceof TemplateException || smtp != null && smtp.isPermanent();
        return new SendFailure(
                permanent,
                smtp != null && hardBounce(smtp.getReplyCode(), smtp.getReplyMessage()),
                describe(failure, smtp));
    }

    /** The wait after {@code attempts} failed attempts: {@code initial}, doubling per attempt, at most {@code max}. */
    static Duration backoff(Duration initial, Duration max, int attempts) {
        Duration wait = initial.multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** 550/551/553 and enhanced 5.1.x: the mailbox does not exist or is not accepted. */
    static boolean hardBounce(int code, String message) {
        return code == 550
                || code == 551
                || code == 553
                || String.valueOf(message).matches("(?s).*\\b5\\.1\\.\\d+.*");
    }

    private static SMTPException smtpCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SMTPException smtp) {
                return smtp;
            }
        }
        return null;
    }

    private static String describe(Throwable failure, SMTPException smtp) {
        String text = smtp != null
                ? "SMTP " + smtp.getReplyCode() + " " + smtp.getReplyMessages()
                : failure instanceof TimeoutException
                        ? "no answer from the SMTP server in time"
                        : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
