/**
 * Data subjects' requests (GDPR Arts. 15 and 17) as they travel between the services: appeals-service publishes a
 * {@link org.modhub.moderation.contracts.event.privacy.PrivacyRequested} on {@code privacy.requests}; every service
 * holding personal data answers with {@link org.modhub.moderation.contracts.event.privacy.PrivacyAnswered} on
 * {@code privacy.answers}, saying per item what it holds, why, and what it did.
 */
package org.modhub.moderation.contracts.event.privacy;
