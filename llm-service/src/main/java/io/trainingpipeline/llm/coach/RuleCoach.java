package io.trainingpipeline.llm.coach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainingpipeline.llm.patch.PatchDraft;
import io.trainingpipeline.schemas.events.Flag;
import io.trainingpipeline.schemas.events.OperationRationale;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The deterministic coach (no network): turns each flag into the change training-science section 6
 * prescribes, with one rationale per operation naming the flag, its metric and threshold.
 *
 * <ul>
 *   <li>{@code hrv_suppressed}, {@code hrv_drop} (rule 2): moderate and hard sessions become easy.
 *   <li>{@code sleep_short}: the sessions of the next day (the day after the flagged night, or the
 *       first day of the week if that is later) become easy when they were moderate or hard.
 *   <li>{@code form_too_low}: hard sessions drop one step to moderate.
 *   <li>{@code ramp_too_fast}, {@code acute_chronic_high}: the week's volume is cut by {@code
 *       volumeCut} (default 15 %): every session's minutes, and its steps' minutes, scaled once
 *       even when both flags are raised.
 * </ul>
 *
 * Flags are answered in that order on a working copy, so a later flag never repeats a change an
 * earlier one made. Rest sessions are never touched; the coach never adds volume. Unknown flag
 * names produce no operation; an empty flag list produces an empty patch ("nothing to change").
 */
public final class RuleCoach {
    /** The model name the coach's proposals carry. */
    public static final String MODEL = "rule-coach";

    private static final List<String> ORDER =
            List.of(
                    "hrv_suppressed",
                    "hrv_drop",
                    "sleep_short",
                    "form_too_low",
                    "ramp_too_fast",
                    "acute_chronic_high");

    /** The metric a flag is about when its evidence map is empty. */
    private static final Map<String, String> DEFAULT_METRIC =
            Map.of(
                    "hrv_suppressed", "hrvZ7",
                    "hrv_drop", "hrvZNight",
                    "sleep_short", "sleepHours",
                    "form_too_low", "tsb",
                    "ramp_too_fast", "weeklyLoad",
                    "acute_chronic_high", "acwr");

    private final double volumeCut;

    /**
     * @param volumeCut fraction of volume removed for ramp_too_fast / acute_chronic_high (0.15)
     */
    public RuleCoach(double volumeCut) {
        if (volumeCut <= 0 || volumeCut >= 1) {
            throw new IllegalArgumentException("volumeCut must be in (0, 1), got " + volumeCut);
        }
        this.volumeCut = volumeCut;
    }

    /**
     * The patch answering {@code flags} for {@code plan}, the plan document of the week starting
     * {@code weekStart}.
     */
    public PatchDraft propose(List<Flag> flags, JsonNode plan, LocalDate weekStart) {
        Week week = new Week(plan);
        Map<String, Flag> byName = new LinkedHashMap<>();
        flags.stream()
                .sorted(Comparator.comparing(Flag::name))
                .forEach(f -> byName.putIfAbsent(f.name(), f));
        boolean volumeCutDone = false;
        for (String name : ORDER) {
            Flag flag = byName.get(name);
            if (flag == null) {
                continue;
            }
            switch (name) {
                case "hrv_suppressed", "hrv_drop" -> easeAll(week, flag);
                case "sleep_short" -> easeNextDay(week, flag, weekStart);
                case "form_too_low" -> dropHard(week, flag);
                default -> {
                    if (!volumeCutDone) {
                        cutVolume(week, flag, byName);
                        volumeCutDone = true;
                    }
                }
            }
        }
        return new PatchDraft(week.patch, week.rationale);
    }

    private static void easeAll(Week week, Flag flag) {
        for (Session s : week.sessions) {
            if (s.intensity.equals("moderate") || s.intensity.equals("hard")) {
                week.replaceIntensity(
                        s,
                        "easy",
                        flag,
                        describe(flag)
                                + "; "
                                + s.label()
                                + " changes from "
                                + s.intensity
                                + " to easy (section 6 rule 2)");
            }
        }
    }

    private static void easeNextDay(Week week, Flag flag, LocalDate weekStart) {
        LocalDate next = flag.date() == null ? weekStart : flag.date().plusDays(1);
        LocalDate day = next.isBefore(weekStart) ? weekStart : next;
        for (Session s : week.sessions) {
            if (s.date.equals(day)
                    && (s.intensity.equals("moderate") || s.intensity.equals("hard"))) {
                week.replaceIntensity(
                        s,
                        "easy",
                        flag,
                        describe(flag)
                                + "; the next day's "
                                + s.label()
                                + " changes from "
                                + s.intensity
                                + " to easy");
            }
        }
    }

