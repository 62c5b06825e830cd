package org.modhub.moderation.contracts.event;

/**
 * A message that is not a valid event of this contract: malformed JSON, a broken envelope, or
 * data that its type's record rejects. Consumers send such a message to their dead-letter topic
 * with {@link #getMessage()} as the reason.
 */
public class EventDecodingException extends IllegalArgumentException {

    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
