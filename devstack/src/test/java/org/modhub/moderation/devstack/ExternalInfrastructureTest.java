package org.modhub.moderation.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Mailboxes;

/** The DEVSTACK_* variables, pointed at the shared stack as if it were someone else's servers. */
class ExternalInfrastructureTest {

    @Test
    void withEveryVariableSetNothingIsStartedAndOnlyDatabasesAreCreated() {
        DevStack shared = DevStack.shared();

        try (DevStack external = DevStack.start(DevStackOptions.builder()
                .env(shared.externalEnvironment())
                .databases(List.of("external_probe"))
                .build())) {
            assertThat(external.postgres().isEmbedded()).isFalse();
            assertThat(external.postgres().isControllable()).isFalse();
            assertThat(external.kafka().isEmbedded()).isFalse();
            assertThat(external.mail().isEmbedded()).isFalse();
            assertThat(external.postgres().port()).isEqualTo(shared.postgres().port());
            assertThat(external.kafka().bootstrapServers())
                    .isEqualTo(shared.kafka().bootstrapServers());
            assertThat(shared.postgres().databaseExists("external_probe")).isTrue();
            assertThat(external.config("external_probe"))
                    .containsEntry(
                            "devstack.mail.safety.password", shared.mail().password(Mailboxes.SAFETY));

            // Reading mail works over the wire alone.
            String subject = KafkaClients.unique("external");
            external.mail().send("carol@example.org", external.mail().address(Mailboxes.DMCA), subject, "Notice.");
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(external.mail().messages(Mailboxes.DMCA))
                            .extracting(ReceivedMail::subject)
                            .contains(subject));
        }

        // Closing the external view stopped nothing.
        assertThat(shared.kafka().isRunning()).isTrue();
        assertThat(shared.postgres().databaseExists("external_probe")).isTrue();
    }

    @Test
    void anExternalComponentCannotBeStopped() {
        KafkaServer external = KafkaServer.external("127.0.0.1:1");

        org.assertj.core.api.Assertions.assertThatThrownBy(external::stop)
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
