package org.modhub.moderation.devstack;

import java.util.Collection;
import java.util.Map;

import org.modhub.moderation.contracts.Roles;

/**
 * The identity stand-in's HTML: the local sign-in form with its presets, the page of a refused request and the
 * signed-out page. No inline script or style (the pages' CSP forbids both), a label for every visible input, and
 * the banner that says this is no real sign-in.
 */
final class SignInPage {

    /** The page title and the banner on every page. */
    static final String BANNER = "Local sign-in — development only";

    /** Served at {@code /auth/sign-in.css}; the only style the pages have. */
    static final String STYLESHEET = """
            body { font-family: system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #fff; }
            .banner { background: #7a1f00; color: #fff; padding: 0.75rem 1rem; font-weight: bold; }
            main { max-width: 36rem; margin: 1.5rem auto; padding: 0 1rem; }
            fieldset { border: 1px solid #888; margin: 1rem 0; }
            .field { margin: 0.75rem 0; }
            .field label { display: block; font-weight: 600; }
            input[type=text], input[type=email] { width: 100%; padding: 0.4rem; box-sizing: border-box; }
            .error { border-left: 4px solid #b00020; padding: 0.5rem 0.75rem; background: #fdecea; }
            .presets { list-style: none; padding: 0; }
            .presets li { margin: 0.4rem 0; }
            button { padding: 0.45rem 0.9rem; }
            """;

    /** The role checkboxes, in the order staff think of them. */
    static final java.util.List<String> ROLES = java.util.List.of(
            Roles.USER, Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.LEGAL, Roles.AUDITOR, Roles.ADMIN);

    private SignInPage() {}

    /**
     * The sign-in form for {@code request}, with what was typed so far and why it was refused ({@code error}, null on
     * first show).
     */
    static String form(
            AuthorizeRequest request, String error, String username, String email, Collection<String> roles) {
        StringBuilder html = new StringBuilder(8 * 1024);
        start(html, "Sign in to " + request.clientId());
        if (error != null) {
            html.append("<p class=\"error\" role=\"alert\" id=\"error\">")
                    .append(escape(error))
                    .append("</p>\n");
        }
        html.append("<p>Anyone can sign in here as anyone, with any role. The ")
                .append("tokens are signed with the development key every local service trusts.</p>\n");
        html.append("<form method=\"post\" action=\"/auth/authorize\" id=\"sign-in-form\">\n");
        hidden(html, request);
        html.append("<div class=\"field\"><label for=\"username\">User id</label>")
                .append("<input type=\"text\" id=\"username\" name=\"username\" required maxlength=\"64\" ")
                .append("autocomplete=\"username\" value=\"")
                .append(escape(username == null ? "" : username))
                .append("\"></div>\n");
        html.append("<div class=\"field\"><label for=\"email\">E-mail (optional)</label>")
                .append("<input type=\"email\" id=\"email\" name=\"email\" maxlength=\"254\" ")
                .append("autocomplete=\"email\" value=\"")
                .append(escape(email == null ? "" : email))
                .append("\"></div>\n");
        html.append("<fieldset><legend>Roles</legend>\n");
        for (String role : ROLES) {
            html.append("<div><input type=\"checkbox\" id=\"role-")
                    .append(role)
                    .append("\" name=\"role\" value=\"")
                    .append(role)
                    .append('"')
                    .append(roles.contains(role) ? " checked" : "")
                    .append("> <label for=\"role-")
                    .append(role)
                    .append("\">")
                    .append(role)
                    .append("</label></div>\n");
        }
        html.append("</fieldset>\n");
        html.append("<button type=\"submit\" id=\"sign-in\">Sign in</button>\n</form>\n");

        html.append("<h2 id=\"presets-heading\">Presets</h2>\n");
        html.append("<form method=\"post\" action=\"/auth/authorize\" id=\"presets\" ")
                .append("aria-labelledby=\"presets-heading\">\n");
        hidden(html, request);
        html.append("<ul class=\"presets\">\n");
        for (IdentityStandIn.Preset preset : IdentityStandIn.PRESETS) {
            html.append("<li><button type=\"submit\" name=\"preset\" id=\"preset-")
                    .append(preset.username())
                    .append("\" value=\"")
                    .append(preset.username())
                    .append("\">Sign in as ")
                    .append(preset.username())
                    .append(" (")
                    .append(String.join(", ", preset.roles()))
                    .append(")</button></li>\n");
        }
        html.append("</ul>\n</form>\n");
        return end(html);
    }

    /** A request the provider will not serve, and why; nothing on it sends the browser anywhere. */
    static String refused(String detail) {
        StringBuilder html = new StringBuilder(2048);
        start(html, "This sign-in request cannot be served");
        html.append("<p class=\"error\" role=\"alert\" id=\"error\">")
                .append(escape(detail))
                .append("</p>\n");
        html.append("<p>Start again from the application you were signing in to.</p>\n");
        return end(html);
    }

    static String signedOut() {
        StringBuilder html = new StringBuilder(1024);
        start(html, "You are signed out");
        html.append("<p>The local identity provider keeps no session; sign in again from the application.</p>\n");
        return end(html);
    }

    private static void start(StringBuilder html, String heading) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(BANNER)
                .append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/auth/sign-in.css\">\n</head>\n<body>\n")
                .append("<div class=\"banner\" role=\"note\" id=\"local-sign-in-banner\">")
                .append(BANNER)
                .append("</div>\n<main id=\"main\">\n<h1>")
                .append(escape(heading))
                .append("</h1>\n");
    }

    private static String end(StringBuilder html) {
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    /** The authorization request, carried through the POST unchanged. */
    private static void hidden(StringBuilder html, AuthorizeRequest request) {
        for (Map.Entry<String, String> parameter : request.parameters().entrySet()) {
            html.append("<input type=\"hidden\" name=\"")
                    .append(escape(parameter.getKey()))
                    .append("\" value=\"")
                    .append(escape(parameter.getValue()))
                    .append("\">\n");
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
