package org.modhub.moderation.kit.hub;

/** A failure worth one more try: a 5xx, a 408 or 429, a refused or dropped connection. */
class HubTransientException extends RuntimeException {

    HubTransientException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
