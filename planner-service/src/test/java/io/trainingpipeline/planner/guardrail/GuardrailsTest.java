package io.trainingpipeline.planner.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trainingpipeline.planner.plan.PlanDocument;
import io.trainingpipeline.planner.plan.PlanJson;
import io.trainingpipeline.planner.plan.Session;
import io.trainingpipeline.planner.plan.SessionFactory;
import io.trainingpipeline.schemas.events.DecisionReason;
import io.trainingpipeline.schemas.events.PlanDecided.Decision;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every section-6 rule at, below and above its limit. */
class GuardrailsTest {
    static final LocalDate MON = LocalDate.parse("2026-11-30");
    static final Set<DayOfWeek> AVAILABLE =
            Set.of(
                    DayOfWeek.MONDAY,
                    DayOfWeek.TUESDAY,
                    DayOfWeek.THURSDAY,
                    DayOfWeek.FRIDAY,
                    DayOfWeek.SATURDAY,
                    DayOfWeek.SUNDAY);
    static final LocalDate BLOCKED = LocalDate.parse("2026-12-04");

    final Guardrails guardrails = new Guardrails(GuardrailSettings.defaults());

    /** Mon easy 60, Tue hard 45, Thu easy 60, Sat easy 55, Sun long 80: 300 min, 85 % easy. */
    static PlanDocument week(String phase, Boolean deload, Integer reference) {
        return new PlanDocument(
                "g1",
                MON,
                3,
                List.of(
                        SessionFactory.easy(MON, 60),
                        SessionFactory.intervals(MON.plusDays(1), 45),
                        SessionFactory.easy(MON.plusDays(3), 60),
                        SessionFactory.easy(MON.plusDays(5), 55),
                        SessionFactory.longRun(MON.plusDays(6), 80)),
                phase,
                deload,
                reference);
    }

    static PlanDocument week() {
        return week("build", false, null);
    }

    static GuardrailContext ctx(List<String> flags, Double lastWeek) {
        return new GuardrailContext(
                LocalDate.parse("2026-11-27"),
                d -> AVAILABLE.contains(d.getDayOfWeek()) && !d.equals(BLOCKED),
                lastWeek == null ? OptionalDouble.empty() : OptionalDouble.of(lastWeek),
                flags,
                OptionalDouble.empty(),
                OptionalDouble.empty());
    }