    private static void dropHard(Week week, Flag flag) {
        for (Session s : week.sessions) {
            if (s.intensity.equals("hard")) {
                week.replaceIntensity(
                        s,
                        "moderate",
                        flag,
                        describe(flag) + "; " + s.label() + " changes from hard to moderate");
            }
        }
    }

    private void cutVolume(Week week, Flag flag, Map<String, Flag> byName) {
        String also =
                flag.name().equals("ramp_too_fast") && byName.containsKey("acute_chronic_high")
                        ? " (acute_chronic_high asks the same)"
                        : "";
        int percent = (int) Math.round(volumeCut * 100);
        for (Session s : week.sessions) {
            if (s.intensity.equals("rest") || s.minutes <= 0) {
                continue;
            }
            int cut = (int) Math.round(s.minutes * (1 - volumeCut));
            String why =
                    describe(flag)
                            + also
                            + "; volume -"
                            + percent
                            + " %: "
                            + s.label()
                            + " goes from "
                            + minutes(s.minutes)
                            + " to "
                            + cut
                            + " min";
            week.replace(s, "durationMinutes", JsonNodeFactory.instance.numberNode(cut), flag, why);
            ArrayNode steps = s.scaledSteps(1 - volumeCut);
            if (steps != null) {
                week.replace(s, "steps", steps, flag, why + " (steps scaled alike)");
            }
        }
    }

    /** "hrv_suppressed: hrvZ7 = -0.90 (threshold -0.50)". */
    static String describe(Flag flag) {
        String metric = metricOf(flag);
        Double value = flag.values().get(metric);
        return flag.name()
                + ": "
                + metric
                + " = "
                + (value == null ? "n/a" : fmt(value))
                + " (threshold "
                + fmt(flag.threshold())
                + ")";
    }

    /** The metric a flag's rationale names: the first evidence key, else the flag's usual one. */
    static String metricOf(Flag flag) {
        return flag.values().keySet().stream()
                .sorted()
                .findFirst()
                .orElse(DEFAULT_METRIC.getOrDefault(flag.name(), "none"));
    }

    private static String minutes(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : fmt(v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** A working copy of the week's sessions plus the operations produced so far. */
    private static final class Week {
        final List<Session> sessions = new ArrayList<>();
        final ArrayNode patch = JsonNodeFactory.instance.arrayNode();
        final List<OperationRationale> rationale = new ArrayList<>();

        Week(JsonNode plan) {
            JsonNode list = plan.path("sessions");
            for (int i = 0; i < list.size(); i++) {
                sessions.add(new Session(i, list.get(i)));
            }
        }

        void replaceIntensity(Session s, String to, Flag flag, String why) {
            replace(s, "intensity", JsonNodeFactory.instance.textNode(to), flag, why);
            s.intensity = to;
        }

        void replace(Session s, String field, JsonNode value, Flag flag, String why) {
            ObjectNode op = patch.addObject();
            op.put("op", "replace");
            op.put("path", "/sessions/" + s.index + "/" + field);
            op.set("value", value);
            rationale.add(
                    new OperationRationale(patch.size() - 1, flag.name(), metricOf(flag), why));
        }
    }

    /** The fields of one session the rules read. */
    private static final class Session {
        final int index;
        final LocalDate date;
        final String name;
        final double minutes;
        final JsonNode steps;
        String intensity;

        Session(int index, JsonNode node) {
            this.index = index;
            this.date = LocalDate.parse(node.path("date").asText());
            this.name = node.path("name").asText("session " + index);
            this.minutes = node.path("durationMinutes").asDouble(0);
            this.steps = node.path("steps");
            this.intensity = node.path("intensity").asText("easy");
        }

        String label() {
            return "'" + name + "' on " + date;
        }

        /** The steps with their minutes scaled, or null when no step has minutes. */
        ArrayNode scaledSteps(double factor) {
            if (!steps.isArray()) {
                return null;
            }
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            boolean any = false;
            for (JsonNode step : steps) {
                ObjectNode copy = step.deepCopy();
                if (step.path("durationMinutes").isNumber()) {
                    copy.put(
                            "durationMinutes",
                            (int) Math.round(step.get("durationMinutes").asDouble() * factor));
                    any = true;
                }
                out.add(copy);
            }
            return any ? out : null;
        }
    }
}
