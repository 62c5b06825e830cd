package org.modhub.moderation.kit.inbox;

/**
 * A message that can never be processed (unreadable, unknown type, invalid payload). It goes to
 * the dead-letter topic at once instead of being retried.
 */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message) {
        super(message);
    }

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
