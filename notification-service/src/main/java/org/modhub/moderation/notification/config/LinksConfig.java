package org.modhub.moderation.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The addresses mails point people to: the content they are about, where to complain, the bodies outside the hub.
 * Kept apart from {@link NotificationConfig} (sending and the gateway) because only the templates read it.
 */
@ConfigMapping(prefix = "notification.links")
public interface LinksConfig {

    /** The hub's public address; content is linked below it ({@code model:acme/x} → {@code <hub>/acme/x}). */
    @WithDefault("https://huggingface.co")
    String hubUrl();

    /** The form where a person contests a decision (the internal complaint, DSA Art. 20). */
    String appealForm();

    /** The appeals API a complaint may be filed through ({@code POST}, appeals-service's {@code /api/v1/appeals}). */
    String appealsApi();

    /** The address complaints are written to: the policy's legal@ ("How you can contest a moderation decision"). */
    String legalAddress();

    /** The address reports go to (safety@): named where a mail invites more information on a report. */
    String safetyAddress();

    /** The address copyright notices go to (dmca@). */
    String dmcaAddress();

    /** The hub's Content Policy, which decisions cite. */
    String contentPolicy();

    /** The European Commission's list of certified out-of-court dispute settlement bodies (DSA Art. 21). */
    @WithDefault("https://digital-strategy.ec.europa.eu/en/policies/dsa-out-court-dispute-settlement")
    String disputeSettlementBodies();

    /** Where Australian residents complain to the eSafety Commissioner (Online Safety Act 2021). */
    @WithDefault("https://www.esafety.gov.au/report")
    String esafetyComplaint();
}
