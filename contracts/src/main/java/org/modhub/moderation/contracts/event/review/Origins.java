package org.modhub.moderation.contracts.event.review;

import static org.modhub.moderation.contracts.event.PayloadChecks.check;

import java.util.List;
import java.util.UUID;

/** Shared check that a case or decision names what led to it. */
final class Origins {

    private Origins() {}

    static void requireNamed(DecisionOrigin origin, List<UUID> reportIds, UUID noticeId, UUID appealId) {
        switch (origin) {
            case REPORT -> check(!reportIds.isEmpty(), "origin REPORT needs at least one reportId");
            case DMCA -> check(noticeId != null, "origin DMCA needs a noticeId");
            case APPEAL -> check(appealId != null, "origin APPEAL needs an appealId");
            case OWN_INITIATIVE -> {}
        }
    }
}
