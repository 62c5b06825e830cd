package org.modhub.moderation.notification.domain;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.validation.PageCursor;
import org.modhub.moderation.notification.persistence.UnmatchedMailEntity;
import org.modhub.moderation.notification.persistence.UnmatchedMailRepository;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Staff work on mail no service owns: read it, and mark it handled (audited). */
@ApplicationScoped
public class UnmatchedMailService {

    /** One kept mail with what staff see beside it. */
    public record Details(UnmatchedMailEntity mail, List<Object[]> attachments, String receiptStatus) {}

    private final UnmatchedMailRepository mails;
    private final AuditTrail audit;
    private final Clock clock;

    public UnmatchedMailService(UnmatchedMailRepository mails, AuditTrail audit, Clock clock) {
        this.mails = mails;
        this.audit = audit;
        this.clock = clock;
    }

    /** Newest first after the cursor; {@code limit} rows at most. */
    @WithSession
    public Uni<List<UnmatchedMailEntity>> list(PageCursor after, int limit) {
        return mails.newestFirst(after, limit);
    }

    @WithSession
    public Uni<Details> get(UUID id) {
        return find(id).chain(mail -> mails.attachmentsOf(id)
                .chain(attachments ->
                        mails.receiptStatusOf(id).map(receipt -> new Details(mail, attachments, receipt))));
    }

    /**
     * Marks a mail handled by {@code staffId}, with an audit line in the same transaction. Marking it again changes
     * nothing (the first handler and time stay, no second audit line), so a repeated click is harmless.
     */
    @WithTransaction
    public Uni<Details> markHandled(UUID id, String staffId) {
        return find(id).chain(mail -> {
                    if (mail.handledAt != null) {
                        return Uni.createFrom().voidItem();
                    }
                    mail.handledAt = clock.instant();
                    mail.handledBy = staffId;
                    return audit.record(
                            staffId,
                            "unmatched-mail.handled",
                            "UnmatchedMail",
                            id,
                            null,
                            "mail " + mail.messageId + " to " + mail.mailbox + " marked handled");
                })
                .chain(() -> get(id));
    }

    private Uni<UnmatchedMailEntity> find(UUID id) {
        return mails.findById(id).map(mail -> {
            if (mail == null) {
                throw ProblemException.notFound("Unmatched mail", id);
            }
            return mail;
        });
    }
}
