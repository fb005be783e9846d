package io.trainingpipeline.analytics.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.trainingpipeline.analytics.config.AnalyticsSettings;
import io.trainingpipeline.analytics.day.AnalyticsParams;
import io.trainingpipeline.analytics.day.DailyMetrics;
import io.trainingpipeline.analytics.day.DayMetrics;
import io.trainingpipeline.analytics.day.MetricsInput;
import io.trainingpipeline.analytics.flag.Thresholds;
import io.trainingpipeline.analytics.store.AthleteMetrics;
import io.trainingpipeline.schemas.events.Flag;
import io.trainingpipeline.support.rest.BadRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code POST /what-if}: metrics and flags for a supplied history, computed by the same core as the
 * stored metrics, touching nothing stored. {@code dailyLoads[i]} is the load of day {@code start +
 * i}; the series is extended with rest days up to the last HRV or sleep night; omitted thresholds
 * take the configured values. A malformed body gets 400 naming the field.
 */
@Path("/what-if")
public class WhatIfResource {
    private final AnalyticsSettings settings;

    public WhatIfResource(AnalyticsSettings settings) {
        this.settings = settings;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> whatIf(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadRequest("$", "the body must be a JSON object");
        }
        LocalDate start = date(body.get("start"), "start");
        JsonNode loadsNode = body.get("dailyLoads");
        if (loadsNode == null || !loadsNode.isArray()) {
            throw new BadRequest("dailyLoads", "required, an array of numbers");
        }
        if (loadsNode.size() > AthleteMetrics.MAX_DAYS) {
            throw new BadRequest("dailyLoads", "at most " + AthleteMetrics.MAX_DAYS + " days");
        }
        TreeMap<LocalDate, Double> hrv = nights(body.get("hrvNights"), "hrvNights", "rmssd", true);
        TreeMap<LocalDate, Double> sleep =
                nights(body.get("sleepNights"), "sleepNights", "hours", false);
        int days = loadsNode.size();
        for (LocalDate last : java.util.Arrays.asList(lastKey(hrv), lastKey(sleep))) {
            if (last != null && !last.isBefore(start)) {
                days = Math.max(days, (int) ChronoUnit.DAYS.between(start, last) + 1);
            }
        }
        if (days > AthleteMetrics.MAX_DAYS) {
            throw new BadRequest(
                    "hrvNights", "nights reach beyond " + AthleteMetrics.MAX_DAYS + " days");
        }
        double[] loads = new double[days];
        for (int i = 0; i < loadsNode.size(); i++) {
            loads[i] = number(loadsNode.get(i), "dailyLoads[" + i + "]", true);
        }
        AnalyticsParams params =
                settings.params().withThresholds(thresholds(body.get("thresholds")));
        double ctlSeed = 0;
        double atlSeed = 0;
        JsonNode seed = body.get("seed");
        if (seed != null && !seed.isNull()) {
            if (!seed.isObject()) {
                throw new BadRequest("seed", "an object {\"ctl\": n, \"atl\": n}");
            }
            ctlSeed = seed.has("ctl") ? number(seed.get("ctl"), "seed.ctl", true) : 0;
            atlSeed = seed.has("atl") ? number(seed.get("atl"), "seed.atl", true) : 0;
        }
        List<DayMetrics> result =
                new DailyMetrics(params)
                        .compute(
                                new MetricsInput(start, loads, null, hrv, sleep, ctlSeed, atlSeed));
        List<Flag> flags = new ArrayList<>();
        result.forEach(d -> flags.addAll(d.flags()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("days", result);
        out.put("flags", flags);
        out.put("thresholds", params.thresholds().byName());
        return out;
    }

    private Thresholds thresholds(JsonNode node) {
        Thresholds configured = settings.params().thresholds();
        if (node == null || node.isNull()) {
            return configured;
        }
        if (!node.isObject()) {
            throw new BadRequest("thresholds", "an object of threshold names to numbers");
        }
        Map<String, Double> overrides = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = "thresholds." + e.getKey();
            if (!Thresholds.NAMES.contains(e.getKey())) {
                throw new BadRequest(
                        field,
                        "unknown threshold; known: " + new java.util.TreeSet<>(Thresholds.NAMES));
            }
            overrides.put(e.getKey(), number(e.getValue(), field, false));
        }
        return configured.with(overrides);
    }

    private static TreeMap<LocalDate, Double> nights(
            JsonNode node, String field, String valueField, boolean positive) {
        TreeMap<LocalDate, Double> out = new TreeMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new BadRequest(field, "an array of {\"date\", \"" + valueField + "\"}");
        }
        for (int i = 0; i < node.size(); i++) {
            String at = field + "[" + i + "]";
            JsonNode night = node.get(i);
            if (!night.isObject()) {
                throw new BadRequest(at, "an object {\"date\", \"" + valueField + "\"}");
            }
            LocalDate date = date(night.get("date"), at + ".date");
            double v = number(night.get(valueField), at + "." + valueField, true);
            if (positive && v <= 0) {
                throw new BadRequest(at + "." + valueField, "must be above 0");
            }
            if (out.put(date, v) != null) {
                throw new BadRequest(at + ".date", "the same night twice: " + date);
            }
        }
        return out;
    }

    private static LocalDate date(JsonNode node, String field) {
        if (node == null || !node.isTextual()) {
            throw new BadRequest(field, "required, an ISO date string like 2026-01-31");
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw new BadRequest(field, "not an ISO date: '" + node.asText() + "'");
        }
    }

    private static double number(JsonNode node, String field, boolean nonNegative) {
        if (node == null || !node.isNumber() || !Double.isFinite(node.asDouble())) {
            throw new BadRequest(field, "required, a finite number");
        }
        if (nonNegative && node.asDouble() < 0) {
            throw new BadRequest(field, "must not be negative");
        }
        return node.asDouble();
    }

    private static LocalDate lastKey(TreeMap<LocalDate, Double> m) {
        return m.isEmpty() ? null : m.lastKey();
    }
}
