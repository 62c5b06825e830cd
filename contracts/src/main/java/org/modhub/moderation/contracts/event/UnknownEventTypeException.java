package org.modhub.moderation.contracts.event;

/** An event type name, or payload class, that {@link EventTypes} does not know. */
public class UnknownEventTypeException extends IllegalArgumentException {

    public UnknownEventTypeException(String message) {
        super(message);
    }
}
