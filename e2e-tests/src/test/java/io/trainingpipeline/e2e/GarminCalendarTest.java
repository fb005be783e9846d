package io.trainingpipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fault matrix's duplicate and stray counts catch what they are meant to catch. */
class GarminCalendarTest {
    static final LocalDate WEEK = LocalDate.of(2027, 1, 4);
    final Map<Long, ObjectNode> workouts = new HashMap<>();
    final Map<Long, ObjectNode> schedules = new HashMap<>();

    void workout(long id, String athlete, String name) {
        workout(id, athlete, name, "s");
    }

    void workout(long id, String athlete, String name, String session) {
        ObjectNode w = JsonNodeFactory.instance.objectNode();
        w.put("workoutName", name);
        w.put(
                "description",
                athlete == null
                        ? "my own"
                        : name
                                + "\n[training-pipeline "
                                + athlete
                                + "/"
                                + WEEK
                                + "] v1 #ab session="
                                + session);
        workouts.put(id, w);
    }

    void schedule(long id, long workoutId, LocalDate date) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("workoutScheduleId", id);
        s.put("workoutId", workoutId);
        s.put("calendarDate", date.toString());
        s.put("title", workouts.get(workoutId).path("workoutName").asText());
        schedules.put(id, s);
    }

    GarminCalendar calendar() {
        return new GarminCalendar(workouts, schedules);
    }

    @Test
    void oneCopyPerAthleteDateAndNameIsNoDuplicate() {
        workout(1, "demo", "Easy 40");
        workout(2, "demo", "Easy 40");
        workout(3, "other", "Easy 40");
        workout(4, null, "Easy 40");
        schedule(11, 1, WEEK);
        schedule(12, 2, WEEK.plusDays(1));
        schedule(13, 3, WEEK);
        schedule(14, 4, WEEK);

        assertThat(calendar().duplicates()).isZero();
        assertThat(calendar().scheduledIn("demo", WEEK)).hasSize(2);
        assertThat(calendar().strays("demo", WEEK)).isZero();
    }

    @Test
    void aSecondCopyOnTheSameDateIsCountedAndAnUnscheduledOneIsAStray() {
        workout(1, "demo", "Easy 40");
        workout(2, "demo", "Easy 40");
        workout(3, "demo", "Easy 40");
        schedule(11, 1, WEEK);
        schedule(12, 2, WEEK);

        assertThat(calendar().duplicates()).isEqualTo(1);
        assertThat(calendar().duplicateKeys())
                .containsExactly("demo|" + WEEK + "|Easy 40 (demo|" + WEEK + "|session=s)");
        assertThat(calendar().strays("demo", WEEK)).isEqualTo(1);
        assertThat(calendar().strays("other", WEEK)).isZero();
    }

    @Test
    void twoVersionsOfOneSessionOnTheSameDateAreADuplicateEvenWhenRenamed() {
        workout(1, "demo", "Easy 40", "mon-easy");
        workout(2, "demo", "Easy 30", "mon-easy");
        workout(3, "demo", "Intervals", "tue-int");
        schedule(11, 1, WEEK);
        schedule(12, 2, WEEK);
        schedule(13, 3, WEEK);

        assertThat(calendar().duplicates()).isEqualTo(1);
    }
}
