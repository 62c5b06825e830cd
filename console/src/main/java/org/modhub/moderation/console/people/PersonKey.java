package org.modhub.moderation.console.people;

/**
 * How reporting-service and appeals-service name a person: {@code user:<account id>} or
 * {@code email:<address>}. Staff may type a bare account id or an address; the key is made from it.
 */
final class PersonKey {

    private PersonKey() {}

    static String of(String typed) {
        String s = typed == null ? "" : typed.strip();
        if (s.startsWith("user:") || s.startsWith("email:")) {
            return s;
        }
        return s.contains("@") ? "email:" + s : "user:" + s;
    }
}
