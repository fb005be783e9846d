package io.trainingpipeline.analytics.store;

import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.events.ActivityRecorded;
import java.time.LocalDate;

/**
 * One activity event ready to store: the event with its athlete-local day and its loads.
 *
 * @param event the event
 * @param localDate athlete-local calendar day of the start (training-science section 1)
 * @param hrss heart-rate stress score (section 2)
 * @param trimp Banister TRIMP
 * @param loadMethod input the load came from ({@code records}, {@code zones}, ...)
 */
public record ActivityRow(
        EventEnvelope<ActivityRecorded> event,
        LocalDate localDate,
        double hrss,
        double trimp,
        String loadMethod) {}
