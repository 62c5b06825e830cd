package org.modhub.moderation.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.appeals.config.AppealsConfig;
import org.modhub.moderation.appeals.domain.Redress;

/** What the appeal-decided mail offers beyond our own review, by residence (a pure rule: no Quarkus, no infrastructure). */
class RedressTest {

    private static final AppealsConfig.Redress CONFIG = new AppealsConfig.Redress() {
        @Override
        public List<String> settlementBodies() {
            return List.of("Body A (https://a.example)", "Body B (https://b.example)");
        }

        @Override
        public String australianRegulator() {
            return "eSafety Commissioner (https://esafety.example)";
        }
    };

    @Test
    void anEuResidentIsOfferedTheSettlementBodiesAndTheCourtsNotTheRegulator() {
        assertThat(Redress.parameters("DE", "Reasons.", CONFIG))
                .containsEntry("recipientCountry", "DE")
                .containsEntry("settlementBodies", "Body A (https://a.example); Body B (https://b.example)")
                .containsEntry("reasons", "Reasons.")
                .doesNotContainKey("regulator");
    }

    @Test
    void anAustralianResidentIsOfferedTheRegulatorAndTheCourts() {
        assertThat(Redress.parameters("AU", "Reasons.", CONFIG))
                .containsEntry("recipientCountry", "AU")
                .containsEntry("regulator", "eSafety Commissioner (https://esafety.example)")
                .doesNotContainKey("settlementBodies");
    }

    @Test
    void anUnknownResidenceGetsBothSoNobodyMissesTheirs() {
        assertThat(Redress.parameters(null, "Reasons.", CONFIG))
                .containsKeys("settlementBodies", "regulator")
                .doesNotContainKey("recipientCountry");
    }

    @Test
    void aResidentElsewhereHasTheCourts() {
        assertThat(Redress.parameters("US", "Reasons.", CONFIG))
                .containsEntry("recipientCountry", "US")
                .doesNotContainKeys("settlementBodies", "regulator");
    }
}
