package org.modhub.moderation.kit.testapp;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;

/** Keeps the spans the test application finished, for tests to read (the SDK's in-memory exporter, by hand). */
@Singleton
@Unremovable
public class CollectedSpans implements SpanExporter {

    private final List<SpanData> spans = new CopyOnWriteArrayList<>();

    public List<SpanData> all() {
        return List.copyOf(spans);
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> finished) {
        spans.addAll(finished);
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
