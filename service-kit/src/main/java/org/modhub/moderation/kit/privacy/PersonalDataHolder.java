package org.modhub.moderation.kit.privacy;

import java.util.List;

import org.modhub.moderation.contracts.event.privacy.PersonalDataItem;

import io.smallrye.mutiny.Uni;

/**
 * What one service holds about a person, and how it erases it: the one bean each service holding personal data
 * implements. {@link PrivacyDesk} calls it for every {@code PrivacyRequested}, inside the transaction that records
 * the request as handled, and publishes what it returns as the service's answer.
 */
public interface PersonalDataHolder {

    /**
     * Every item this service holds about the person, each {@code FOUND} with what it is, why it is kept and the data
     * itself field by field (an access request, GDPR Art. 15). Changes nothing.
     */
    Uni<List<PersonalDataItem>> find(Person person);

    /**
     * Erases what no rule keeps (GDPR Art. 17): deletes it ({@code ERASED}), or, where others rely on the record
     * (statements of reasons, transparency figures, the audit log), replaces the person's identifiers with
     * {@link Person#anonymousRef()} ({@code ANONYMISED}); what a legal hold keeps stays ({@code HELD}, naming the rule
     * and when it ends). Returns one item per record touched or kept, without its data. Runs in the caller's
     * transaction and must be safe to run twice: a second run finds only the holds.
     */
    Uni<List<PersonalDataItem>> erase(Person person);
}
