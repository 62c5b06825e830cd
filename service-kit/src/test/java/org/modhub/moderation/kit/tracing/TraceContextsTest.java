package org.modhub.moderation.kit.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;

class TraceContextsTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void theRelayReadsOnlyTheEventsOwnTraceparentNotOneInItsData() {
        assertThat(TraceContexts.traceparentIn(
                        "{\"id\":\"e\",\"data\":{\"traceparent\":\"forged\"},\"traceparent\":\"" + TRACEPARENT + "\"}"))
                .isEqualTo(TRACEPARENT);
        assertThat(TraceContexts.traceparentIn("{\"id\":\"e\",\"data\":{\"traceparent\":\"forged\"}}"))
                .isNull();
        assertThat(TraceContexts.traceparentIn("not json")).isNull();
    }

    @Test
    void aStoredTraceparentBecomesTheParentOnlyWhenValid() {
        assertThat(TraceContexts.parentOf(TRACEPARENT, null))
                .hasValueSatisfying(context -> assertThat(
                                Span.fromContext(context).getSpanContext().getTraceId())
                        .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736"));
        assertThat(TraceContexts.parentOf("00-" + "0".repeat(32) + "-00f067aa0ba902b7-01", null))
                .isEmpty();
        assertThat(TraceContexts.parentOf(null, null)).isEmpty();
    }
}
