package org.modhub.moderation.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.notification.mail.ActionWording.Reader;

/** How an action reads for whoever gets the mail, without the stack. */
class ActionWordingTest {

    private static final ContentName MODEL = ContentName.of("model:acme/x", "en", "https://hub.example");
    private static final ContentName DISCUSSION =
            ContentName.of("discussion:dataset:acme/corpus#12", "en", "https://hub.example");

    @Test
    void disableHidesCommunityContentAndMakesARepositoryInaccessible() {
        assertThat(ActionWording.sentence("DISABLE", MODEL, Reader.OWNER, null))
                .isEqualTo("your model acme/x is no longer accessible: no one but you can open it");
        assertThat(ActionWording.sentence("DISABLE", DISCUSSION, Reader.OWNER, null))
                .endsWith("is hidden: no one but you can see it");
        assertThat(ActionWording.sentence("DISABLE", MODEL, Reader.NOTIFIER, null))
                .isEqualTo("the model acme/x is no longer accessible");
        assertThat(ActionWording.sentence("DISABLE", MODEL, Reader.OWNER_LIFTED, null))
                .isEqualTo("your model acme/x is accessible again");
    }

    @Test
    void theOwnerLearnsTheEndOfASuspensionTheNotifierOnlyThatThereIsOne() {
        assertThat(ActionWording.sentence("SUSPEND_ACCOUNT", MODEL, Reader.OWNER, "3 May 2026"))
                .isEqualTo("your account is suspended until 3 May 2026");
        assertThat(ActionWording.sentence("SUSPEND_ACCOUNT", MODEL, Reader.OWNER, null))
                .isEqualTo("your account is suspended");
        assertThat(ActionWording.sentence("SUSPEND_ACCOUNT", MODEL, Reader.NOTIFIER, "3 May 2026"))
                .isEqualTo("the account responsible is suspended");
    }

    @Test
    void codesAreReadInAnyCaseAndAnUnknownOneIsWordsNeverItsCode() {
        assertThat(ActionWording.sentence(" remove ", MODEL, Reader.OWNER, null))
                .isEqualTo("your model acme/x was removed from the hub");
        assertThat(ActionWording.sentence("SHADOW_BAN", MODEL, Reader.NOTIFIER, null))
                .isEqualTo("shadow ban (the model acme/x)");
        assertThat(ActionWording.sentence(null, MODEL, Reader.OWNER, null)).startsWith("an action");
    }

    @Test
    void anUnknownActionCountsAsARestrictionToBeSafe() {
        assertThat(ActionWording.restricts("NO_ACTION")).isFalse();
        assertThat(ActionWording.restricts("DISABLE")).isTrue();
        assertThat(ActionWording.restricts("SHADOW_BAN")).isTrue();
    }
}
