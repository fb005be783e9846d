package io.trainingpipeline.schemas.events;

import io.trainingpipeline.schemas.EventPayload;
import java.time.LocalDate;
import java.util.List;

/**
 * The weekly evaluation of one athlete for the coming week. Published also with an empty flag list,
 * so downstream knows the evaluation happened and can answer "nothing wrong".
 *
 * @param weekStart Monday of the week the flags are for
 * @param evaluatedOn the athlete-local date the evaluation used as "today"
 * @param flags raised flags, possibly empty
 */
public record FlagsRaised(LocalDate weekStart, LocalDate evaluatedOn, List<Flag> flags)
        implements EventPayload {

    public FlagsRaised {
        flags = flags == null ? List.of() : List.copyOf(flags);
    }
}
