package io.trainingpipeline.schemas.events;

/**
 * Why one operation of a patch exists.
 *
 * @param op index of the operation in the patch
 * @param flag the flag it answers (or "none")
 * @param metric the metric behind that flag, e.g. hrvZ7
 * @param reason a sentence for the athlete
 */
public record OperationRationale(int op, String flag, String metric, String reason) {}