    static JsonNode patch(String json) {
        try {
            return PlanJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String minutes(int session, int value) {
        return "{\"op\":\"replace\",\"path\":\"/sessions/"
                + session
                + "/durationMinutes\",\"value\":"
                + value
                + "}";
    }

    GuardrailResult run(PlanDocument week, GuardrailContext ctx, String... ops) {
        return guardrails.evaluate(week, patch("[" + String.join(",", ops) + "]"), List.of(), ctx);
    }

    GuardrailResult run(String... ops) {
        return run(week(), ctx(List.of("ramp_too_fast"), null), ops);
    }

    static List<String> rules(GuardrailResult r) {
        return r.reasons().stream().map(DecisionReason::rule).toList();
    }

    @Nested
    class Rule1Volume {
        @Test
        void increaseAtTwentyPercentIsApplied() {
            GuardrailResult r = run(minutes(0, 90), minutes(2, 90));
            assertThat(r.decision()).as(r.reasons().toString()).isEqualTo(Decision.APPLIED);
            assertThat(r.plan().totalMinutes()).isEqualTo(360);
        }

        @Test
        void increaseBelowLimitIsApplied() {
            assertThat(run(minutes(0, 80)).decision()).isEqualTo(Decision.APPLIED);
        }

        @Test
        void increaseAboveLimitIsClampedToIt() {
            GuardrailResult r = run(minutes(0, 90), minutes(2, 91));
            assertThat(r.decision()).isEqualTo(Decision.CLAMPED);
            assertThat(r.plan().totalMinutes()).isEqualTo(360);
            assertThat(rules(r)).containsExactly(Rules.VOLUME);
            assertThat(r.reasons().get(0).message())
                    .contains("361 min proposed, clamped to 360 min");
            assertThat(r.reasons().get(0).flag()).isEqualTo("ramp_too_fast");
        }

        @Test
        void cutAtTwentyPercentIsAppliedAndBeyondIsClamped() {
            assertThat(run(minutes(4, 20)).decision()).isEqualTo(Decision.APPLIED);
            GuardrailResult r = run(minutes(4, 19));
            assertThat(r.decision()).isEqualTo(Decision.CLAMPED);
            assertThat(r.plan().totalMinutes()).isEqualTo(240);
        }

        @Test
        void lastWeeksActualCapsTheRise() {
            GuardrailContext c = ctx(List.of(), 320.0); // cap 352
            assertThat(run(week(), c, minutes(0, 86), minutes(2, 86)).decision())
                    .isEqualTo(Decision.APPLIED);
            assertThat(run(week(), c, minutes(0, 80), minutes(2, 80)).decision())
                    .isEqualTo(Decision.APPLIED);
            GuardrailResult above = run(week(), c, minutes(0, 86), minutes(2, 87));
            assertThat(above.decision()).isEqualTo(Decision.CLAMPED);
            assertThat(above.plan().totalMinutes()).isEqualTo(352);
            assertThat(above.reasons().get(0).message()).contains("last week's actual 320");
        }
    }

    @Nested
    class Rule2Hrv {
        final GuardrailContext hrv = ctx(List.of("hrv_suppressed"), null);

        @Test
        void hardSessionsBecomeEasy() {
            GuardrailResult r = run(week(), hrv);
            assertThat(r.decision()).isEqualTo(Decision.CLAMPED);
            Session tue = r.plan().sessions().get(1);
            assertThat(tue.intensity()).isEqualTo(Session.EASY);
            assertThat(tue.durationMinutes()).isEqualTo(45);
            assertThat(tue.steps().toString()).doesNotContain("hr_zone_4");
            assertThat(r.reasons()).allMatch(x -> "hrv_suppressed".equals(x.flag()));
        }

        @Test
        void volumeMayNotRise() {
            GuardrailResult same = run(week(), hrv, minutes(0, 60));
            assertThat(same.plan().totalMinutes()).isEqualTo(300);
            assertThat(rules(same)).containsExactly(Rules.HRV);
            GuardrailResult less = run(week(), hrv, minutes(0, 50));
            assertThat(less.plan().totalMinutes()).isEqualTo(290);
            assertThat(rules(less)).containsExactly(Rules.HRV);
            GuardrailResult more = run(week(), hrv, minutes(0, 70));
            assertThat(more.decision()).isEqualTo(Decision.CLAMPED);
            assertThat(more.plan().totalMinutes()).isEqualTo(300);
            assertThat(rules(more)).containsExactly(Rules.HRV, Rules.VOLUME);
        }
    }

    @Nested
    class Rule3Recovery {
        final Guardrails relaxed = new Guardrails(withEasyShare(0.5));

        GuardrailResult run(String... ops) {
            return relaxed.evaluate(
                    week(),
                    patch("[" + String.join(",", ops) + "]"),
                    List.of(),
                    ctx(List.of(), null));
        }

        String hard(int session, int minutes) {
            return "{\"op\":\"replace\",\"path\":\"/sessions/"
                    + session
                    + "\",\"value\":"
                    + json(SessionFactory.intervals(MON.plusDays(dayOf(session)), minutes))
                    + "}";
        }

        int dayOf(int session) {
            return List.of(0, 1, 3, 5, 6).get(session);
        }

        @Test
        void oneEasyDayBetweenIsEnough() {
            // Thu intervals 30 (hard 75 of 270 min < 20 % + ... keeps 80/20)
            GuardrailResult r = run(hard(2, 60));
            assertThat(r.decision()).as(r.reasons().toString()).isEqualTo(Decision.APPLIED);
        }

        @Test
        void twoDaysBetweenIsFine() {
            assertThat(run(hard(3, 55)).decision()).isEqualTo(Decision.APPLIED);
        }

        @Test
        void backToBackHardDaysAreRejected() {
            GuardrailResult r = run(hard(0, 60));
            assertThat(r.decision()).isEqualTo(Decision.FORWARDED_UNTOUCHED);
            assertThat(rules(r)).containsExactly(Rules.RECOVERY);
            assertThat(r.plan()).isEqualTo(week());
        }
    }

    @Nested
    class Rule4Distribution {
        @Test
        void eightyTwentyAtBelowAbove() {
            assertThat(run(minutes(1, 60), minutes(0, 45)).decision()).isEqualTo(Decision.APPLIED);
            assertThat(run(minutes(1, 50), minutes(0, 55)).decision()).isEqualTo(Decision.APPLIED);
            GuardrailResult r = run(minutes(1, 61), minutes(0, 45));
            assertThat(r.decision()).isEqualTo(Decision.FORWARDED_UNTOUCHED);
            assertThat(rules(r)).containsExactly(Rules.INTENSITY);
        }

        @Test
        void longRunAtBelowAbove() {
            assertThat(run(minutes(4, 90), minutes(0, 50)).decision()).isEqualTo(Decision.APPLIED);
            assertThat(run(minutes(4, 85), minutes(0, 55)).decision()).isEqualTo(Decision.APPLIED);
            GuardrailResult r = run(minutes(4, 91), minutes(0, 49));
            assertThat(r.decision()).isEqualTo(Decision.FORWARDED_UNTOUCHED);
            assertThat(rules(r)).containsExactly(Rules.LONG_RUN);
        }
    }

    @Test
    void rule5DeloadStaysCut() {
        PlanDocument deload = week("build", true, 430); // limit 0.7 x 430 = 301
        GuardrailContext c = ctx(List.of(), null);
        assertThat(run(deload, c, minutes(0, 61)).decision()).isEqualTo(Decision.APPLIED);
        assertThat(run(deload, c, minutes(0, 59)).decision()).isEqualTo(Decision.APPLIED);
        GuardrailResult r = run(deload, c, minutes(0, 62));
        assertThat(r.decision()).isEqualTo(Decision.FORWARDED_UNTOUCHED);
        assertThat(rules(r)).containsExactly(Rules.DELOAD);
    }

    @Test
    void rule6TaperStaysCutAndKeepsFrequency() {
        PlanDocument taper = week("taper", false, 500); // limit 0.6 x 500 = 300
        GuardrailContext c = ctx(List.of(), null);
        assertThat(run(taper, c, minutes(0, 60)).decision()).isEqualTo(Decision.APPLIED);
        assertThat(run(taper, c, minutes(0, 59)).decision()).isEqualTo(Decision.APPLIED);
        GuardrailResult above = run(taper, c, minutes(0, 61));
        assertThat(above.decision()).isEqualTo(Decision.FORWARDED_UNTOUCHED);
        assertThat(rules(above)).containsExactly(Rules.TAPER);
        GuardrailResult fewer = run(taper, c, "{\"op\":\"remove\",\"path\":\"/sessions/3\"}");
        assertThat(fewer.decision()).isEqualTo(Decision.FORWARDED_UNTOUCHED);
        assertThat(fewer.reasons())
                .as(fewer.reasons().toString())
                .anyMatch(x -> x.message().contains("number of sessions"));
    }

    @Test
    void invalidPatchesForwardTheOriginal() {
        for (String bad :
                List.of(
                        minutes(9, 50),
                        "{\"op\":\"explode\",\"path\":\"/sessions/0\"}",
                        "{\"op\":\"replace\",\"path\":\"/sessions/0/intensity\",\"value\":\"max\"}")) {
            GuardrailResult r = run(bad);
            assertThat(r.decision()).as(bad).isEqualTo(Decision.FORWARDED_UNTOUCHED);
            assertThat(rules(r)).containsExactly(Rules.PATCH_INVALID);
            assertThat(r.plan()).isEqualTo(week());
        }
        GuardrailResult notArray =
                guardrails.evaluate(week(), patch("{}"), List.of(), ctx(List.of(), null));
        assertThat(rules(notArray)).containsExactly(Rules.PATCH_INVALID);
    }

    @Test
    void projectedLoadGateAtBelowAbove() {
        PlanDocument original = week();
        PlanDocument patched =
                io.trainingpipeline.planner.patch.PatchApplier.apply(
                        original, patch("[" + minutes(0, 90) + "," + minutes(2, 90) + "]"));
        LoadModel model = new LoadModel(GuardrailSettings.defaults());
        double ramp = model.project(patched, 50, 40).ramp();
        GuardrailContext c =
                new GuardrailContext(
                        LocalDate.parse("2026-11-27"),
                        d -> true,
                        OptionalDouble.empty(),
                        List.of(),
                        OptionalDouble.of(50),
                        OptionalDouble.of(40));
        assertThat(
                        new Guardrails(withRampMax(ramp))
                                .check(original, patched, List.of(), c)
                                .decision())
                .isEqualTo(Decision.APPLIED);
        assertThat(
                        new Guardrails(withRampMax(ramp + 1))
                                .check(original, patched, List.of(), c)
                                .decision())
                .isEqualTo(Decision.APPLIED);
        GuardrailResult above =
                new Guardrails(withRampMax(ramp - 0.01)).check(original, patched, List.of(), c);
        assertThat(above.decision()).isEqualTo(Decision.FORWARDED_UNTOUCHED);
        assertThat(rules(above)).containsExactly(Rules.LOAD_GATE);
    }

    static GuardrailSettings withEasyShare(double share) {
        GuardrailSettings d = GuardrailSettings.defaults();
        return new GuardrailSettings(
                d.volumeChangeMax(),
                d.lastWeekRiseMax(),
                share,
                d.longRunShareMax(),
                d.deloadMinCut(),
                d.taperMinCut(),
                d.loadPerHourEasy(),
                d.loadPerHourModerate(),
                d.loadPerHourHard(),
                d.ctlDays(),
                d.atlDays(),
                d.rampCtlPointsMax(),
                d.tsbMinFraction());
    }

    static GuardrailSettings withRampMax(double max) {
        GuardrailSettings d = GuardrailSettings.defaults();
        return new GuardrailSettings(
                d.volumeChangeMax(),
                d.lastWeekRiseMax(),
                d.easyShareMin(),
                d.longRunShareMax(),
                d.deloadMinCut(),
                d.taperMinCut(),
                d.loadPerHourEasy(),
                d.loadPerHourModerate(),
                d.loadPerHourHard(),
                d.ctlDays(),
                d.atlDays(),
                max,
                d.tsbMinFraction());
    }

    static String json(Object o) {
        try {
            return PlanJson.mapper().writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
