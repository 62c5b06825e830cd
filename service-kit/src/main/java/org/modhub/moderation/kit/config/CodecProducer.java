package org.modhub.moderation.kit.config;

import org.modhub.moderation.contracts.event.EventCodec;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The contracts' event codec (envelope and payload JSON) as a bean. */
public class CodecProducer {

    @Produces
    @Singleton
    EventCodec eventCodec() {
        return new EventCodec();
    }
}
