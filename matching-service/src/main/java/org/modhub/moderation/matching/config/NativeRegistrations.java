package org.modhub.moderation.matching.config;

import org.modhub.moderation.contracts.event.matching.DerivativeFound;
import org.modhub.moderation.contracts.event.matching.MatchedFile;
import org.modhub.moderation.contracts.event.matching.UploadMatched;
import org.modhub.moderation.contracts.event.review.DecisionReversed;
import org.modhub.moderation.contracts.event.review.DecisionTaken;
import org.modhub.moderation.matching.api.CheckRequest;
import org.modhub.moderation.matching.api.CheckResponse;
import org.modhub.moderation.matching.api.HashResponse;
import org.modhub.moderation.matching.api.ImportResponse;
import org.modhub.moderation.matching.api.StatsResponse;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The event payloads and JSON records this service writes and reads, kept for Jackson in a native image. */
@RegisterForReflection(
        targets = {
            UploadMatched.class,
            MatchedFile.class,
            DerivativeFound.class,
            DecisionTaken.class,
            DecisionReversed.class,
            CheckRequest.class,
            CheckRequest.FileEntry.class,
            CheckResponse.class,
            CheckResponse.FileVerdict.class,
            CheckResponse.BaseModelVerdict.class,
            CheckResponse.Match.class,
            ImportResponse.class,
            StatsResponse.class,
            HashResponse.class,
            HashResponse.Holder.class
        })
public final class NativeRegistrations {

    private NativeRegistrations() {}
}
