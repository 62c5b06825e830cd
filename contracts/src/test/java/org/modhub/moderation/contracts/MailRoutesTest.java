package org.modhub.moderation.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.MailRoutes.Owner;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;

class MailRoutesTest {

    private static final String ID = "7d444840-9dc0-11d1-b245-5ffdce74fad2";

    @Test
    void aReplyGoesToItsThreadsOwnerWhicheverMailboxItArrivedIn() {
        assertThat(MailRoutes.route(Mailboxes.SAFETY, "decision:" + ID)).contains(Owner.APPEALS);
        assertThat(MailRoutes.route(Mailboxes.DMCA, "decision:" + ID)).contains(Owner.APPEALS);
        assertThat(MailRoutes.route(Mailboxes.SAFETY, "outcome:" + ID)).contains(Owner.APPEALS);
        assertThat(MailRoutes.route(Mailboxes.LEGAL, "dmca_notice:" + ID)).contains(Owner.DMCA);
        assertThat(MailRoutes.route(Mailboxes.LEGAL, "case:" + ID)).contains(Owner.REVIEW);
        assertThat(MailRoutes.route(Mailboxes.FEEDBACK, "report:" + ID)).contains(Owner.REPORTING);
    }

    @Test
    void mailOnNoThreadGoesToItsMailboxesIntakeAndFeedbackIsKeptForStaff() {
        assertThat(MailRoutes.route(Mailboxes.SAFETY, null)).contains(Owner.REPORTING);
        assertThat(MailRoutes.route(Mailboxes.DMCA, null)).contains(Owner.DMCA);
        assertThat(MailRoutes.route(Mailboxes.LEGAL, null)).contains(Owner.APPEALS);
        assertThat(MailRoutes.route(Mailboxes.FEEDBACK, null)).isEmpty();
        assertThat(MailRoutes.route(Mailboxes.SAFETY, "unknown:" + ID)).contains(Owner.REPORTING);
        assertThat(MailRoutes.route(Mailboxes.FEEDBACK, "nonsense")).isEmpty();
    }

    @Test
    void aReplyToAWarningOrSuspensionIsKeptForStaffWhicheverMailboxItArrivedIn() {
        assertThat(MailRoutes.route(Mailboxes.SAFETY, "notifier:" + ID)).isEmpty();
        assertThat(MailRoutes.route(Mailboxes.LEGAL, "appellant:" + ID)).isEmpty();
    }

    @Test
    void inboundMailIsKeyedByItsOwner() {
        InboundMailReceived mail = new InboundMailReceived(
                Mailboxes.SAFETY,
                "<m@x>",
                null,
                List.of(),
                "decision:" + ID,
                "a@example.org",
                List.of("safety@hub.example"),
                "Re: decision",
                "I disagree",
                Instant.EPOCH,
                List.of());
        assertThat(mail.partitionKey()).isEqualTo("appeals");
        assertThat(mail.isFor(Owner.APPEALS)).isTrue();
        assertThat(mail.isFor(Owner.REPORTING)).isFalse();
    }
}
