package org.modhub.moderation.kit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.kit.problem.ProblemMappers;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A log line written while a request is served carries the request's trace and span ids, so an
 * operator can go from a 500's reference to every line of that request (and, with an exporter
 * configured, to its trace).
 */
@QuarkusTest
class LogCorrelationTest {

    @Test
    void logLinesOfARequestCarryItsTraceId() {
        List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext) {
                    ext.copyMdc();
                    records.add(ext);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(ProblemMappers.class.getName());
        logger.addHandler(capture);
        try {
            String reference = given().get("/kit-test/notes/boom")
                    .then()
                    .statusCode(500)
                    .extract()
                    .path("detail");
            assertThat(records).anySatisfy(record -> {
                assertThat(record.getFormattedMessage())
                        .contains(reference.replaceAll(".*reference ([0-9a-f-]+).*", "$1"));
                assertThat(record.getMdc("traceId")).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
                assertThat(record.getMdc("spanId")).matches("[0-9a-f]{16}");
            });
        } finally {
            logger.removeHandler(capture);
        }
    }
}
