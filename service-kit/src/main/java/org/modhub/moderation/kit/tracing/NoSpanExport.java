package org.modhub.moderation.kit.tracing;

import java.util.Collection;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.inject.Singleton;

/**
 * Drops finished spans unless {@code kit.tracing.export} is true: the runtime switch of OTLP export.
 * {@code quarkus.otel.traces.exporter} is fixed at build time, so every service is built with Quarkus' {@code cdi}
 * exporter, and Quarkus creates its OTLP exporter only when no {@code SpanExporter} bean can be looked up. While this
 * bean can be (export off, the default), nothing is sent anywhere; with export on it steps aside and the spans go to
 * {@code quarkus.otel.exporter.otlp.traces.endpoint}.
 */
@Singleton
@Unremovable
@LookupIfProperty(name = "kit.tracing.export", stringValue = "false", lookupIfMissing = true)
public class NoSpanExport implements SpanExporter {

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
