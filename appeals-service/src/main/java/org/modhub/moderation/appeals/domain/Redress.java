package org.modhub.moderation.appeals.domain;

import java.util.LinkedHashMap;
import java.util.Map;

import org.modhub.moderation.appeals.config.AppealsConfig;
import org.modhub.moderation.contracts.dsa.DsaTerritories;

/**
 * What an appellant is told beyond the internal complaint: EU residents the certified out-of-court
 * dispute settlement bodies (DSA Art. 21), Australian residents the regulator's complaint path,
 * everyone the courts. When the residence is unknown both options are told, so no EU or Australian
 * resident misses theirs.
 */
public final class Redress {

    private Redress() {}

    /**
     * The outcome mail's parameters for the further redress: {@code recipientCountry} (the residence, when known, which
     * the template decides by), {@code settlementBodies} (EU, and unknown residence) and {@code regulator} (Australia,
     * and unknown residence); {@code reasons} is the reviewer's explanation alone. The template owns the words that
     * offer them.
     */
    public static Map<String, String> parameters(String residence, String explanation, AppealsConfig.Redress config) {
        boolean unknown = residence == null;
        Map<String, String> parameters = new LinkedHashMap<>();
        if (!unknown) {
            parameters.put("recipientCountry", residence);
        }
        if (unknown || DsaTerritories.EU.contains(residence)) {
            parameters.put("settlementBodies", String.join("; ", config.settlementBodies()));
        }
        if (unknown || "AU".equals(residence)) {
            parameters.put("regulator", config.australianRegulator());
        }
        parameters.put("reasons", explanation);
        return parameters;
    }
}
