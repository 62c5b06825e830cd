package org.modhub.moderation.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.reporting.ReportFiled;

class EventTypesTest {

    @Test
    void typeNamesFollowTheNamingRule() {
        assertThat(EventTypes.all()).allSatisfy(d -> {
            assertThat(d.type()).matches("org\\.modhub\\.moderation\\.[a-z]+\\.[A-Z][A-Za-z0-9]*\\.v[1-9][0-9]*");
            assertThat(d.topic()).startsWith(d.service() + ".");
            assertThat(d.payloadClass().getSimpleName()).isIn(d.name(), d.name() + "V" + d.version());
            assertThat(d.schemaUri()).isEqualTo("urn:modhub:moderation:schema:" + d.type());
        });
    }

    @Test
    void theRegistryCoversEveryEventTopicAndNoOther() {
        assertThat(EventTypes.all().stream().map(EventTypeDescriptor::topic).collect(Collectors.toSet()))
                .isEqualTo(Set.copyOf(Topics.EVENT_TOPICS));
        assertThat(EventTypes.forTopic(Topics.REPORTING_EVENTS)).hasSize(5);
        assertThat(EventTypes.forTopic(Topics.REVIEW_EVENTS)).hasSize(5);
        assertThat(EventTypes.forTopic(Topics.DMCA_EVENTS)).hasSize(7);
        assertThat(EventTypes.forTopic(Topics.APPEALS_EVENTS)).hasSize(7);
        assertThat(EventTypes.forTopic(Topics.NOTIFICATION_REQUESTS)).hasSize(1);
        assertThat(EventTypes.forTopic(Topics.MAIL_INBOUND)).hasSize(1);
        assertThat(Topics.DEAD_LETTER_TOPICS)
                .allSatisfy(dlq -> assertThat(EventTypes.forTopic(dlq)).isEmpty());
    }

    @Test
    void typesAndClassesAreOneToOne() {
        assertThat(EventTypes.all()).extracting(EventTypeDescriptor::type).doesNotHaveDuplicates();
        assertThat(EventTypes.all())
                .extracting(EventTypeDescriptor::payloadClass)
                .doesNotHaveDuplicates();
        assertThat(EventTypes.all())
                .extracting(d -> d.payloadClass().getSimpleName())
                .doesNotHaveDuplicates();
        for (EventTypeDescriptor d : EventTypes.all()) {
            assertThat(EventTypes.byType(d.type())).isEqualTo(d);
            assertThat(EventTypes.byClass(d.payloadClass())).isEqualTo(d);
        }
    }

    @Test
    void everyPayloadNamesItsOwnRegisteredType() {
        assertThat(Samples.all().keySet())
                .as("Samples must hold one payload of every registered type")
                .containsExactlyInAnyOrderElementsOf(EventTypes.all().stream()
                        .map(EventTypeDescriptor::payloadClass)
                        .toList());
        Samples.all()
                .forEach((cls, payload) -> assertThat(payload.eventType())
                        .as(cls.getSimpleName())
                        .isEqualTo(EventTypes.byClass(cls).type()));
    }

    @Test
    void lookupsOfUnknownTypesFail() {
        assertThatThrownBy(() -> EventTypes.byType("org.modhub.moderation.reporting.ReportFiled.v9"))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("ReportFiled.v9");
        assertThatThrownBy(() -> EventTypes.byClass(String.class)).isInstanceOf(UnknownEventTypeException.class);
        assertThat(EventTypes.find(null)).isEmpty();
    }

    @Test
    void descriptorsRejectNamesThatBreakTheRule() {
        assertThatThrownBy(() -> new EventTypeDescriptor(
                        "org.modhub.moderation.reporting.ReportFiled", ReportFiled.class, Topics.REPORTING_EVENTS, "x"))
                .hasMessageContaining("does not follow");
        assertThatThrownBy(() -> new EventTypeDescriptor(
                        "org.modhub.moderation.reporting.ReportFiled.v0",
                        ReportFiled.class,
                        Topics.REPORTING_EVENTS,
                        "x"))
                .hasMessageContaining("does not follow");
        assertThatThrownBy(() -> new EventTypeDescriptor(
                        "org.modhub.moderation.review.ReportFiled.v1", ReportFiled.class, Topics.REPORTING_EVENTS, "x"))
                .hasMessageContaining("service segment");
        assertThatThrownBy(() -> new EventTypeDescriptor(
                        "org.modhub.moderation.reporting.ReportMade.v1",
                        ReportFiled.class,
                        Topics.REPORTING_EVENTS,
                        "x"))
                .hasMessageContaining("must be named ReportMade");
        assertThat(new EventTypeDescriptor(
                                "org.modhub.moderation.reporting.ReportFiled.v2",
                                ReportFiledV2.class,
                                Topics.REPORTING_EVENTS,
                                "x")
                        .version())
                .isEqualTo(2);
    }

    /** Stands in for a future second version, which lives beside v1 under a suffixed name. */
    record ReportFiledV2(String reportId) implements EventPayload {
        @Override
        public String eventType() {
            return "org.modhub.moderation.reporting.ReportFiled.v2";
        }

        @Override
        public String subjectKey() {
            return null;
        }
    }
}
