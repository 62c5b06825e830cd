package org.modhub.moderation.kit.testapp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.modhub.moderation.contracts.event.privacy.ItemTreatment;
import org.modhub.moderation.contracts.event.privacy.PersonalDataItem;
import org.modhub.moderation.kit.privacy.Person;
import org.modhub.moderation.kit.privacy.PersonalDataHolder;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The test app's personal data: notes by owner address; a held note stays through an erasure. */
@ApplicationScoped
public class TestPersonalData implements PersonalDataHolder {

    static final String WHY = "a test note, kept 30 days";
    static final String HOLD = "test hold";

    @Override
    public Uni<List<PersonalDataItem>> find(Person person) {
        return notes(person).map(rows -> {
            List<PersonalDataItem> items = new ArrayList<>();
            for (Object[] r : rows) {
                items.add(new PersonalDataItem(
                        "test-note",
                        r[0].toString(),
                        "a note you wrote",
                        WHY,
                        ItemTreatment.FOUND,
                        null,
                        null,
                        Map.of("owner", (String) r[1], "body", (String) r[2])));
            }
            return items;
        });
    }

    @Override
    public Uni<List<PersonalDataItem>> erase(Person person) {
        return notes(person).chain(rows -> {
            List<PersonalDataItem> items = new ArrayList<>();
            List<UUID> erased = new ArrayList<>();
            for (Object[] r : rows) {
                boolean held = (Boolean) r[3];
                items.add(new PersonalDataItem(
                        "test-note",
                        r[0].toString(),
                        "a note you wrote",
                        WHY,
                        held ? ItemTreatment.HELD : ItemTreatment.ERASED,
                        held ? HOLD : null,
                        held ? Instant.parse("2030-01-01T00:00:00Z") : null,
                        Map.of()));
                if (!held) {
                    erased.add((UUID) r[0]);
                }
            }
            if (erased.isEmpty()) {
                return Uni.createFrom().item(items);
            }
            return Panache.getSession()
                    .chain(s -> s.createNativeQuery("DELETE FROM kit_test_person_note WHERE id IN (:ids)")
                            .setParameter("ids", erased)
                            .executeUpdate())
                    .replaceWith(items);
        });
    }

    private static Uni<List<Object[]>> notes(Person person) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT id, owner_email, body, held FROM kit_test_person_note "
                                        + "WHERE lower(owner_email) IN (:emails) ORDER BY written_at",
                                Object[].class)
                        .setParameter("emails", person.emailsOrNone())
                        .getResultList());
    }
}
