package io.trainingpipeline.analytics.rest;

import io.trainingpipeline.support.rest.BadRequest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** Parsing of query parameters into 400s naming the parameter. */
final class Params {
    private Params() {}

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequest(name, "required, an ISO date like 2026-01-31");
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequest(name, "not an ISO date (yyyy-mm-dd): '" + value + "'");
        }
    }

    /** A week as an ISO week ({@code 2026-W49}) or any date in it; returns its Monday. */
    static LocalDate week(String name, String value) {
        if (value != null && value.matches("\\d{4}-W\\d{2}")) {
            int year = Integer.parseInt(value.substring(0, 4));
            int week = Integer.parseInt(value.substring(6));
            LocalDate jan4 = LocalDate.of(year, 1, 4);
            if (week < 1 || week > jan4.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
                throw new BadRequest(name, "no such ISO week: '" + value + "'");
            }
            return jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        return date(name, value).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
