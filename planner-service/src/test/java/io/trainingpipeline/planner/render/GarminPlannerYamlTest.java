package io.trainingpipeline.planner.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.garmin.fit.Decode;
import com.garmin.fit.MesgBroadcaster;
import com.garmin.fit.WorkoutStepMesg;
import io.trainingpipeline.planner.plan.Fitness;
import io.trainingpipeline.planner.plan.PlanDocument;
import io.trainingpipeline.planner.plan.PlanGenerator;
import io.trainingpipeline.planner.plan.PlanGeneratorTest;
import io.trainingpipeline.planner.plan.PlanSettings;
import io.trainingpipeline.planner.plan.Session;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GarminPlannerYamlTest {
    static List<PlanDocument> plan() {
        return new PlanGenerator(PlanSettings.defaults())
                .generate(
                        PlanGeneratorTest.goals("half", "2027-03-14"),
                        new Fitness(40, 40, 240, "t"),
                        LocalDate.parse("2026-11-27"));
    }

    static PlanDocument buildWeek() {
        return plan().stream()
                .filter(w -> "build".equals(w.phase()) && !w.isDeload())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void everyWeekRoundTripsThroughTheYaml() {
        for (PlanDocument week : plan()) {
            String yaml = GarminPlannerYaml.render(week);
            assertThat(GarminPlannerYaml.parse(yaml, "other")).isEqualTo(week);
        }
    }

    @Test
    void rendersGarminPlannerSyntax() {
        PlanDocument week = buildWeek();
        String yaml = GarminPlannerYaml.render(week);
        assertThat(yaml).contains("schedulePlan:", "start_from: " + week.weekStart(), "@H(z2)");
        assertThat(yaml).contains("repeat(");
        assertThat(yaml).contains("deleteSameNameWorkout: false");
    }

    @Test
    void importsAHandWrittenFileWithoutOurBlock() {
        String yaml =
                """
                settings: {deleteSameNameWorkout: true}
                workouts:
                  easy 40:
                    - run: "40min @H(z2)"
                  threshold:
                    - warmup: 10min
                    - repeat(3):
                        - run: "5min @P(4:30-4:40)"
                        - recovery: "2min"
                    - cooldown: 10min
                schedulePlan:
                  start_from: 2026-12-07
                  workouts: [easy 40, rest, threshold]
                """;
        PlanDocument doc = GarminPlannerYaml.parse(yaml, "hand");
        assertThat(doc.athleteId()).isEqualTo("hand");
        assertThat(doc.weekStart()).isEqualTo(LocalDate.parse("2026-12-07"));
        assertThat(doc.sessions()).extracting(Session::intensity).containsExactly("easy", "hard");
        assertThat(doc.sessions().get(1).durationMinutes()).isEqualTo(41);
        assertThat(doc.sessions().get(1).date()).isEqualTo(LocalDate.parse("2026-12-09"));
    }

    @Test
    void writesFitWorkoutFilesTheSdkCanRead(@TempDir Path dir) throws Exception {
        PlanDocument week = buildWeek();
        List<Path> files = FitWorkoutFiles.write(week, dir);
        assertThat(files).hasSize((int) week.sessions().stream().filter(Session::isRun).count());
        Session intervals =
                week.sessions().stream().filter(Session::isHard).findFirst().orElseThrow();
        List<String> names = new ArrayList<>();
        List<WorkoutStepMesg> steps = new ArrayList<>();
        MesgBroadcaster b = new MesgBroadcaster(new Decode());
        b.addListener((com.garmin.fit.WorkoutMesgListener) m -> names.add(m.getWktName()));
        b.addListener((com.garmin.fit.WorkoutStepMesgListener) steps::add);
        try (InputStream in = Files.newInputStream(dir.resolve(intervals.id() + ".fit"))) {
            b.run(in);
        }
        assertThat(names).containsExactly(intervals.name());
        assertThat(steps).hasSize(5); // warmup, run, recovery, repeat marker, cooldown
        assertThat(steps.get(3).getRepeatSteps())
                .isEqualTo((long) intervals.steps().get(1).repeat());
        assertThat(steps.get(0).getDurationTime()).isEqualTo(15 * 60f);
    }
}
