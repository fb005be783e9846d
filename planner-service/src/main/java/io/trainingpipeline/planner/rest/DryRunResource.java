package io.trainingpipeline.planner.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.trainingpipeline.planner.goal.DateRange;
import io.trainingpipeline.planner.goal.GoalsException;
import io.trainingpipeline.planner.goal.GoalsParser;
import io.trainingpipeline.planner.guardrail.GuardrailContext;
import io.trainingpipeline.planner.guardrail.GuardrailResult;
import io.trainingpipeline.planner.guardrail.Guardrails;
import io.trainingpipeline.planner.plan.InvalidPlanException;
import io.trainingpipeline.planner.plan.PlanDocument;
import io.trainingpipeline.planner.plan.PlanJson;
import io.trainingpipeline.support.rest.BadRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * {@code POST /proposals/dry-run}: runs the guardrails on a supplied plan and patch and stores
 * nothing. A malformed body gets 400 naming the field (counted as {@code
 * planner_bad_requests_total}).
 */
@Path("/proposals/dry-run")
public class DryRunResource {
    private final Guardrails guardrails;
    private final MeterRegistry registry;

    public DryRunResource(Guardrails guardrails, MeterRegistry registry) {
        this.guardrails = guardrails;
        this.registry = registry;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> dryRun(JsonNode body) {
        try {
            return run(body);
        } catch (BadRequest e) {
            registry.counter("planner_bad_requests_total", "endpoint", "dry-run").increment();
            throw e;
        }
    }

    private Map<String, Object> run(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadRequest("(body)", "must be a JSON object");
        }
        LocalDate today = date(body, "today");
        JsonNode athlete = body.get("athlete");
        if (athlete == null || !athlete.isObject()) {
            throw new BadRequest("athlete", "must be an object");
        }
        LocalDate raceDate =
                athlete.has("raceDate") ? date(athlete, "raceDate", "athlete.raceDate") : null;
        Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
        List<DateRange> blocked;
        try {
            if (athlete.has("raceDistance")) {
                GoalsParser.distance(
                        "request", "athlete.raceDistance", athlete.get("raceDistance"));
            }
            JsonNode available = athlete.get("availableWeekdays");
            if (available != null) {
                if (!available.isArray()) {
                    throw new BadRequest(
                            "athlete.availableWeekdays", "must be a list like [\"MON\", \"TUE\"]");
                }
                days = EnumSet.noneOf(DayOfWeek.class);
                for (JsonNode d : available) {
                    days.add(
                            GoalsParser.weekday(
                                    "request", "athlete.availableWeekdays", d.asText()));
                }
            }
            blocked =
                    GoalsParser.blocked(
                            "request", "athlete.blockedDates", athlete.path("blockedDates"));
        } catch (GoalsException e) {
            throw new BadRequest(
                    e.key(), e.getMessage().substring(e.getMessage().indexOf("': ") + 3));
        }
        PlanDocument plan;
        try {
            plan = PlanJson.fromTree(body.get("plan"));
        } catch (InvalidPlanException e) {
            throw new BadRequest(
                    e.field().equals("plan") ? "plan" : "plan." + e.field(), reason(e));
        }
        OptionalDouble lastWeek = number(body, "lastWeekActualMinutes");
        List<String> flags = new ArrayList<>();
        JsonNode flagsNode = body.path("flags");
        if (!flagsNode.isMissingNode() && !flagsNode.isArray()) {
            throw new BadRequest("flags", "must be an array");
        }
        for (int i = 0; i < flagsNode.size(); i++) {
            JsonNode name = flagsNode.get(i).get("name");
            if (name == null || !name.isTextual() || name.asText().isBlank()) {
                throw new BadRequest("flags[" + i + "].name", "must be a non-empty string");
            }
            flags.add(name.asText());
        }
        JsonNode patch = body.get("patch");
        if (patch == null || !patch.isArray()) {
            throw new BadRequest("patch", "must be an RFC 6902 array of operations");
        }
        final Set<DayOfWeek> allowedDays = days;
        final LocalDate race = raceDate;
        GuardrailContext ctx =
                new GuardrailContext(
                        today,
                        d ->
                                d.equals(race)
                                        || allowedDays.contains(d.getDayOfWeek())
                                                && blocked.stream().noneMatch(r -> r.contains(d)),
                        lastWeek,
                        flags,
                        number(body, "ctl"),
                        number(body, "atl"));
        GuardrailResult r = guardrails.evaluate(plan, patch, List.of(), ctx);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("decision", r.decision().name());
        out.put("reasons", r.reasons());
        out.put("plan", PlanJson.toTree(r.plan()));
        return out;
    }

    private static String reason(InvalidPlanException e) {
        String m = e.getMessage();
        return m.substring(m.indexOf("': ") + 3);
    }

    private static OptionalDouble number(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return OptionalDouble.empty();
        }
        if (!n.isNumber() || n.asDouble() < 0) {
            throw new BadRequest(field, "must be a non-negative number");
        }
        return OptionalDouble.of(n.asDouble());
    }

    private static LocalDate date(JsonNode node, String field) {
        return date(node, field, field);
    }

    private static LocalDate date(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new BadRequest(path, "must be a date YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(v.asText());
        } catch (java.time.DateTimeException e) {
            throw new BadRequest(path, "must be a date YYYY-MM-DD, got '" + v.asText() + "'");
        }
    }
}
