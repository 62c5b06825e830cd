package org.modhub.moderation.devstack.test;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an operator sees: the service's {@code /q/metrics} as Prometheus scrapes it, read line by line. Tests assert on
 * the series names and labels the alert rules and dashboards use, not on Micrometer's objects.
 */
public final class ScrapedMetrics {

    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final List<Sample> samples;

    private ScrapedMetrics(List<Sample> samples) {
        this.samples = samples;
    }

    /** One series and its value. */
    public record Sample(String name, Map<String, String> labels, double value) {}

    /** Scrapes the application under test now (REST Assured's base URI and port). */
    public static ScrapedMetrics scrape() {
        String text = given().accept("text/plain")
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return parse(text);
    }

    /** Reads Prometheus' text format (comments skipped). */
    public static ScrapedMetrics parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            String name;
            Map<String, String> labels = new LinkedHashMap<>();
            String rest;
            if (brace >= 0 && brace < space) {
                name = line.substring(0, brace);
                int close = line.lastIndexOf('}');
                Matcher m = LABEL.matcher(line.substring(brace + 1, close));
                while (m.find()) {
                    labels.put(m.group(1), m.group(2));
                }
                rest = line.substring(close + 1).trim();
            } else {
                name = line.substring(0, space);
                rest = line.substring(space + 1).trim();
            }
            String value = rest.split(" ")[0];
            samples.add(new Sample(name, labels, parseValue(value)));
        }
        return new ScrapedMetrics(samples);
    }

    private static double parseValue(String value) {
        return switch (value) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(value);
        };
    }

    /**
     * The value of the series {@code name} whose labels include {@code labels} (name, value, name, value…; an
     * {@code le} is compared as a number); empty when there is none.
     */
    public OptionalDouble find(String name, String... labels) {
        for (Sample sample : samples) {
            if (sample.name().equals(name) && matches(sample.labels(), labels)) {
                return OptionalDouble.of(sample.value());
            }
        }
        return OptionalDouble.empty();
    }

    /** The value of a series that must be there. */
    public double value(String name, String... labels) {
        return find(name, labels)
                .orElseThrow(() -> new AssertionError("no series " + name + " " + String.join(",", labels)
                        + " on /q/metrics; series of that name: " + named(name)));
    }

    /** A counter's value, 0 before its first increment (Micrometer registers it then). */
    public double count(String name, String... labels) {
        return find(name, labels).orElse(0);
    }

    /** Every series of that name. */
    public List<Sample> named(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    private static boolean matches(Map<String, String> actual, String... wanted) {
        if (wanted.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name, value pairs");
        }
        for (int i = 0; i < wanted.length; i += 2) {
            String value = actual.get(wanted[i]);
            if (value == null) {
                return false;
            }
            if (wanted[i].equals("le")) {
                if (parseValue(value) != parseValue(wanted[i + 1])) {
                    return false;
                }
            } else if (!value.equals(wanted[i + 1])) {
                return false;
            }
        }
        return true;
    }
}
