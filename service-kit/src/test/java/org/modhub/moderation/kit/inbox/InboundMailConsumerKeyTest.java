package org.modhub.moderation.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.MailRoutes.Owner;

/** Which mail.inbound records a service reads at all (the decoded mail's thread decides after that). */
class InboundMailConsumerKeyTest {

    @Test
    void aServiceReadsTheRecordsKeyedForItAndTheMailboxWhoseIntakeItIs() {
        assertThat(InboundMailConsumer.isFor(Owner.APPEALS, "appeals")).isTrue();
        // Keyed by mailbox, as before the gateway keyed by owner: the mailbox's intake takes it.
        assertThat(InboundMailConsumer.isFor(Owner.APPEALS, "legal")).isTrue();
        assertThat(InboundMailConsumer.isFor(Owner.REPORTING, "safety")).isTrue();
        assertThat(InboundMailConsumer.isFor(Owner.DMCA, "dmca")).isTrue();
    }

    @Test
    void otherServicesRecordsAreSkippedUnread() {
        assertThat(InboundMailConsumer.isFor(Owner.REPORTING, "appeals")).isFalse();
        assertThat(InboundMailConsumer.isFor(Owner.REVIEW, "safety")).isFalse();
        assertThat(InboundMailConsumer.isFor(Owner.APPEALS, "feedback")).isFalse();
        assertThat(InboundMailConsumer.isFor(Owner.DMCA, null)).isFalse();
    }
}
