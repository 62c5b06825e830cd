package org.modhub.moderation.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The pure rules behind the wording, without the stack: dates, names of content, redress by country. */
class MailWordingRulesTest {

    @Test
    void instantsAndDatesAreWrittenOutInUtcWithTheZoneNamed() {
        assertThat(MailDates.readable("2026-05-03T10:00:00Z", "en")).isEqualTo("3 May 2026, 10:00 UTC");
        assertThat(MailDates.readable("2026-05-03T10:00:00.123456Z", "en")).isEqualTo("3 May 2026, 10:00 UTC");
        assertThat(MailDates.readable("2026-05-03T12:00:00+02:00", "en")).isEqualTo("3 May 2026, 10:00 UTC");
        assertThat(MailDates.readable("2026-05-03T10:00:00Z", "de")).isEqualTo("3. Mai 2026, 10:00 UTC");
        assertThat(MailDates.readable("2026-05-22", "en")).isEqualTo("22 May 2026");
        assertThat(MailDates.readable("ended on 2026-11-03.", "en")).isEqualTo("ended on 3 November 2026.");
    }

    @Test
    void whatIsNotADateOrSitsInALinkIsLeftAlone() {
        assertThat(MailDates.readable("policy 2026-01", "en")).isEqualTo("policy 2026-01");
        assertThat(MailDates.readable("2026-13-45", "en")).isEqualTo("2026-13-45");
        assertThat(MailDates.readable("id 7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d", "en"))
                .isEqualTo("id 7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d");
        assertThat(MailDates.readable("see https://hub.example/2026-05-03T10:00:00Z/x", "en"))
                .isEqualTo("see https://hub.example/2026-05-03T10:00:00Z/x");
        assertThat(MailDates.readable("case 3:26-cv-01234", "en")).isEqualTo("case 3:26-cv-01234");
        assertThat(MailDates.readable(null, "en")).isNull();
    }

    @Test
    void aSubjectKeyThatCannotBeReadIsShownAsGivenWithoutALink() {
        ContentName name = ContentName.of("not a key", "en", "https://hub.example");
        assertThat(name.the()).isEqualTo("not a key");
        assertThat(name.linked()).isFalse();
        assertThat(ContentName.of("dataset:x/y", "en", "https://hub.example/").url())
                .isEqualTo("https://hub.example/datasets/x/y");
        assertThat(ContentName.of("dataset:x/y", "de", "https://hub.example").kind())
                .isEqualTo("Datensatz");
    }

    @Test
    void outOfCourtSettlementForTheEuTheESafetyCommissionerForAustraliaBothWhenUnknown() {
        assertThat(redress("DE")).containsEntry("outOfCourt", true).containsEntry("esafety", false);
        assertThat(redress("au")).containsEntry("outOfCourt", false).containsEntry("esafety", true);
        assertThat(redress("US")).containsEntry("outOfCourt", false).containsEntry("esafety", false);
        assertThat(redress(null)).containsEntry("outOfCourt", true).containsEntry("esafety", true);
        assertThat(redress(" ")).containsEntry("outOfCourt", true).containsEntry("esafety", true);
    }

    private static Map<String, Object> redress(String country) {
        Map<String, String> parameters = new HashMap<>();
        if (country != null) {
            parameters.put(MailWording.RECIPIENT_COUNTRY, country);
        }
        parameters.put("redress", "internal-complaint,out-of-court-dispute-settlement,judicial-redress");
        Map<String, Object> data = new HashMap<>();
        MailWording.putRedress(data, parameters);
        return data;
    }
}
