package org.modhub.moderation.notification.mail;

/** The message cannot be understood well enough to pass on; it goes to quarantine. */
public class UnparsableMailException extends Exception {

    public UnparsableMailException(String message, Throwable cause) {
        super(message, cause);
    }
}
