package org.modhub.moderation.contracts.event.appeals;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

import java.time.Instant;
import java.util.UUID;

import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.subject.SubjectRef;

/**
 * An appeal against a decision was filed, within six months of the appellant being told of it.
 *
 * @param appealId the appeal's id
 * @param decisionId the decision appealed against
 * @param subject what the decision is about
 * @param appellantId hub user id of the appellant (or their mail key in appeals-service)
 * @param appellantRole owner or notifier
 * @param filedAt when
 */
public record AppealFiled(
        UUID appealId,
        UUID decisionId,
        SubjectRef subject,
        String appellantId,
        AppellantRole appellantRole,
        Instant filedAt)
        implements EventPayload {

    public static final String TYPE = "org.modhub.moderation.appeals.AppealFiled.v1";

    public AppealFiled {
        required(appealId, "appealId");
        required(decisionId, "decisionId");
        required(subject, "subject");
        text(appellantId, "appellantId");
        required(appellantRole, "appellantRole");
        required(filedAt, "filedAt");
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subjectKey() {
        return subject.key();
    }
}
