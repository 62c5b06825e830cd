package org.modhub.moderation.review.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.kit.hub.HubAccount;
import org.modhub.moderation.kit.hub.HubSubject;
import org.modhub.moderation.kit.problem.ProblemException;

/** Choosing whom a decision concerns among the hub's owners, without Quarkus or a hub. */
class OwnershipTest {

    private static final Instant POSTED = Instant.parse("2025-04-01T10:00:00Z");
    private static final HubAccount ORG =
            new HubAccount("o-acme", "acme", HubAccount.Type.ORGANIZATION, "legal@acme.example", null, "US");
    private static final HubAccount ALICE =
            new HubAccount("u-alice", "alice", HubAccount.Type.USER, "alice@acme.example", "de", "DE");
    private static final HubAccount BOB = new HubAccount("u-bob", "bob", HubAccount.Type.USER, null, null, null);
    private static final HubSubject MODEL = new HubSubject(
            SubjectRef.model("acme", "llama"),
            HubSubject.Visibility.PUBLIC,
            POSTED,
            POSTED,
            List.of(ORG, ALICE, BOB),
            List.of());

    @Test
    void withoutAChoiceTheDecisionConcernsThePrimaryOwnerWithTheHubsFacts() {
        assertThat(Ownership.choose(MODEL, null, false))
                .isEqualTo(new HubFacts("o-acme", "legal@acme.example", null, "US", POSTED));
    }

    @Test
    void anAdminOfTheOrganisationCanBeChosenAndBringsTheirOwnLanguageAndCountry() {
        assertThat(Ownership.choose(MODEL, "u-alice", true))
                .isEqualTo(new HubFacts("u-alice", "alice@acme.example", "de", "DE", POSTED));
    }

    @Test
    void anAccountThatIsNotAmongTheOwnersIsRefusedNamingOwnerId() {
        ProblemException problem =
                catchThrowableOfType(ProblemException.class, () -> Ownership.choose(MODEL, "u-mallory", false));
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.type()).endsWith("not-an-owner");
        assertThat(problem.errors())
                .singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("ownerId"));
    }

    @Test
    void askingForChangesNeedsAnOwnerTheHubHasAnAddressFor() {
        ProblemException problem =
                catchThrowableOfType(ProblemException.class, () -> Ownership.choose(MODEL, "u-bob", true));
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("ownerId");
            assertThat(e.message()).contains("no e-mail address for bob");
        });
        // Any other decision about bob is fine: the statement waits in the ledger, and he can read it.
        assertThat(Ownership.choose(MODEL, "u-bob", false).ownerEmail()).isNull();
    }
}
