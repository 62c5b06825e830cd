/** Payloads of {@code appeals.events}, published by appeals-service (internal complaints, DSA Art. 20; out-of-court disputes, Art. 21). */
package org.modhub.moderation.contracts.event.appeals;
