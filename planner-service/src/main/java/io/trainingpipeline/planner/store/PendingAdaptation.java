package io.trainingpipeline.planner.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An adaptation opened by a flags event and not decided yet: the proposal answering {@code
 * flagsEventId} is awaited until {@code deadline}, against plan version {@code baseVersion}.
 */
public record PendingAdaptation(
        String flagsEventId,
        String athlete,
        LocalDate week,
        int baseVersion,
        List<String> flags,
        Instant deadline) {}
