package io.trainingpipeline.planner.guardrail;

import static io.trainingpipeline.planner.guardrail.GuardrailsTest.BLOCKED;
import static io.trainingpipeline.planner.guardrail.GuardrailsTest.MON;
import static io.trainingpipeline.planner.guardrail.GuardrailsTest.minutes;
import static io.trainingpipeline.planner.guardrail.GuardrailsTest.rules;
import static io.trainingpipeline.planner.guardrail.GuardrailsTest.week;
import static org.assertj.core.api.Assertions.assertThat;

import io.trainingpipeline.planner.plan.PlanDocument;
import io.trainingpipeline.schemas.events.PlanDecided.Decision;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Rule 7 (calendar, past, only sessions change), split from {@link GuardrailsTest}. */
class GuardrailsCalendarTest {
    private final GuardrailsTest fixture = new GuardrailsTest();

    private GuardrailResult run(String... ops) {
        return fixture.run(ops);
    }

    private GuardrailResult run(PlanDocument week, GuardrailContext ctx, String... ops) {
        return fixture.run(week, ctx, ops);
    }

    String moveTo(int session, String date) {
        return "{\"op\":\"replace\",\"path\":\"/sessions/"
                + session
                + "/date\",\"value\":\""
                + date
                + "\"}";
    }

    @Test
    void blockedDateAndUnavailableWeekdayAreRejected() {
        GuardrailResult blocked = run(moveTo(2, BLOCKED.toString()));
        assertThat(blocked.decision()).isEqualTo(Decision.FORWARDED_UNTOUCHED);
        assertThat(rules(blocked)).containsExactly(Rules.CALENDAR);
        GuardrailResult wednesday = run(moveTo(2, "2026-12-02"));
        assertThat(rules(wednesday)).containsExactly(Rules.CALENDAR);
        assertThat(run(moveTo(2, "2026-12-05")).decision()).isEqualTo(Decision.APPLIED);
    }

    @Test
    void thePastIsNotRewritten() {
        GuardrailContext tuesday =
                new GuardrailContext(
                        MON.plusDays(1),
                        d -> true,
                        OptionalDouble.empty(),
                        List.of(),
                        OptionalDouble.empty(),
                        OptionalDouble.empty());
        GuardrailResult r = run(week(), tuesday, minutes(0, 50));
        assertThat(r.decision()).isEqualTo(Decision.FORWARDED_UNTOUCHED);
        assertThat(rules(r)).contains(Rules.PAST);
        assertThat(run(week(), tuesday, minutes(2, 50)).decision()).isEqualTo(Decision.APPLIED);
    }

    @Test
    void onlySessionsMayChange() {
        GuardrailResult r = run("{\"op\":\"replace\",\"path\":\"/athleteId\",\"value\":\"other\"}");
        assertThat(r.decision()).isEqualTo(Decision.FORWARDED_UNTOUCHED);
        assertThat(rules(r)).containsExactly(Rules.PATCH_INVALID);
    }
}
