package io.trainingpipeline.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainingpipeline.schemas.events.ActivityRecorded;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventJsonTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeSurvivesARoundTrip(EventType type) {
        EventEnvelope<EventPayload> original = SampleEvents.envelope(type);

        EventEnvelope<EventPayload> parsed = EventJson.parse(EventJson.toBytes(original));

        assertThat(parsed).isEqualTo(original);
        assertThat(parsed.type()).isEqualTo(type);
        assertThat(parsed.schemaVersion()).isEqualTo(type.version());
    }

    @Test
    void unknownFieldsFromANewerProducerAreIgnored() {
        String json =
                EventJson.toJson(SampleEvents.envelope(EventType.RESTING_HR_MEASURED))
                        .replace("\"restingHr\":48", "\"restingHr\":48,\"addedLater\":true");

        EventEnvelope<EventPayload> parsed = EventJson.parse(json.getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.payload()).isEqualTo(SampleEvents.sample(EventType.RESTING_HR_MEASURED));
    }

    @Test
    void malformedEventsNameTheField() {
        assertThatThrownBy(() -> EventJson.parse("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(
                        () ->
                                EventJson.parse(
                                        "{\"eventId\":\"x\",\"eventType\":\"nope\",\"athleteId\":\"a\",\"payload\":{}}"
                                                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("eventType");
        String badDuration =
                EventJson.toJson(SampleEvents.envelope(EventType.ACTIVITY_RECORDED))
                        .replace("\"durationSeconds\":3600.0", "\"durationSeconds\":\"long\"");
        assertThatThrownBy(() -> EventJson.parse(badDuration.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("payload.durationSeconds");
        String noAthlete =
                EventJson.toJson(SampleEvents.envelope(EventType.ACTIVITY_RECORDED))
                        .replace("\"athleteId\":\"a1\",", "");
        assertThatThrownBy(() -> EventJson.parse(noAthlete.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("athleteId");
    }

    @Test
    void typedParseRejectsAnotherType() {
        byte[] hrv = EventJson.toBytes(SampleEvents.envelope(EventType.HRV_MEASURED));

        assertThatThrownBy(() -> EventJson.parse(hrv, ActivityRecorded.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("ActivityRecorded");
    }

    @Test
    void eventIdsAreDeterministicAndDistinct() {
        String first = EventIds.of(EventType.ACTIVITY_RECORDED, "garmin-connect", "a1", 42L);
        String again = EventIds.of(EventType.ACTIVITY_RECORDED, "garmin-connect", "a1", 42L);
        String other = EventIds.of(EventType.ACTIVITY_RECORDED, "garmin-connect", "a2", 42L);
        String otherType = EventIds.of(EventType.HRV_MEASURED, "garmin-connect", "a1", 42L);

        assertThat(first).isEqualTo(again).matches("[0-9a-f-]{36}");
        assertThat(Set.of(first, other, otherType)).hasSize(3);
    }

    @Test
    void everyTopicIsStageDotSubjectDotVersion() {
        Set<String> used = new HashSet<>();
        for (EventType type : EventType.values()) {
            used.add(type.topic());
        }
        assertThat(Topics.all())
                .containsAll(used)
                .allMatch(t -> t.matches("[a-z]+\\.[a-z]+\\.v\\d+"));
    }
}
