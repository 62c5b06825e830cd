package org.modhub.moderation.e2e;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads the spans out of an OTLP/HTTP protobuf export ({@code ExportTraceServiceRequest}): only the fields a test
 * asserts on — each span's trace id, span id, parent span id and name, and its resource's {@code service.name}. A
 * small hand-written reader of the protobuf wire format (no generated classes are available offline), skipping every
 * other field by its wire type.
 */
final class OtlpSpans {

    /** One exported span. Ids are lower-case hex; a root span's parent is empty. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name) {}

    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private OtlpSpans() {}

    /** ExportTraceServiceRequest: resource_spans = 1. */
    static List<ReceivedSpan> read(byte[] request) {
        List<ReceivedSpan> spans = new ArrayList<>();
        Reader r = new Reader(request, 0, request.length);
        while (r.more()) {
            int tag = r.tag();
            if (field(tag) == 1 && wire(tag) == LENGTH_DELIMITED) {
                resourceSpans(r.message(), spans);
            } else {
                r.skip(wire(tag));
            }
        }
        return spans;
    }

    /** ResourceSpans: resource = 1, scope_spans = 2. */
    private static void resourceSpans(Reader r, List<ReceivedSpan> into) {
        String service = "";
        List<Reader> scopes = new ArrayList<>();
        while (r.more()) {
            int tag = r.tag();
            if (field(tag) == 1 && wire(tag) == LENGTH_DELIMITED) {
                service = serviceName(r.message());
            } else if (field(tag) == 2 && wire(tag) == LENGTH_DELIMITED) {
                scopes.add(r.message());
            } else {
                r.skip(wire(tag));
            }
        }
        for (Reader scope : scopes) {
            // ScopeSpans: spans = 2.
            while (scope.more()) {
                int tag = scope.tag();
                if (field(tag) == 2 && wire(tag) == LENGTH_DELIMITED) {
                    into.add(span(service, scope.message()));
                } else {
                    scope.skip(wire(tag));
                }
            }
        }
    }

    /** Resource: attributes = 1 (KeyValue: key = 1, value = 2 of AnyValue: string_value = 1). */
    private static String serviceName(Reader resource) {
        while (resource.more()) {
            int tag = resource.tag();
            if (field(tag) != 1 || wire(tag) != LENGTH_DELIMITED) {
                resource.skip(wire(tag));
                continue;
            }
            Reader keyValue = resource.message();
            String key = null;
            String value = null;
            while (keyValue.more()) {
                int kvTag = keyValue.tag();
                if (field(kvTag) == 1 && wire(kvTag) == LENGTH_DELIMITED) {
                    key = keyValue.string();
                } else if (field(kvTag) == 2 && wire(kvTag) == LENGTH_DELIMITED) {
                    Reader any = keyValue.message();
                    while (any.more()) {
                        int anyTag = any.tag();
                        if (field(anyTag) == 1 && wire(anyTag) == LENGTH_DELIMITED) {
                            value = any.string();
                        } else {
                            any.skip(wire(anyTag));
                        }
                    }
                } else {
                    keyValue.skip(wire(kvTag));
                }
            }
            if ("service.name".equals(key) && value != null) {
                return value;
            }
        }
        return "";
    }

    /** Span: trace_id = 1, span_id = 2, parent_span_id = 4, name = 5. */
    private static ReceivedSpan span(String service, Reader r) {
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        while (r.more()) {
            int tag = r.tag();
            if (wire(tag) != LENGTH_DELIMITED) {
                r.skip(wire(tag));
                continue;
            }
            switch (field(tag)) {
                case 1 -> traceId = r.hex();
                case 2 -> spanId = r.hex();
                case 4 -> parent = r.hex();
                case 5 -> name = r.string();
                default -> r.skip(LENGTH_DELIMITED);
            }
        }
        return new ReceivedSpan(service, traceId, spanId, parent, name);
    }

    private static int field(int tag) {
        return tag >>> 3;
    }

    private static int wire(int tag) {
        return tag & 7;
    }

    /** A bounded view of the buffer: one message's bytes. */
    private static final class Reader {
        private final byte[] bytes;
        private int at;
        private final int end;

        Reader(byte[] bytes, int from, int end) {
            if (from < 0 || end > bytes.length || from > end) {
                throw new IllegalArgumentException("truncated protobuf message");
            }
            this.bytes = bytes;
            this.at = from;
            this.end = end;
        }

        boolean more() {
            return at < end;
        }

        int tag() {
            return (int) varint();
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (at >= end) {
                    throw new IllegalArgumentException("truncated varint");
                }
                byte b = bytes[at++];
                value |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("varint longer than 10 bytes");
        }

        Reader message() {
            int length = (int) varint();
            Reader inner = new Reader(bytes, at, at + length);
            at += length;
            return inner;
        }

        String string() {
            Reader value = message();
            return new String(bytes, value.at, value.end - value.at, java.nio.charset.StandardCharsets.UTF_8);
        }

        String hex() {
            Reader value = message();
            return HexFormat.of().formatHex(bytes, value.at, value.end);
        }

        void skip(int wireType) {
            switch (wireType) {
                case VARINT -> varint();
                case FIXED64 -> at += 8;
                case LENGTH_DELIMITED -> message();
                case FIXED32 -> at += 4;
                default -> throw new IllegalArgumentException("unknown wire type " + wireType);
            }
            if (at > end) {
                throw new IllegalArgumentException("truncated field");
            }
        }
    }
}
