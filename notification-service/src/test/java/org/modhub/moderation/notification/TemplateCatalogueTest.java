package org.modhub.moderation.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.event.notification.MailTemplateId;
import org.modhub.moderation.notification.mail.MailTemplate;
import org.modhub.moderation.notification.mail.MailTemplates;

/** Every mail the other services may request (contracts' MailTemplateId) has a template here, needing the same parameters. */
class TemplateCatalogueTest {

    @Test
    void everyRequestableMailHasATemplateWithTheSameRequiredParameters() {
        for (MailTemplateId id : MailTemplateId.values()) {
            assertThat(MailTemplates.byId(id.id()))
                    .as("template for %s", id.id())
                    .isPresent();
            assertThat(MailTemplates.byId(id.id()).orElseThrow().required())
                    .as("required parameters of %s", id.id())
                    .containsExactlyInAnyOrderElementsOf(id.required());
        }
        assertThat(MailTemplates.all())
                .extracting(MailTemplate::id)
                .containsExactlyInAnyOrderElementsOf(MailTemplateId.ids());
    }
}
