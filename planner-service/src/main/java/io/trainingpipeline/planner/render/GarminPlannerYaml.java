package io.trainingpipeline.planner.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.trainingpipeline.planner.plan.PlanDocument;
import io.trainingpipeline.planner.plan.Session;
import io.trainingpipeline.planner.plan.SessionFactory;
import io.trainingpipeline.planner.plan.Step;
import io.trainingpipeline.planner.plan.Steps;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plan week as garmin_planner YAML and back (docs/garmin-connect.md): {@code workouts} keyed by
 * {@code "<session id> <name>"} (unique, and the name Garmin shows), steps as {@code warmup | run |
 * recovery | cooldown: "<N>min [@H(zN) | @P(m:ss-m:ss)]"} and {@code repeat(N)}, and a {@code
 * schedulePlan} with one entry per day of the week ({@code rest} when empty). A {@code
 * trainingPipeline} block carries athlete, week, version and phase; garmin_planner reads only its
 * own keys. Importing a file without that block takes the athlete from the caller, the week from
 * {@code start_from}, and derives each session's intensity from its step targets.
 */
public final class GarminPlannerYaml {
    private static final ObjectMapper YAML =
            new ObjectMapper(
                    new YAMLFactory()
                            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private static final Pattern STEP =
            Pattern.compile("\\s*(\\d+)min(?:\\s*@(H\\(z(\\d)\\)|P\\(([0-9:]+-[0-9:]+)\\)))?\\s*");
    private static final Pattern REPEAT = Pattern.compile("repeat\\((\\d+)\\)");
    private static final Pattern ID = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}-\\S+) (.+)");

    private GarminPlannerYaml() {}

    /** Renders one week. */
    public static String render(PlanDocument plan) {
        ObjectNode root = YAML.createObjectNode();
        ObjectNode meta = root.putObject("trainingPipeline");
        meta.put("athleteId", plan.athleteId());
        meta.put("weekStart", plan.weekStart().toString());
        meta.put("version", plan.version());
        if (plan.phase() != null) {
            meta.put("phase", plan.phase());
        }
        if (plan.deload() != null) {
            meta.put("deload", plan.deload());
        }
        if (plan.referenceMinutes() != null) {
            meta.put("referenceMinutes", plan.referenceMinutes());
        }
        root.putObject("settings").put("deleteSameNameWorkout", false);
        ObjectNode workouts = root.putObject("workouts");
        Map<LocalDate, List<String>> byDay = new HashMap<>();
        for (Session s : plan.sessions()) {
            if (!s.isRun()) {
                continue; // rest has no workout in garmin_planner
            }
            String key = s.id() + " " + s.name();
            workouts.set(key, steps(s.steps()));
            byDay.computeIfAbsent(s.date(), d -> new ArrayList<>()).add(key);
        }
        ObjectNode schedule = root.putObject("schedulePlan");
        schedule.put("start_from", plan.weekStart().toString());
        ArrayNode days = schedule.putArray("workouts");
        for (int d = 0; d < 7; d++) {
            List<String> keys = byDay.get(plan.weekStart().plusDays(d));
            days.add(keys == null ? "rest" : String.join(", ", keys));
        }
        try {
            return YAML.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot render YAML", e);
        }
    }

    private static ArrayNode steps(List<Step> steps) {
        ArrayNode out = YAML.createArrayNode();
        for (Step st : steps) {
            ObjectNode o = out.addObject();
            if (st.isRepeat()) {
                o.set("repeat(" + st.repeat() + ")", steps(st.steps()));
            } else {
                String type =
                        List.of("warmup", "run", "recovery", "cooldown").contains(st.type())
                                ? st.type()
                                : "run";
                o.put(type, st.durationMinutes() + "min" + target(st.target()));
            }
        }
        return out;
    }

    private static String target(String t) {
        if (t == null) {
            return "";
        }
        if (t.startsWith("hr_zone_")) {
            return " @H(z" + t.substring("hr_zone_".length()) + ")";
        }
        if (t.startsWith("pace_")) {
            return " @P(" + t.substring("pace_".length()) + ")";
        }
        return "";
    }

    /**
     * Imports a garmin_planner file.
     *
     * @param athleteId used when the file has no {@code trainingPipeline} block
     * @throws IllegalArgumentException naming the key that cannot be read
     */
    public static PlanDocument parse(String yaml, String athleteId) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid YAML: " + e.getMessage(), e);
        }
        JsonNode meta = root.path("trainingPipeline");
        LocalDate start = LocalDate.parse(root.path("schedulePlan").path("start_from").asText());
        LocalDate weekStart =
                meta.has("weekStart")
                        ? LocalDate.parse(meta.get("weekStart").asText())
                        : start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        JsonNode workouts = root.path("workouts");
        List<Session> sessions = new ArrayList<>();
        JsonNode days = root.path("schedulePlan").path("workouts");
        for (int d = 0; d < days.size(); d++) {
            LocalDate date = start.plusDays(d);
            for (String key : days.get(d).asText().split(",")) {
                key = key.trim();
                if (key.isEmpty() || key.equals("rest")) {
                    continue;
                }
                if (!workouts.has(key)) {
                    throw new IllegalArgumentException(
                            "schedulePlan.workouts[" + d + "]: unknown workout '" + key + "'");
                }
                List<Step> steps = parseSteps(workouts.get(key), "workouts." + key);
                Matcher m = ID.matcher(key);
                String id = m.matches() ? m.group(1) : date + "-run-" + sessions.size();
                String name = m.matches() ? m.group(2) : key;
                sessions.add(
                        new Session(
                                id,
                                date,
                                "running",
                                name,
                                SessionFactory.intensityOf(steps),
                                Steps.total(steps),
                                steps));
            }
        }
        return new PlanDocument(
                meta.path("athleteId").asText(athleteId),
                weekStart,
                meta.path("version").asInt(0),
                sessions,
                meta.hasNonNull("phase") ? meta.get("phase").asText() : null,
                meta.hasNonNull("deload") ? meta.get("deload").asBoolean() : null,
                meta.hasNonNull("referenceMinutes") ? meta.get("referenceMinutes").asInt() : null);
    }

    private static List<Step> parseSteps(JsonNode list, String path) {
        if (!list.isArray()) {
            throw new IllegalArgumentException(path + ": must be a list of steps");
        }
        List<Step> out = new ArrayList<>();
        for (JsonNode entry : list) {
            Iterator<Map.Entry<String, JsonNode>> fields = entry.fields();
            if (!fields.hasNext()) {
                throw new IllegalArgumentException(path + ": empty step");
            }
            Map.Entry<String, JsonNode> f = fields.next();
            Matcher rep = REPEAT.matcher(f.getKey());
            if (rep.matches()) {
                out.add(
                        Step.repeat(
                                Integer.parseInt(rep.group(1)),
                                parseSteps(f.getValue(), path + "." + f.getKey())));
                continue;
            }
            Matcher m = STEP.matcher(f.getValue().asText());
            if (!m.matches()) {
                throw new IllegalArgumentException(
                        path + "." + f.getKey() + ": cannot read '" + f.getValue().asText() + "'");
            }
            String target =
                    m.group(3) != null
                            ? "hr_zone_" + m.group(3)
                            : m.group(4) != null ? "pace_" + m.group(4) : null;
            out.add(Step.of(f.getKey(), Integer.parseInt(m.group(1)), target));
        }
        return out;
    }
}
