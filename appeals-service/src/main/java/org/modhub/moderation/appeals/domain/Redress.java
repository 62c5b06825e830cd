package org.modhub.moderation.appeals.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    public static final String OUT_OF_COURT = "out-of-court-dispute-settlement";
    public static final String AU_REGULATOR = "esafety-commissioner-complaint";
    public static final String JUDICIAL = "judicial-redress";

    private Redress() {
    }

    public static List<String> options(String residence) {
        List<String> options = new ArrayList<>();
        boolean unknown = residence == null;
        if (unknown || DsaTerritories.EU.contains(residence)) {
            options.add(OUT_OF_COURT);
        }
        if (unknown || "AU".equals(residence)) {
            options.add(AU_REGULATOR);
        }
        options.add(JUDICIAL);
        return options;
    }

    /**
     * The outcome mail's parameters for the further redress: {@code redress} (the options), {@code recipientCountry}
     * (the residence, when known, which the template decides by), {@code settlementBodies} (EU, and unknown residence)
     * and {@code regulator} (Australia, and unknown residence); {@code reasons} is the reviewer's explanation alone.
     * The template owns the words that offer them.
     */
    public static Map<String, String> parameters(String residence, String explanation, AppealsConfig.Redress config) {
        List<String> options = options(residence);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("redress", String.join(",", options));
        if (residence != null) {
            parameters.put("recipientCountry", residence);
        }
        if (options.contains(OUT_OF_COURT)) {
            parameters.put("settlementBodies", String.join("; ", config.settlementBodies()));
        }
        if (options.contains(AU_REGULATOR)) {
            parameters.put("regulator", config.australianRegulator());
        }
        parameters.put("reasons", explanation);
        return parameters;
    }
}
