package io.trainingpipeline.llm.coach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trainingpipeline.llm.TestPlans;
import io.trainingpipeline.llm.patch.PatchDraft;
import io.trainingpipeline.llm.patch.PatchValidator;
import io.trainingpipeline.schemas.EventJson;
import io.trainingpipeline.schemas.events.Flag;
import io.trainingpipeline.schemas.events.OperationRationale;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per flag: the exact patch and rationale section 6 prescribes, on the test week. */
class RuleCoachTest {
    private final RuleCoach coach = new RuleCoach(0.15);
    private final JsonNode plan = TestPlans.plan("a1");

    private PatchDraft propose(Flag... flags) {
        PatchDraft draft = coach.propose(List.of(flags), plan, TestPlans.WEEK);
        // every coach answer must pass the same validation as a model's
        new PatchValidator(40).validate(draft, plan, TestPlans.WEEK);
        return draft;
    }

    private static JsonNode json(String text) throws Exception {
        return EventJson.mapper().readTree(text);
    }

    private static Flag flag(String name, String date, Map<String, Double> values, double t) {
        return new Flag(name, LocalDate.parse(date), values, t, Flag.Severity.MEDIUM);
    }

    @Test
    void hrvSuppressedTurnsModerateAndHardSessionsEasy() throws Exception {
        PatchDraft d = propose(TestPlans.hrvSuppressed());
        assertThat(d.patch())
                .isEqualTo(
                        json(
                                """
                                [{"op":"replace","path":"/sessions/1/intensity","value":"easy"},
                                 {"op":"replace","path":"/sessions/3/intensity","value":"easy"}]
                                """));
        assertThat(d.rationale())
                .containsExactly(
                        new OperationRationale(
                                0,
                                "hrv_suppressed",
                                "hrvZ7",
                                "hrv_suppressed: hrvZ7 = -0.90 (threshold -0.50); 'Intervals 5x1k'"
                                        + " on 2026-12-01 changes from hard to easy (section 6 rule 2)"),
                        new OperationRationale(
                                1,
                                "hrv_suppressed",
                                "hrvZ7",
                                "hrv_suppressed: hrvZ7 = -0.90 (threshold -0.50); 'Tempo 40' on"
                                        + " 2026-12-03 changes from moderate to easy (section 6 rule"
                                        + " 2)"));
    }

    @Test
    void hrvDropDoesTheSameNamingItsOwnMetric() throws Exception {
        PatchDraft d = propose(flag("hrv_drop", "2026-11-29", Map.of("hrvZNight", -1.4), -1.0));
        assertThat(d.patch())
                .isEqualTo(
                        json(
                                """
                                [{"op":"replace","path":"/sessions/1/intensity","value":"easy"},
                                 {"op":"replace","path":"/sessions/3/intensity","value":"easy"}]
                                """));
        assertThat(d.rationale().get(0).flag()).isEqualTo("hrv_drop");
        assertThat(d.rationale().get(0).metric()).isEqualTo("hrvZNight");
        assertThat(d.rationale().get(0).reason())
                .startsWith("hrv_drop: hrvZNight = -1.40 (threshold -1.00);");
    }

    @Test
    void rampTooFastCutsEveryTrainingSessionByFifteenPercentStepsIncluded() throws Exception {
        PatchDraft d =
                propose(flag("ramp_too_fast", "2026-11-29", Map.of("weeklyLoad", 520.0), 450.0));
        assertThat(d.patch())
                .isEqualTo(
                        json(
                                """
                                [{"op":"replace","path":"/sessions/0/durationMinutes","value":38},
                                 {"op":"replace","path":"/sessions/0/steps","value":[
                                   {"type":"warmup","durationMinutes":9,"target":"hr_zone_2"},
                                   {"type":"run","durationMinutes":30,"target":"hr_zone_2"}]},
                                 {"op":"replace","path":"/sessions/1/durationMinutes","value":51},
                                 {"op":"replace","path":"/sessions/3/durationMinutes","value":34},
                                 {"op":"replace","path":"/sessions/4/durationMinutes","value":85}]
                                """));
        assertThat(d.rationale()).hasSize(5);
        assertThat(d.rationale().get(0))
                .isEqualTo(
                        new OperationRationale(
                                0,
                                "ramp_too_fast",
                                "weeklyLoad",
                                "ramp_too_fast: weeklyLoad = 520.00 (threshold 450.00); volume -15"
                                        + " %: 'Easy 45' on 2026-11-30 goes from 45 to 38 min"));
        assertThat(d.rationale().get(1).reason()).endsWith("(steps scaled alike)");
        assertThat(d.rationale()).allMatch(r -> r.flag().equals("ramp_too_fast"));
    }

