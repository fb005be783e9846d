package io.trainingpipeline.planner.goal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GoalsParserTest {
    static Goals parse(String yaml) {
        return GoalsParser.parse("g.yaml", "demo", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheExampleFile() throws Exception {
        Path example = Path.of("..", "config", "athlete.example.yaml");
        Goals g = GoalsParser.parse(example.toString(), "demo", Files.readAllBytes(example));
        assertThat(g.raceDistanceMeters()).isEqualTo(21097);
        assertThat(g.raceDate()).isEqualTo(LocalDate.parse("2027-03-14"));
        assertThat(g.isBlocked(LocalDate.parse("2026-12-31"))).isTrue();
        assertThat(g.allows(LocalDate.parse("2026-12-02"))).isFalse(); // Wednesday
        assertThat(g.longRunDay()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(g.targetTime()).isPresent();
    }

    @Test
    void errorsNameFileKeyAndReason() {
        String base =
                "timezone: UTC\nrace: {date: 2027-03-14, distance: %s}\n"
                        + "available_weekdays: [MON, TUE, THU, SUN]\nmax_weekly_hours: %s\n";
        assertThatThrownBy(() -> parse(base.formatted("ultra", 6)))
                .isInstanceOf(GoalsException.class)
                .hasMessageContaining("g.yaml")
                .hasMessageContaining("race.distance")
                .hasMessageContaining("ultra");
        assertThatThrownBy(() -> parse(base.formatted("5k", 99)))
                .hasMessageContaining("max_weekly_hours");
        assertThatThrownBy(() -> parse(base.formatted("5k", 6) + "long_run_day: WED\n"))
                .hasMessageContaining("long_run_day");
        assertThatThrownBy(() -> parse(base.formatted("5k", 6) + "colour: red\n"))
                .hasMessageContaining("'colour'");
        assertThatThrownBy(() -> parse(base.formatted("5k", 6).replace("THU, ", "")))
                .hasMessageContaining("available_weekdays");
        assertThatThrownBy(() -> parse(base.formatted("5k", 6) + "blocked_dates: [2027-03-14]\n"))
                .hasMessageContaining("blocked_dates");
        assertThatThrownBy(() -> parse("race: [\n")).hasMessageContaining("not valid YAML");
        assertThat(parse(base.formatted(8000, 6)).raceDistanceMeters()).isEqualTo(8000);
    }
}
