package org.modhub.moderation.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.notification.domain.InboundService.Outcome;
import org.modhub.moderation.notification.mail.ParsedMail;

/** Where an inbound mail goes, decided by its thread, without the stack. */
class InboundRoutingTest {

    @Test
    void aMailOnAThreadGoesToTheThreadsOwnerWhateverMailboxItCameTo() {
        assertThat(InboundRouting.outcomeOf(ParsedMail.Kind.ORDINARY, "feedback", "report:r-1"))
                .isEqualTo(Outcome.PUBLISHED);
        assertThat(InboundRouting.outcomeOf(ParsedMail.Kind.ORDINARY, "safety", "decision:d-1"))
                .isEqualTo(Outcome.PUBLISHED);
    }

    @Test
    void aMailOnNoThreadGoesToTheMailboxsIntakeAndWithoutOneIsKeptForStaff() {
        assertThat(InboundRouting.outcomeOf(ParsedMail.Kind.ORDINARY, "safety", null))
                .isEqualTo(Outcome.PUBLISHED);
        assertThat(InboundRouting.outcomeOf(ParsedMail.Kind.ORDINARY, "feedback", null))
                .isEqualTo(Outcome.KEPT_FOR_STAFF);
        // No service answers a reply to a notifier's warning: staff read it, even in a mailbox with an intake.
        assertThat(InboundRouting.outcomeOf(ParsedMail.Kind.ORDINARY, "safety", "notifier:kim"))
                .isEqualTo(Outcome.KEPT_FOR_STAFF);
    }

    @Test
    void machinesMailIsNeverPassedOn() {
        assertThat(InboundRouting.outcomeOf(ParsedMail.Kind.AUTO_REPLY, "safety", "report:r-1"))
                .isEqualTo(Outcome.AUTOMATED);
        assertThat(InboundRouting.outcomeOf(ParsedMail.Kind.DELIVERY_REPORT, "bounces", null))
                .isEqualTo(Outcome.BOUNCE);
    }

    @Test
    void theThreadIsThatOfTheMostDirectlyAnsweredMailOfOurs() {
        ParsedMail reply = mail(List.of("safety@hub.example"), "<direct@x>", List.of("<oldest@hub>", "<newer@hub>"));
        assertThat(InboundRouting.answered(reply)).containsExactly("<direct@x>", "<newer@hub>", "<oldest@hub>");
        assertThat(InboundRouting.threadOfFirst(
                        InboundRouting.answered(reply),
                        Map.of("<oldest@hub>", "report:old", "<newer@hub>", "appeal:new")))
                .isEqualTo("appeal:new");
        assertThat(InboundRouting.threadOfFirst(InboundRouting.answered(reply), Map.of()))
                .isNull();
    }

    @Test
    void aPlusAddressTokenIsFoundOnlyOnTheMailboxItCameTo() {
        String token = ThreadTokens.newToken();
        ParsedMail mail = mail(List.of("kim@example.org", "Safety+" + token + "@hub.example"), null, List.of());
        assertThat(InboundRouting.tokenOf(mail, "safety@hub.example")).isEqualTo(token);
        assertThat(InboundRouting.tokenOf(mail, "dmca@hub.example")).isNull();
    }

    private static ParsedMail mail(List<String> recipients, String inReplyTo, List<String> references) {
        return new ParsedMail(
                "<m@example.org>",
                inReplyTo,
                references,
                "kim@example.org",
                recipients,
                "Hello",
                "text",
                List.of(),
                ParsedMail.Kind.ORDINARY,
                null);
    }
}
