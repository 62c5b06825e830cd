package org.modhub.moderation.contracts.dsa;

import java.util.List;
import java.util.Set;

/**
 * Language codes for the statement's {@code content_language}: upper-case ISO 639-1 codes, exactly
 * the list the Transparency Database accepts ({@code EuropeanLanguagesService::ALL_LANGUAGES} in
 * the EU's repository {@code digital-services-act/transparency-database}). The API compares
 * case-sensitively, so {@code "en"} is rejected where {@code "EN"} is accepted.
 */
public final class DsaLanguages {

    /** The 24 official languages of the EU, as the API lists them first. */
    public static final List<String> EU = List.of(
            "EN", "BG", "HR", "CS", "DA", "NL", "ET", "FI", "FR", "DE", "EL", "HU", "GA", "IT", "LV", "LT", "MT", "PL",
            "PT", "RO", "SK", "SL", "ES", "SV");

    /** Every code the API accepts (184 ISO 639-1 codes). */
    public static final Set<String> ALL = Set.of(
            "AB", "AA", "AF", "AK", "SQ", "AM", "AR", "AN", "HY", "AS", "AV", "AE", "AY", "AZ", "BM", "BA", "EU", "BE",
            "BN", "BH", "BI", "BS", "BR", "BG", "MY", "CA", "KM", "CH", "CE", "NY", "ZH", "CU", "CV", "KW", "CO", "CR",
            "HR", "CS", "DA", "DV", "NL", "DZ", "EN", "EO", "ET", "EE", "FO", "FJ", "FI", "FR", "FF", "GD", "GL", "LG",
            "KA", "DE", "KI", "EL", "KL", "GN", "GU", "HT", "HA", "HE", "HZ", "HI", "HO", "HU", "IS", "IO", "IG", "ID",
            "IA", "IE", "IU", "IK", "GA", "IT", "JA", "JV", "KN", "KR", "KS", "KK", "RW", "KV", "KG", "KO", "KJ", "KU",
            "KY", "LO", "LA", "LV", "LB", "LI", "LN", "LT", "LU", "MK", "MG", "MS", "ML", "MT", "GV", "MI", "MR", "MH",
            "RO", "MN", "NA", "NV", "ND", "NG", "NE", "SE", "NO", "NB", "NN", "II", "OC", "OJ", "OR", "OM", "OS", "PI",
            "PA", "PS", "FA", "PL", "PT", "QU", "RM", "RN", "RU", "SM", "SG", "SA", "SC", "SR", "SN", "SD", "SI", "SK",
            "SL", "SO", "ST", "NR", "ES", "SU", "SW", "SS", "SV", "TL", "TY", "TG", "TA", "TT", "TE", "TH", "BO", "TI",
            "TO", "TS", "TN", "TR", "TK", "TW", "UG", "UK", "UR", "UZ", "VE", "VI", "VO", "WA", "CY", "FY", "WO", "XH",
            "YI", "YO", "ZA", "ZU");

    private DsaLanguages() {}
}
