/**
 * The EU DSA Transparency Database API (statement of reasons, API v2, in force since 1 July 2025):
 * its enumerations, the statement itself ({@link org.modhub.moderation.contracts.dsa.TransparencyStatement})
 * and the database's rules for it ({@link org.modhub.moderation.contracts.dsa.StatementValidator}).
 * Each enumeration constant's name is the exact string the API accepts, so {@code name()} is what
 * goes into a statement (only {@link org.modhub.moderation.contracts.dsa.DsaYesNo} writes the API's
 * "Yes"/"No" through its {@code apiValue()}); the label is the API's own human text.
 *
 * <p>Source: the API documentation (transparency.dsa.ec.europa.eu/page/api-documentation) and the
 * {@code digital-services-act/transparency-database} repository: {@code app/Models/Statement.php}
 * (decision, ground, source, account-type and content-type enumerations),
 * {@code resources/markdown/api-documentation-two.md} (the v2 attributes, category and keyword
 * lists), {@code app/Http/Requests/StatementStoreRequest.php} and
 * {@code app/Services/GroupedSubmissionsService.php} (the validation rules),
 * {@code app/Services/EuropeanCountriesService.php} and {@code EuropeanLanguagesService.php}.
 */
package org.modhub.moderation.contracts.dsa;
