package org.modhub.moderation.devstack.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Sends hostile JSON bodies to a running service's write endpoint and holds it to the suite's
 * promise: never a 5xx, and every refusal is {@code application/problem+json} with its status and no
 * stack trace. Inputs are a valid seed body mutated by a stream of {@link Choices} — from Jazzer's
 * {@link FuzzedDataProvider} when fuzzing (coverage-guided, {@code JAZZER_FUZZ=1}), or from a seeded
 * {@link Random} for the bounded, repeatable run every {@code bin/test} makes. Mutations: wrong
 * types, extreme numbers, long, empty, control-character and injection strings, missing and unknown
 * fields, deep nesting, truncated and bit-flipped JSON, and raw bytes.
 *
 * <p>Counts what it sent per endpoint and status; {@link #summary()} prints them.
 */
public final class BodyFuzzer {

    /** One write endpoint: its name in the summary, method, path, a caller (null: anonymous) and a valid body. */
    public record Target(String name, String method, Supplier<String> path, Supplier<String> token, String seed) {

        public static Target post(String path, Supplier<String> token, String seed) {
            return new Target("POST " + path, "POST", () -> path, token, seed);
        }
    }

    /** Where the fuzzer's decisions come from. */
    public interface Choices {
        /** 0 (inclusive) to {@code bound} (exclusive); 0 when the source is exhausted. */
        int pick(int bound);

        String text(int maxLength);

        byte[] bytes(int maxLength);

        long number();

        double decimal();
    }

    /** Repeatable choices: the same seed gives the same input. */
    public static Choices seeded(long seed) {
        Random random = new Random(seed);
        return new Choices() {
            @Override
            public int pick(int bound) {
                return random.nextInt(bound);
            }

            @Override
            public String text(int maxLength) {
                int length = random.nextInt(maxLength + 1);
                StringBuilder out = new StringBuilder(length);
                for (int i = 0; i < length; i++) {
                    out.append(
                            switch (random.nextInt(6)) {
                                case 0 -> (char) random.nextInt(0x20);
                                case 1 -> (char) (0x80 + random.nextInt(0x780));
                                case 2 -> "\"\\/<>&'%{}$#@:;.\n".charAt(random.nextInt(17));
                                case 3 -> (char) (0x4e00 + random.nextInt(0x100));
                                default -> (char) (0x20 + random.nextInt(0x5f));
                            });
                }
                return out.toString();
            }

            @Override
            public byte[] bytes(int maxLength) {
                byte[] bytes = new byte[random.nextInt(maxLength + 1)];
                random.nextBytes(bytes);
                return bytes;
            }

            @Override
            public long number() {
                return random.nextLong();
            }

            @Override
            public double decimal() {
                return random.nextDouble() * Math.pow(10, random.nextInt(600) - 300);
            }
        };
    }

    /** Choices from Jazzer, so its coverage feedback steers the mutations. */
    public static Choices from(FuzzedDataProvider data) {
        return new Choices() {
            @Override
            public int pick(int bound) {
                return bound <= 1 ? 0 : data.consumeInt(0, bound - 1);
            }

            @Override
            public String text(int maxLength) {
                return data.consumeString(maxLength);
            }

            @Override
            public byte[] bytes(int maxLength) {
                return data.consumeBytes(maxLength);
            }

            @Override
            public long number() {
                return data.consumeLong();
            }

            @Override
            public double decimal() {
                return data.consumeDouble();
            }
        };
    }

    private static final List<String> NASTY = List.of(
            "",
            " ",
            "null",
            "true",
            "0",
            "-1",
            "1e999",
            "NaN",
            "\u0000",
            "\u202e\u202d",
            "\uFEFF",
            "😀".repeat(40),
            "é".repeat(3000),
            "x".repeat(5001),
            "y".repeat(70_000),
            "javascript:alert(1)",
            "file:///etc/passwd",
            "http://169.254.169.254/latest/meta-data/",
            "http://localhost:1/",
            "https://huggingface.co/../../etc/passwd",
            "https://huggingface.co/%00",
            "ftp://example.org/x",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "\"; DROP TABLE report; --",
            "${jndi:ldap://example.org/a}",
            "{{7*7}}",
            "{#include secret /}",
            "{inject:config}",
            "%s%n%x",
            "../../../../",
            "\\u0000",
            "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff",
            "not-a-uuid",
            "2026-02-30",
            "2026-13-01",
            "9999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z",
            "1970-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59.999999999Z",
            "P99999999D",
            "user:",
            "email:",
            "user:a:b",
            "email:@",
            "model:",
            "model:a/b#c",
            "model:acme/x#1/c-1",
            "dataset:../../x",
            "ZZ",
            "EU",
            "de",
            "ACCEPT",
            "accept",
            "REJECT",
            "NO_ACTION",
            "SUSPEND_ACCOUNT",
            "CHANGED",
            "UPHELD",
            "report-receipt",
            "en",
            "de-DE",
            "xx-XX-x-private");

    /** What a stack trace or class name in an answer looks like (unless the input itself said it). */
    private static final List<String> INTERNALS = List.of(
            "Exception",
            "\tat ",
            "org.modhub.",
            "java.lang.",
            "io.quarkus.",
            "com.fasterxml.",
            "org.hibernate.",
            "io.vertx.");

    private final String service;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, Map<String, AtomicLong>> counts = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();

    public BodyFuzzer(String service) {
        this.service = service;
    }

    /** Mutates the target's seed with the choices, sends it, and checks the answer. */
    public Response fuzz(Target target, Choices choices) {
        return send(target, input(target.seed(), choices));
    }

    /** The bounded run: {@code perTarget} repeatable inputs for each target (input {@code i} uses seed {@code i}). */
    public void bounded(List<Target> targets, int perTarget) {
        for (Target target : targets) {
            for (int i = 0; i < perTarget; i++) {
                fuzz(target, seeded(i * 7919L + target.name().hashCode()));
            }
        }
    }

    /** How many inputs to send per target in the bounded run: {@code -Dfuzz.inputs}, else {@code fallback}. */
    public static int inputsPerTarget(int fallback) {
        return Integer.getInteger("fuzz.inputs", fallback);
    }

    /** Sends one body and checks the promise: below 500, and a refusal is problem details. */
    public Response send(Target target, byte[] body) {
        long n = sent.incrementAndGet();
        // A fresh client address each time (where the service trusts X-Forwarded-For), so per-address
        // rate limits do not hide the endpoint behind 429s.
        RequestSpecification request = RestAssured.given()
                .contentType("application/json")
                .body(body)
                .header("X-Forwarded-For", "10." + (n >> 16 & 0xff) + "." + (n >> 8 & 0xff) + "." + (n & 0xff));
        String token = target.token() == null ? null : target.token().get();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        String path = target.path().get();
        Response response = request.request(target.method(), path);
        int status = response.statusCode();
        counts.computeIfAbsent(target.name(), name -> new ConcurrentHashMap<>())
                .computeIfAbsent(String.valueOf(status), s -> new AtomicLong())
                .incrementAndGet();
        String shown = describe(body);
        assertThat(status)
                .as("%s %s answered %d to the body %s%n%s", service, target.name(), status, shown, response.asString())
                .isLessThan(500);
        if (status >= 400) {
            assertThat(response.contentType())
                    .as("%s %s: content type of a %d to %s", service, target.name(), status, shown)
                    .startsWith("application/problem+json");
            String text = response.asString();
            String sentText = new String(body, StandardCharsets.UTF_8);
            for (String internal : INTERNALS) {
                if (!sentText.contains(internal)) {
                    assertThat(text)
                            .as("%s %s: a %d to %s leaks internals", service, target.name(), status, shown)
                            .doesNotContain(internal);
                }
            }
            assertThat(response.jsonPath().getInt("status"))
                    .as("%s %s: problem status", service, target.name())
                    .isEqualTo(status);
        }
        return response;
    }

    /** The summary: per endpoint, inputs sent, accepted (2xx), refused (4xx by status) and 5xx. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        long total = 0;
        long refused = 0;
        long failed = 0;
        for (Map.Entry<String, Map<String, AtomicLong>> entry : new TreeMap<>(counts).entrySet()) {
            Map<String, Long> byStatus = new TreeMap<>();
            entry.getValue().forEach((status, n) -> byStatus.put(status, n.get()));
            long sent = byStatus.values().stream().mapToLong(Long::longValue).sum();
            long ok = byStatus.entrySet().stream()
                    .filter(e -> e.getKey().startsWith("2"))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            long four = byStatus.entrySet().stream()
                    .filter(e -> e.getKey().startsWith("4"))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            long five = byStatus.entrySet().stream()
                    .filter(e -> e.getKey().startsWith("5"))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            total += sent;
            refused += four;
            failed += five;
            out.append(String.format(
                    "  %-55s sent %6d  2xx %5d  4xx %6d  5xx %d  %s%n",
                    entry.getKey(), sent, ok, four, five, byStatus));
        }
        return String.format(
                "Fuzz summary %s: %d inputs sent, %d refused with 4xx, %d with 5xx%n%s",
                service, total, refused, failed, out);
    }

    public void printSummary() {
        System.out.print(summary());
    }

    // --- inputs ---

    /** A mutated body: mostly the seed's JSON with a few changes, sometimes broken or raw bytes. */
    public byte[] input(String seed, Choices choices) {
        byte[] seedBytes = seed.getBytes(StandardCharsets.UTF_8);
        switch (choices.pick(18)) {
            case 0:
                return choices.bytes(512);
            case 1:
                return java.util.Arrays.copyOf(seedBytes, choices.pick(seedBytes.length + 1));
            case 2: {
                byte[] flipped = seedBytes.clone();
                int flips = 1 + choices.pick(8);
                for (int i = 0; i < flips && flipped.length > 0; i++) {
                    flipped[choices.pick(flipped.length)] ^= (byte) (1 << choices.pick(8));
                }
                return flipped;
            }
            case 3:
                return write(value(choices, 0));
            case 4:
                return ("[" + seed + "]").getBytes(StandardCharsets.UTF_8);
            case 6: {
                // Nested deeper than any parser should follow.
                int depth = 1_000 + choices.pick(20_000);
                String open = choices.pick(2) == 0 ? "[" : "{\"a\":";
                return (open.repeat(depth)).getBytes(StandardCharsets.UTF_8);
            }
            case 5:
                // The same key twice: which one wins must not matter.
                return (seed.replaceFirst("\\}\\s*$", "") + (seed.trim().equals("{}") ? "" : ",") + "\""
                                + firstKey(seed) + "\":" + new String(write(value(choices, 0)), StandardCharsets.UTF_8)
                                + "}")
                        .getBytes(StandardCharsets.UTF_8);
            default:
                break;
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(seed);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the seed is not JSON: " + seed, e);
        }
        int changes = 1 + choices.pick(4);
        for (int i = 0; i < changes; i++) {
            List<Slot> slots = new ArrayList<>();
            collect(tree, slots);
            if (slots.isEmpty()) {
                break;
            }
            Slot slot = slots.get(choices.pick(slots.size()));
            switch (choices.pick(8)) {
                case 0 -> slot.remove();
                case 1 -> {
                    if (slot.parent instanceof ObjectNode object) {
                        object.set(choices.pick(2) == 0 ? choices.text(20) : "isAdmin", value(choices, 0));
                    }
                }
                case 2 -> slot.set(nested(1 + choices.pick(choices.pick(2) == 0 ? 600 : 60)));
                default -> slot.set(value(choices, 0));
            }
        }
        return write(tree);
    }

    private static String firstKey(String seed) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\"([^\"]+)\"\\s*:").matcher(seed);
        return m.find() ? m.group(1) : "x";
    }

    private JsonNode value(Choices choices, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (choices.pick(depth > 2 ? 12 : 15)) {
            case 0 -> f.nullNode();
            case 1 -> f.booleanNode(choices.pick(2) == 0);
            case 2 -> f.numberNode(choices.number());
            case 3 ->
                f.numberNode(List.of(0L, -1L, 1L, (long) Integer.MAX_VALUE + 1, Long.MAX_VALUE, Long.MIN_VALUE)
                        .get(choices.pick(6)));
            case 4 -> f.numberNode(choices.decimal());
            case 5 -> f.numberNode(new BigInteger("9".repeat(1 + choices.pick(400))));
            case 6, 7 -> f.textNode(choices.text(64));
            case 8, 9 -> f.textNode(NASTY.get(choices.pick(NASTY.size())));
            case 10 -> f.textNode(NASTY.get(choices.pick(NASTY.size())) + choices.text(16));
            case 11 -> f.textNode(Base64.getEncoder().encodeToString(choices.bytes(48)));
            case 12 -> {
                ArrayNode array = f.arrayNode();
                int n = choices.pick(choices.pick(4) == 0 ? 200 : 4);
                for (int i = 0; i < n; i++) {
                    array.add(value(choices, depth + 1));
                }
                yield array;
            }
            case 13 -> {
                ObjectNode object = f.objectNode();
                int n = choices.pick(4);
                for (int i = 0; i < n; i++) {
                    object.set(
                            choices.pick(2) == 0 ? choices.text(12) : NASTY.get(choices.pick(NASTY.size())),
                            value(choices, depth + 1));
                }
                yield object;
            }
            default -> f.arrayNode();
        };
    }

    private static JsonNode nested(int depth) {
        JsonNode node = JsonNodeFactory.instance.textNode("deep");
        for (int i = 0; i < depth; i++) {
            node = i % 2 == 0
                    ? JsonNodeFactory.instance.arrayNode().add(node)
                    : JsonNodeFactory.instance.objectNode().set("a", node);
        }
        return node;
    }

    private byte[] write(JsonNode tree) {
        try {
            return mapper.writeValueAsBytes(tree);
        } catch (JsonProcessingException | RuntimeException e) {
            // Nested past the writer's limit, or a lone surrogate: what the writer refuses, the
            // parser on the other side gets as raw text of the same kind.
            return ("[".repeat(1_500) + "\"" + e.getClass().getSimpleName() + "\"").getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String describe(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 600 ? text.substring(0, 600) + "… (" + body.length + " bytes)" : text;
    }

    /** A place in the tree: an object's field or an array's element. */
    private record Slot(ContainerNode<?> parent, String field, int index) {
        void set(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (parent instanceof ObjectNode object) {
                object.remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                slots.add(new Slot(object, name, -1));
                collect(object.get(name), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collect(array.get(i), slots);
            }
        }
    }
}
