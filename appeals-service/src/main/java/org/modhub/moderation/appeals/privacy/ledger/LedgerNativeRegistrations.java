package org.modhub.moderation.appeals.privacy.ledger;

import org.modhub.moderation.contracts.event.privacy.PersonalDataItem;
import org.modhub.moderation.contracts.event.privacy.PrivacyAnswered;
import org.modhub.moderation.contracts.event.privacy.PrivacyRequested;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The privacy events the ledger writes and reads, kept for Jackson in a native image. */
@RegisterForReflection(targets = {PrivacyRequested.class, PrivacyAnswered.class, PersonalDataItem.class})
final class LedgerNativeRegistrations {

    private LedgerNativeRegistrations() {}
}
