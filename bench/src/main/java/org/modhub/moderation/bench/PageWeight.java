package org.modhub.moderation.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a console page weighs without images: the bytes of its HTML and of every style sheet and script it loads,
 * each as the console sends it (no {@code Accept-Encoding} is sent: the bodies as they are, uncompressed).
 */
final class PageWeight {

    /** A page's HTML bytes and each asset's (path → bytes), in the order the page names them. */
    record Weight(String path, long html, Map<String, Long> assets) {
        long total() {
            return html + assets.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static final Pattern STYLESHEET =
            Pattern.compile("<link\\b[^>]*\\brel=\"stylesheet\"[^>]*\\bhref=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCRIPT =
            Pattern.compile("<script\\b[^>]*\\bsrc=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private PageWeight() {}

    /** Fetches {@code path} on the console signed in with {@code cookie}, then each style sheet and script it names. */
    static Weight measure(String consoleUrl, String path, String cookie) throws IOException, InterruptedException {
        URI base = URI.create(consoleUrl + "/");
        byte[] html = fetch(base.resolve(path), cookie, "text/html");
        String text = new String(html, StandardCharsets.UTF_8);
        if (!text.contains("<main id=\"main\">")) {
            throw new IllegalStateException("GET " + path + " is not a console page:\n" + text);
        }
        Map<String, Long> assets = new LinkedHashMap<>();
        for (Pattern pattern : new Pattern[] {STYLESHEET, SCRIPT}) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                String asset = m.group(1).replace("&amp;", "&");
                assets.putIfAbsent(asset, (long) fetch(base.resolve(asset), cookie, "*/*").length);
            }
        }
        return new Weight(path, html.length, assets);
    }

    private static byte[] fetch(URI uri, String cookie, String accept) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HTTP.send(
                HttpRequest.newBuilder(uri)
                        .header("Accept", accept)
                        .header("Cookie", cookie)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri.getPath() + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        if (response.headers().firstValue("Content-Encoding").isPresent()) {
            throw new IllegalStateException("GET " + uri.getPath() + " came compressed although none was asked for");
        }
        return response.body();
    }
}
