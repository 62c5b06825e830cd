package org.modhub.moderation.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;

/** Which mail an intake looks at: a person's, from a usable address; never a machine's. */
class MailScreenTest {

    static InboundMailReceived mail(String from, String subjectLine) {
        return new InboundMailReceived(
                "safety",
                "<m-1@mail.example.org>",
                null,
                List.of(),
                null,
                from,
                List.of("safety@hub.example"),
                subjectLine,
                "Please look at https://hub.example/acme/model.",
                Instant.parse("2026-12-06T12:00:00Z"),
                List.of());
    }

    @Test
    void aPersonsMailYieldsTheirBareAddress() {
        assertThat(MailScreen.personSending(mail("Alice Example <alice@example.org>", "Spam model"), "a report"))
                .contains("alice@example.org");
    }

    @Test
    void mailWithNoUsableSenderIsIgnored() {
        assertThat(MailScreen.personSending(mail("Alice Example", "Spam model"), "a report"))
                .isEmpty();
    }

    @Test
    void autoRepliesAndBouncesAreIgnored() {
        assertThat(MailScreen.personSending(mail("alice@example.org", "Out of office: back Monday"), "a report"))
                .isEmpty();
        assertThat(MailScreen.personSending(mail("MAILER-DAEMON@mail.example.org", "Returned mail"), "an appeal"))
                .isEmpty();
        assertThat(MailScreen.personSending(mail("no-reply@example.org", "Your ticket"), "a report"))
                .isEmpty();
    }
}
