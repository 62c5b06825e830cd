/**
 * The event contract: every Kafka message is a CloudEvents 1.0 structured-mode JSON
 * {@link org.modhub.moderation.contracts.event.EventEnvelope} whose {@code data} is one payload
 * record ({@link org.modhub.moderation.contracts.event.EventPayload}), registered with its
 * versioned type name and topic in {@link org.modhub.moderation.contracts.event.EventTypes} and
 * encoded by {@link org.modhub.moderation.contracts.event.EventCodec}. Payloads live in one
 * sub-package per topic.
 */
package org.modhub.moderation.contracts.event;
