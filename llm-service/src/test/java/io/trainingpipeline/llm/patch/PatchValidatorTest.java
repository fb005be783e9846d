package io.trainingpipeline.llm.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.trainingpipeline.llm.TestPlans;
import io.trainingpipeline.schemas.EventJson;
import io.trainingpipeline.schemas.events.OperationRationale;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatchValidatorTest {
    private final PatchValidator validator = new PatchValidator(5);
    private final JsonNode plan = TestPlans.plan("a1");

    private static PatchDraft draft(String patch) throws Exception {
        ArrayNode ops = (ArrayNode) EventJson.mapper().readTree(patch);
        List<OperationRationale> why = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            why.add(new OperationRationale(i, "hrv_suppressed", "hrvZ7", "because"));
        }
        return new PatchDraft(ops, why);
    }

    @Test
    void aPatchOfTheWeeksSessionsAppliesAndReturnsThePatchedPlan() throws Exception {
        JsonNode result =
                validator.validate(
                        draft(
                                """
                                [{"op":"replace","path":"/sessions/1/intensity","value":"easy"},
                                 {"op":"replace","path":"/sessions/1/durationMinutes","value":40},
                                 {"op":"add","path":"/sessions/-","value":{"id":"x","date":"2026-12-05",
                                   "sport":"running","name":"Shakeout","intensity":"easy","durationMinutes":20}},
                                 {"op":"remove","path":"/sessions/2"}]
                                """),
                        plan,
                        TestPlans.WEEK);
        assertThat(result.at("/sessions/1/intensity").asText()).isEqualTo("easy");
        assertThat(result.get("sessions")).hasSize(5);
        assertThat(result.get("version").asInt()).isEqualTo(7);
    }

    @Test
    void anEmptyPatchIsAValidNothingToChange() throws Exception {
        assertThat(validator.validate(draft("[]"), plan, TestPlans.WEEK)).isEqualTo(plan);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"op\":\"replace\",\"path\":\"/athleteId\",\"value\":\"b\"}|outside the sessions",
                "{\"op\":\"replace\",\"path\":\"/weekStart\",\"value\":\"2026-12-07\"}|outside the sessions",
                "{\"op\":\"replace\",\"path\":\"/version\",\"value\":8}|outside the sessions",
                "{\"op\":\"replace\",\"path\":\"/sessions\",\"value\":[]}|outside the sessions",
                "{\"op\":\"replace\",\"path\":\"/sessions/0/id\",\"value\":\"z\"}|field 'id'",
                "{\"op\":\"replace\",\"path\":\"/sessions/0/date\",\"value\":\"2026-12-08\"}|outside the week",
                "{\"op\":\"replace\",\"path\":\"/sessions/0/date\",\"value\":\"2026-11-29\"}|outside the week",
                "{\"op\":\"replace\",\"path\":\"/sessions/0/intensity\",\"value\":\"brutal\"}|intensity must be",
                "{\"op\":\"replace\",\"path\":\"/sessions/0/durationMinutes\",\"value\":\"long\"}|durationMinutes",
                "{\"op\":\"replace\",\"path\":\"/sessions/0/durationMinutes\",\"value\":900}|durationMinutes",
                "{\"op\":\"move\",\"from\":\"/athleteId\",\"path\":\"/sessions/0/name\"}|not allowed",
                "{\"op\":\"replace\",\"path\":\"/sessions/9/intensity\",\"value\":\"easy\"}|does not apply",
                "{\"op\":\"replace\",\"path\":\"/sessions/-\",\"value\":{}}|only takes 'add'",
                "{\"op\":\"jump\",\"path\":\"/sessions/0/name\",\"value\":\"x\"}|RFC 6902",
            })
    void forbiddenOrBrokenOperationsAreRejectedWithTheReason(String op, String reason)
            throws Exception {
        assertThatThrownBy(() -> validator.validate(draft("[" + op + "]"), plan, TestPlans.WEEK))
                .isInstanceOf(InvalidProposalException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void moreOperationsThanTheLimitAreRejected() throws Exception {
        String op = "{\"op\":\"replace\",\"path\":\"/sessions/0/name\",\"value\":\"x\"}";
        String six = "[" + String.join(",", List.of(op, op, op, op, op, op)) + "]";
        assertThatThrownBy(() -> validator.validate(draft(six), plan, TestPlans.WEEK))
                .hasMessageContaining("6 operations, more than the 5 allowed");
    }

    @Test
    void everyOperationNeedsARationale() throws Exception {
        ArrayNode ops =
                (ArrayNode)
                        EventJson.mapper()
                                .readTree(
                                        "[{\"op\":\"replace\",\"path\":\"/sessions/0/name\",\"value\":\"x\"}]");
        assertThatThrownBy(
                        () ->
                                validator.validate(
                                        new PatchDraft(ops, List.of()), plan, TestPlans.WEEK))
                .hasMessageContaining("operation 0 has no rationale");
        PatchDraft outOfRange =
                new PatchDraft(ops, List.of(new OperationRationale(3, "f", "m", "r")));
        assertThatThrownBy(() -> validator.validate(outOfRange, plan, TestPlans.WEEK))
                .hasMessageContaining("names operation 3");
    }

    @Test
    void aPatchThatIsNotAnArrayIsRejected() {
        PatchDraft notArray = new PatchDraft(null, List.of());
        assertThatThrownBy(() -> validator.validate(notArray, plan, TestPlans.WEEK))
                .hasMessageContaining("not a JSON array");
    }
}