    @Test
    void acuteChronicHighCutsVolumeTooButOnlyOnceWithRamp() throws Exception {
        Flag acwr = flag("acute_chronic_high", "2026-11-29", Map.of("acwr", 1.45), 1.3);
        PatchDraft alone = propose(acwr);
        assertThat(alone.patch()).hasSize(5);
        assertThat(alone.patch().get(4))
                .isEqualTo(
                        json(
                                "{\"op\":\"replace\",\"path\":\"/sessions/4/durationMinutes\","
                                        + "\"value\":85}"));
        assertThat(alone.rationale().get(4).reason())
                .isEqualTo(
                        "acute_chronic_high: acwr = 1.45 (threshold 1.30); volume -15 %: 'Long"
                                + " 100' on 2026-12-06 goes from 100 to 85 min");

        PatchDraft both =
                propose(flag("ramp_too_fast", "2026-11-29", Map.of("rampCtl", 9.0), 8.0), acwr);
        assertThat(both.patch()).isEqualTo(alone.patch());
        assertThat(both.rationale().get(0).reason()).contains("(acute_chronic_high asks the same)");
    }

    @Test
    void sleepShortMakesTheNextDayEasy() throws Exception {
        PatchDraft d = propose(flag("sleep_short", "2026-11-30", Map.of("sleepHours", 5.2), 6.0));
        assertThat(d.patch())
                .isEqualTo(
                        json(
                                "[{\"op\":\"replace\",\"path\":\"/sessions/1/intensity\","
                                        + "\"value\":\"easy\"}]"));
        assertThat(d.rationale())
                .containsExactly(
                        new OperationRationale(
                                0,
                                "sleep_short",
                                "sleepHours",
                                "sleep_short: sleepHours = 5.20 (threshold 6.00); the next day's"
                                        + " 'Intervals 5x1k' on 2026-12-01 changes from hard to"
                                        + " easy"));
    }

    @Test
    void sleepShortBeforeTheWeekMeansItsFirstDayWhichIsAlreadyEasy() {
        PatchDraft d = propose(flag("sleep_short", "2026-11-28", Map.of("sleepHours", 5.0), 6.0));
        assertThat(d.patch()).isEmpty();
        assertThat(d.rationale()).isEmpty();
    }

    @Test
    void formTooLowTakesHardSessionsDownOneStep() throws Exception {
        PatchDraft d = propose(flag("form_too_low", "2026-11-29", Map.of("tsb", -25.0), -18.0));
        assertThat(d.patch())
                .isEqualTo(
                        json(
                                "[{\"op\":\"replace\",\"path\":\"/sessions/1/intensity\","
                                        + "\"value\":\"moderate\"}]"));
        assertThat(d.rationale())
                .containsExactly(
                        new OperationRationale(
                                0,
                                "form_too_low",
                                "tsb",
                                "form_too_low: tsb = -25.00 (threshold -18.00); 'Intervals 5x1k'"
                                        + " on 2026-12-01 changes from hard to moderate"));
    }

    @Test
    void laterFlagsNeverRepeatWhatEarlierOnesChanged() {
        PatchDraft d =
                propose(
                        flag("form_too_low", "2026-11-29", Map.of("tsb", -25.0), -18.0),
                        TestPlans.hrvSuppressed());
        assertThat(d.patch()).hasSize(2);
        assertThat(d.rationale()).allMatch(r -> r.flag().equals("hrv_suppressed"));
    }

    @Test
    void noFlagsMeansAnEmptyPatchAndUnknownFlagsChangeNothing() {
        assertThat(propose().patch()).isEmpty();
        PatchDraft unknown = propose(flag("moon_phase", "2026-11-29", Map.of(), 1.0));
        assertThat(unknown.patch()).isEmpty();
    }

    @Test
    void aFlagWithoutEvidenceNamesItsUsualMetric() {
        PatchDraft d = propose(flag("hrv_suppressed", "2026-11-29", Map.of(), -0.5));
        assertThat(d.rationale().get(0).metric()).isEqualTo("hrvZ7");
        assertThat(d.rationale().get(0).reason()).startsWith("hrv_suppressed: hrvZ7 = n/a");
    }
}
