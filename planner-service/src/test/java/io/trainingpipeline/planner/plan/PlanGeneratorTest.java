package io.trainingpipeline.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainingpipeline.planner.goal.Goals;
import io.trainingpipeline.planner.goal.GoalsParser;
import io.trainingpipeline.planner.guardrail.GuardrailContext;
import io.trainingpipeline.planner.guardrail.GuardrailSettings;
import io.trainingpipeline.planner.guardrail.Guardrails;
import io.trainingpipeline.schemas.events.PlanDecided.Decision;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

public class PlanGeneratorTest {
    static final LocalDate TODAY = LocalDate.parse("2026-11-27");
    final PlanGenerator generator = new PlanGenerator(PlanSettings.defaults());

    public static Goals goals(String distance, String raceDate) {
        String yaml =
                """
                timezone: Europe/Berlin
                race: {date: %s, distance: %s}
                available_weekdays: [MON, TUE, THU, SAT, SUN]
                long_run_day: SUN
                max_weekly_hours: 8
                blocked_dates:
                  - 2026-12-24
                  - {from: 2026-12-30, to: 2027-01-02}
                  - 2027-02-07
                """
                        .formatted(raceDate, distance);
        return GoalsParser.parse("test.yaml", "gen", yaml.getBytes(StandardCharsets.UTF_8));
    }

    static final Fitness FIT = new Fitness(40, 40, 240, "test");

    @ParameterizedTest
    @CsvSource({"5k,7", "half,14", "marathon,21"})
    void taperLengthFollowsTheDistance(String distance, int days) {
        Goals g = goals(distance, "2027-03-14");
        List<PlanDocument> plan = generator.generate(g, FIT, TODAY);
        LocalDate taperStart =
                plan.stream().filter(PlanDocument::isTaper).findFirst().orElseThrow().weekStart();
        assertThat(ChronoUnit.DAYS.between(taperStart, g.raceDate()) + 1).isEqualTo(days);
        PlanDocument last = plan.get(plan.size() - 1);
        assertThat(last.sessions()).anyMatch(s -> s.isRace() && s.date().equals(g.raceDate()));
        // taper cuts volume 40-60 % against the last loading week
        plan.stream()
                .filter(PlanDocument::isTaper)
                .forEach(
                        w ->
                                assertThat(w.totalMinutes())
                                        .isLessThanOrEqualTo(
                                                (int) Math.round(w.referenceMinutes() * 0.6)));
        assertRules(g, plan);
    }

    @ParameterizedTest
    @CsvSource({"5k", "half", "marathon"})
    void deloadEveryFourthWeekAndTheRulesHold(String distance) {
        Goals g = goals(distance, "2027-03-14");
        List<PlanDocument> plan = generator.generate(g, FIT, TODAY);
        assertThat(plan.get(0).weekStart()).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(plan).hasSize(16);
        assertThat(plan.get(3).isDeload()).isTrue();
        assertThat(plan.get(7).isDeload()).isTrue();
        assertThat(plan.get(2).isDeload()).isFalse();
        for (PlanDocument w : plan) {
            if (w.isDeload()) {
                assertThat(w.totalMinutes())
                        .isLessThanOrEqualTo((int) (w.referenceMinutes() * 0.7));
            }
        }
        assertThat(plan).extracting(PlanDocument::phase).contains("base", "build", "peak", "taper");
        assertRules(g, plan);
    }

    @Test
    void aGoalChangeMidPlanRegeneratesFromThatDay() {
        Goals before = goals("half", "2027-03-14");
        List<PlanDocument> first = generator.generate(before, FIT, TODAY);
        LocalDate later = TODAY.plusWeeks(5);
        Goals after = goals("marathon", "2027-04-25");
        List<PlanDocument> second = generator.generate(after, FIT, later);
        assertThat(second.get(0).weekStart()).isEqualTo(first.get(5).weekStart());
        assertThat(second.get(second.size() - 1).weekStart())
                .isEqualTo(LocalDate.parse("2027-04-19"));
        assertThat(second.stream().filter(PlanDocument::isTaper).count()).isEqualTo(3);
        assertThat(second.stream().flatMap(w -> w.sessions().stream()))
                .allMatch(s -> !s.date().isBefore(later));
        assertRules(after, second);
    }

    @Test
    void sameInputsGiveTheSamePlanAndVolumeFollowsFitness() {
        Goals g = goals("half", "2027-03-14");
        assertThat(generator.generate(g, FIT, TODAY)).isEqualTo(generator.generate(g, FIT, TODAY));
        int low = generator.generate(g, new Fitness(20, 20, 150, "t"), TODAY).get(1).totalMinutes();
        int high =
                generator.generate(g, new Fitness(60, 60, 360, "t"), TODAY).get(1).totalMinutes();
        assertThat(high).isGreaterThan(low);
    }

    /**
     * No blocked or unavailable day, 80/20, long run, no consecutive hard days, guardrails agree.
     */
    static void assertRules(Goals g, List<PlanDocument> plan) {
        List<Session> all =
                plan.stream()
                        .flatMap(w -> w.sessions().stream())
                        .sorted(Comparator.comparing(Session::date))
                        .toList();
        assertThat(all).allMatch(s -> g.allows(s.date()), "only allowed days");
        assertThat(all).allMatch(s -> !s.date().isBefore(TODAY), "nothing in the past");
        List<Session> hard = all.stream().filter(Session::isHard).toList();
        for (int i = 1; i < hard.size(); i++) {
            assertThat(ChronoUnit.DAYS.between(hard.get(i - 1).date(), hard.get(i).date()))
                    .as("gap between hard days %s and %s", hard.get(i - 1).id(), hard.get(i).id())
                    .isGreaterThanOrEqualTo(2);
        }
        Guardrails guardrails = new Guardrails(GuardrailSettings.defaults());
        for (PlanDocument w : plan) {
            List<Session> runs =
                    w.sessions().stream().filter(s -> s.isRun() && !s.isRace()).toList();
            int total = runs.stream().mapToInt(Session::durationMinutes).sum();
            int easy =
                    runs.stream().filter(Session::isEasy).mapToInt(Session::durationMinutes).sum();
            assertThat(easy)
                    .as("80/20 in %s", w.weekStart())
                    .isGreaterThanOrEqualTo((int) Math.ceil(0.8 * total));
            if (runs.size() >= 4) {
                assertThat(runs.stream().mapToInt(Session::durationMinutes).max().orElse(0))
                        .as("long run in %s", w.weekStart())
                        .isLessThanOrEqualTo((int) (0.3 * total));
            }
            assertThat(w.sessions()).allMatch(s -> Steps.total(s.steps()) == s.durationMinutes());
            GuardrailContext ctx =
                    new GuardrailContext(
                            TODAY,
                            g::allows,
                            OptionalDouble.empty(),
                            List.of(),
                            OptionalDouble.empty(),
                            OptionalDouble.empty());
            assertThat(guardrails.check(w, w, List.of(), ctx).decision())
                    .as("guardrails accept generated week %s", w.weekStart())
                    .isEqualTo(Decision.APPLIED);
        }
    }
}
