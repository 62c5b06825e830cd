package org.modhub.moderation.kit.testapp;

import java.util.UUID;

import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.kit.outbox.Outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/** Writes a note and its event in one transaction, the way every service writes state. */
@ApplicationScoped
public class NoteService {

    private final Outbox outbox;

    public NoteService(Outbox outbox) {
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<UUID> write(String group, String text, boolean failAfterOutbox) {
        UUID id = UUID.randomUUID();
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("INSERT INTO kit_test_note (id, text) VALUES (:id, :text)")
                        .setParameter("id", id)
                        .setParameter("text", text)
                        .executeUpdate())
                .chain(() -> outbox.publish(Topics.REPORTING_EVENTS, "/kit-test", TestEvents.note(id, group, text)))
                .invoke(() -> {
                    if (failAfterOutbox) {
                        throw new IllegalStateException("failing after the outbox write, on purpose");
                    }
                })
                .replaceWith(id);
    }

    /** Validated by Hibernate Validator when called, also from inside a Uni chain. */
    public Uni<String> checked(@Valid NoteRequest request, @NotBlank String group) {
        return Uni.createFrom().item(group + ":" + request.text());
    }
}
