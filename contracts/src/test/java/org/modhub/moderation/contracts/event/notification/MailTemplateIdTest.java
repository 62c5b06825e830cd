package org.modhub.moderation.contracts.event.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MailTemplateIdTest {

    @Test
    void idsAreUniqueAndValidTemplateIds() {
        assertThat(MailTemplateId.ids()).hasSize(MailTemplateId.values().length);
        for (MailTemplateId template : MailTemplateId.values()) {
            assertThat(MailTemplateId.of(template.id())).contains(template);
            assertThat(template.id()).matches("[a-z0-9][a-z0-9._-]{0,63}");
            assertThat(template.required()).isNotEmpty().doesNotHaveDuplicates();
        }
        assertThat(MailTemplateId.of("no-such-mail")).isEmpty();
    }

    @Test
    void aRequestLackingARequiredParameterIsRefusedNamingIt() {
        Map<String, String> parameters =
                new HashMap<>(Map.of("reason", "Repeated unfounded reports.", "until", "2026-06-01T00:00:00Z"));
        NotificationRequested ok = NotificationRequested.of(
                MailTemplateId.NOTIFIER_SUSPENSION,
                "a@example.org",
                "alice",
                "en",
                parameters,
                "notifier:abc",
                "safety",
                "k-1",
                Instant.parse("2026-05-01T00:00:00Z"));
        assertThat(ok.templateId()).isEqualTo("notifier-suspension");

        parameters.put("until", " ");
        assertThatThrownBy(() -> NotificationRequested.of(
                        MailTemplateId.NOTIFIER_SUSPENSION,
                        "a@example.org",
                        "alice",
                        "en",
                        parameters,
                        "notifier:abc",
                        "safety",
                        "k-1",
                        Instant.parse("2026-05-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("until");
    }
}
