package org.modhub.moderation.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.appeals.domain.Party;
import org.modhub.moderation.appeals.persistence.DecisionCopyEntity;
import org.modhub.moderation.appeals.persistence.ReportNotifierEntity;
import org.modhub.moderation.contracts.event.appeals.AppellantRole;
import org.modhub.moderation.kit.problem.ProblemException;

/** Who may appeal a decision (DSA Art. 20(1)), as a pure rule: no Quarkus, no infrastructure. */
class PartyTest {

    @Test
    void theOwnerOfARestrictedSubjectMayAppeal() {
        assertThat(Party.of(decision("alice", true), List.of(), "alice"))
                .isEqualTo(new Party(AppellantRole.OWNER, null));
    }

    @Test
    void theOwnersCountryIsTheHubsAndWhatTheyStateIsIgnored() {
        DecisionCopyEntity decision = decision("alice", true);
        decision.ownerCountry = "AU";
        Party owner = Party.of(decision, List.of(), "alice");
        assertThat(owner).isEqualTo(new Party(AppellantRole.OWNER, "AU"));
        assertThat(owner.residence("DE")).isEqualTo("AU");
        decision.ownerCountry = null;
        assertThat(Party.of(decision, List.of(), "alice").residence("DE")).isNull();
    }

    @Test
    void aNotifiersStatedCountryWinsOverTheOneTheirReportNamed() {
        Party notifier = Party.of(decision("alice", false), List.of(notifier("bob", "AT")), "bob");
        assertThat(notifier.residence("FR")).isEqualTo("FR");
        assertThat(notifier.residence(null)).isEqualTo("AT");
    }

    @Test
    void aNotifierMayAppealWhateverTheDecisionDidAndTheirReportNamesTheirCountry() {
        List<ReportNotifierEntity> notifiers = List.of(notifier("bob", "AT"), notifier("carol", "FR"));
        assertThat(Party.of(decision("alice", false), notifiers, "carol"))
                .isEqualTo(new Party(AppellantRole.NOTIFIER, "FR"));
        assertThat(Party.of(decision("alice", true), notifiers, "bob"))
                .isEqualTo(new Party(AppellantRole.NOTIFIER, "AT"));
    }

    @Test
    void theOwnerOfContentLeftUnrestrictedIsToldWhyTheyCannotAppeal() {
        assertThatThrownBy(() -> Party.of(decision("alice", false), List.of(), "alice"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.type()).isEqualTo("urn:modhub:problem:not-appealable");
                    assertThat(e.getMessage()).contains("placed no restriction on your content");
                });
    }

    @Test
    void anyoneElseSeesNoSuchDecision() {
        assertThatThrownBy(() -> Party.of(decision("alice", true), List.of(notifier("bob", "AT")), "mallory"))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    private static DecisionCopyEntity decision(String owner, boolean restricts) {
        DecisionCopyEntity decision = new DecisionCopyEntity();
        decision.decisionId = UUID.randomUUID();
        decision.ownerId = owner;
        decision.restricts = restricts;
        return decision;
    }

    private static ReportNotifierEntity notifier(String account, String country) {
        ReportNotifierEntity notifier = new ReportNotifierEntity();
        notifier.reportId = UUID.randomUUID();
        notifier.reporterId = account;
        notifier.jurisdiction = country;
        return notifier;
    }
}
