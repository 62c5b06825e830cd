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

    /** The mail parameters for the outcome mail: the options, the bodies and the regulator, and the reasons with them. */
    public static Map<String, String> parameters(String residence, String explanation, AppealsConfig.Redress config) {
        List<String> options = options(residence);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("redress", String.join(",", options));
        StringBuilder reasons = new StringBuilder(explanation);
        if (options.contains(OUT_OF_COURT)) {
            String bodies = String.join("; ", config.settlementBodies());
            parameters.put("settlementBodies", bodies);
            reasons.append("\n\nCertified out-of-court dispute settlement bodies (EU residents, DSA Art. 21): ").append(bodies)
                    .append('.');
        }
        if (options.contains(AU_REGULATOR)) {
            parameters.put("regulator", config.australianRegulator());
            reasons.append("\n\nAustralian residents may complain to the ").append(config.australianRegulator()).append('.');
        }
        parameters.put("reasons", reasons.toString());
        return parameters;
    }
}
