package org.modhub.moderation.contracts.taxonomy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lookups over the policy taxonomy by code. Unknown codes raise
 * {@link UnknownTaxonomyCodeException}, which lists the known ones.
 */
public final class Taxonomy {

    /** Effective date of the content policy this taxonomy transcribes. */
    public static final LocalDate POLICY_EFFECTIVE_DATE = LocalDate.of(2025, 4, 10);

    private static final Map<String, PolicyCategory> CATEGORIES = index(PolicyCategory.values(), PolicyCategory::code);
    private static final Map<String, PolicySubcategory> SUBCATEGORIES =
            index(PolicySubcategory.values(), PolicySubcategory::code);
    private static final Map<PolicyCategory, List<PolicySubcategory>> BY_CATEGORY = byCategory();

    private Taxonomy() {}

    /** The category with this code. */
    public static PolicyCategory category(String code) {
        PolicyCategory category = code == null ? null : CATEGORIES.get(code);
        if (category == null) {
            throw new UnknownTaxonomyCodeException("category", code, CATEGORIES.keySet());
        }
        return category;
    }

    /** The subcategory with this code. */
    public static PolicySubcategory subcategory(String code) {
        PolicySubcategory subcategory = code == null ? null : SUBCATEGORIES.get(code);
        if (subcategory == null) {
            throw new UnknownTaxonomyCodeException("subcategory", code, SUBCATEGORIES.keySet());
        }
        return subcategory;
    }

    /** The subcategory with this code, if there is one. */
    public static Optional<PolicySubcategory> findSubcategory(String code) {
        return Optional.ofNullable(code == null ? null : SUBCATEGORIES.get(code));
    }

    /** The subcategories of one category, in the policy's order. */
    public static List<PolicySubcategory> subcategoriesOf(PolicyCategory category) {
        return BY_CATEGORY.get(category);
    }

    /** All subcategories, in the policy's order. */
    public static List<PolicySubcategory> subcategories() {
        return List.of(PolicySubcategory.values());
    }

    /**
     * Checks that {@code subcategory} (may be null: the reporter chose only a category) belongs to
     * {@code category}; throws {@link IllegalArgumentException} naming both otherwise.
     */
    public static void requireConsistent(PolicyCategory category, PolicySubcategory subcategory) {
        if (category == null) {
            throw new IllegalArgumentException("category is required");
        }
        if (subcategory != null && subcategory.category() != category) {
            throw new IllegalArgumentException("subcategory '" + subcategory.code() + "' belongs to category '"
                    + subcategory.category().code() + "', not '" + category.code() + "'");
        }
    }

    /** The severity of a report or case: that of its subcategory, or the highest in its category. */
    public static Severity severityOf(PolicyCategory category, PolicySubcategory subcategory) {
        requireConsistent(category, subcategory);
        if (subcategory != null) {
            return subcategory.severity();
        }
        return subcategoriesOf(category).stream()
                .map(PolicySubcategory::severity)
                .reduce(Severity.LOW, Severity::max);
    }

    private static <T> Map<String, T> index(T[] values, java.util.function.Function<T, String> code) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T value : values) {
            if (map.put(code.apply(value), value) != null) {
                throw new IllegalStateException("duplicate taxonomy code " + code.apply(value));
            }
        }
        return Collections.unmodifiableMap(map);
    }

    private static Map<PolicyCategory, List<PolicySubcategory>> byCategory() {
        Map<PolicyCategory, List<PolicySubcategory>> map = new EnumMap<>(PolicyCategory.class);
        for (PolicyCategory category : PolicyCategory.values()) {
            map.put(
                    category,
                    Arrays.stream(PolicySubcategory.values())
                            .filter(s -> s.category() == category)
                            .toList());
        }
        return Collections.unmodifiableMap(map);
    }
}
