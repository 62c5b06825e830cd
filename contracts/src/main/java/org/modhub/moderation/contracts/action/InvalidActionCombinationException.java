package org.modhub.moderation.contracts.action;

/** A set of moderation actions that cannot be decided together, or not on that kind of subject. */
public class InvalidActionCombinationException extends IllegalArgumentException {

    public InvalidActionCombinationException(String message) {
        super(message);
    }
}
