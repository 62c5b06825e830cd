/**
 * Payloads of {@code matching.events}, published by matching-service: content the hash bank recognises in an
 * upload, and models derived from removed ones. Review opens a case from each, linked to the decision behind it;
 * nothing here restricts anything by itself.
 */
package org.modhub.moderation.contracts.event.matching;
