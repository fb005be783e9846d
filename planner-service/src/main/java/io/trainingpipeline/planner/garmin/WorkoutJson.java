package io.trainingpipeline.planner.garmin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainingpipeline.planner.plan.Session;
import io.trainingpipeline.planner.plan.Step;
import java.util.List;

/**
 * A session as Garmin Connect workout JSON (workout-service): one segment, executable steps with a
 * time end condition and heart-rate zone targets, repeat groups as {@code RepeatGroupDTO}.
 */
final class WorkoutJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private WorkoutJson() {}

    static ObjectNode of(Session s, String description) {
        ObjectNode w = F.objectNode();
        w.put("workoutName", s.name());
        w.put("description", description);
        w.set("sportType", sport());
        ObjectNode segment = w.putArray("workoutSegments").addObject();
        segment.put("segmentOrder", 1);
        segment.set("sportType", sport());
        segment.set("workoutSteps", steps(s.steps(), new int[] {1}));
        return w;
    }

    private static ObjectNode sport() {
        ObjectNode o = F.objectNode();
        o.put("sportTypeId", 1);
        o.put("sportTypeKey", "running");
        return o;
    }

    private static ArrayNode steps(List<Step> steps, int[] order) {
        ArrayNode out = F.arrayNode();
        for (Step st : steps) {
            ObjectNode o = out.addObject();
            o.put("stepOrder", order[0]++);
            if (st.isRepeat()) {
                o.put("type", "RepeatGroupDTO");
                o.set("stepType", type(6, "repeat"));
                o.put("numberOfIterations", st.repeat());
                o.set("endCondition", condition(7, "iterations"));
                o.put("endConditionValue", st.repeat());
                o.set("workoutSteps", steps(st.steps(), order));
                continue;
            }
            o.put("type", "ExecutableStepDTO");
            o.set(
                    "stepType",
                    switch (st.type()) {
                        case "warmup" -> type(1, "warmup");
                        case "cooldown" -> type(2, "cooldown");
                        case "recovery" -> type(4, "recovery");
                        default -> type(3, "interval");
                    });
            o.set("endCondition", condition(2, "time"));
            o.put("endConditionValue", st.durationMinutes() * 60);
            ObjectNode target = o.putObject("targetType");
            if (st.target() != null && st.target().startsWith("hr_zone_")) {
                target.put("workoutTargetTypeId", 4);
                target.put("workoutTargetTypeKey", "heart.rate.zone");
                o.put("zoneNumber", Integer.parseInt(st.target().substring("hr_zone_".length())));
            } else {
                target.put("workoutTargetTypeId", 1);
                target.put("workoutTargetTypeKey", "no.target");
            }
        }
        return out;
    }

    private static ObjectNode type(int id, String key) {
        ObjectNode o = F.objectNode();
        o.put("stepTypeId", id);
        o.put("stepTypeKey", key);
        return o;
    }

    private static ObjectNode condition(int id, String key) {
        ObjectNode o = F.objectNode();
        o.put("conditionTypeId", id);
        o.put("conditionTypeKey", key);
        return o;
    }
}
