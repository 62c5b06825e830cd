package org.modhub.moderation.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;

/** Telling a mail's category from its words, without Quarkus or infrastructure. */
class MailKeywordsTest {

    @Test
    void aMailIsFiledUnderTheHarmItNames() {
        assertThat(MailKeywords.classify("This repo ships a Trojan in its pickle"))
                .contains(PolicySubcategory.MALWARE);
        assertThat(MailKeywords.classify("They keep stalking me in the comments"))
                .contains(PolicySubcategory.HARASSMENT);
        assertThat(MailKeywords.classify("The model card copies our copyrighted text"))
                .contains(PolicySubcategory.IP_INFRINGEMENT);
    }

    @Test
    void theMostSevereHarmNamedWins() {
        assertThat(MailKeywords.classify("spam account posting CSAM links"))
                .contains(PolicySubcategory.CHILD_SEXUAL_ABUSE_MATERIAL);
        assertThat(MailKeywords.classify("a phishing page that also installs malware"))
                .contains(PolicySubcategory.MALWARE);
    }

    @Test
    void aMailNamingNoHarmIsLeftForStaff() {
        assertThat(MailKeywords.classify("Please look at this model, something is off"))
                .isEmpty();
        assertThat(MailKeywords.classify(null)).isEmpty();
    }
}
