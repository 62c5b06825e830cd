package org.modhub.moderation.kit.hub;

/**
 * An answer (or a request) the directory will not use: off the configured host, a redirect, a body over the bound.
 * Not retried: asking again would get the same answer. The caller still gets a 503, since the hub did not answer
 * usably.
 */
class HubRefusedException extends RuntimeException {

    HubRefusedException(String message) {
        super(message, null, false, false);
    }
}
