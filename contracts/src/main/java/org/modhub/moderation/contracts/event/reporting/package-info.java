/** Payloads of {@code reporting.events}, published by reporting-service. */
package org.modhub.moderation.contracts.event.reporting;
