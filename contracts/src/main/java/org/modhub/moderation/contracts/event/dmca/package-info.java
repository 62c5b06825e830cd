/**
 * Payloads of {@code dmca.events}, published by dmca-service. Review-service turns takedowns and
 * restorations into recorded decisions on {@code review.events}.
 */
package org.modhub.moderation.contracts.event.dmca;
