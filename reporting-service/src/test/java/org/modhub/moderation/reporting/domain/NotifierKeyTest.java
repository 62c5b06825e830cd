package org.modhub.moderation.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.kit.problem.ProblemException;

/** Notifier keys and the threads of their mails, without Quarkus or infrastructure. */
class NotifierKeyTest {

    @Test
    void aMailNotifierIsKnownByTheirAddressInLowerCase() {
        NotifierKey key = NotifierKey.parse("email:Alice@Example.ORG", "notifier");
        assertThat(key).isEqualTo(NotifierKey.email("alice@example.org"));
        assertThat(key.isUser()).isFalse();
        assertThat(key.emailAddress()).isEqualTo("alice@example.org");
        assertThat(key.accountId()).isNull();
    }

    @Test
    void aHubAccountIsKnownByItsId() {
        NotifierKey key = NotifierKey.parse("user:42", "notifier");
        assertThat(key).isEqualTo(NotifierKey.user("42"));
        assertThat(key.accountId()).isEqualTo("42");
        assertThat(key.emailAddress()).isNull();
    }

    @Test
    void anythingElseIsRefusedNamingTheField() {
        for (String bad : new String[] {null, "", "user:", "email:nobody", "alice@example.org", "admin:1"}) {
            assertThatThrownBy(() -> NotifierKey.parse(bad, "notifier"))
                    .isInstanceOf(ProblemException.class)
                    .satisfies(e -> assertThat(((ProblemException) e).errors())
                            .singleElement()
                            .satisfies(error -> assertThat(error.field()).isEqualTo("notifier")));
        }
    }

    @Test
    void aNotifiersStandingThreadNamesNoAddress() {
        String thread = MailThreads.notifier("email:alice@example.org");
        assertThat(thread)
                .startsWith("notifier:")
                .doesNotContain("alice")
                .isEqualTo(MailThreads.notifier("email:alice@example.org"));
        assertThat(MailThreads.notifier("email:bob@example.org")).isNotEqualTo(thread);
    }
}
