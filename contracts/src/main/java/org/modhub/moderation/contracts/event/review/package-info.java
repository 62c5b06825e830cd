/**
 * Payloads of {@code review.events}, published by review-service, the single ledger of
 * enforcement: every restriction the hub applies or lifts is a {@code DecisionTaken} or
 * {@code DecisionReversed} here.
 */
package org.modhub.moderation.contracts.event.review;
