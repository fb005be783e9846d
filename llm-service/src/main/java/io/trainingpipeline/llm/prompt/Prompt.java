package io.trainingpipeline.llm.prompt;

/**
 * The two messages sent to the model.
 *
 * @param system instructions, output format and rules; never contains data from Garmin
 * @param user the task and one delimited data block with everything the model may read
 * @param openMarker the line that opens the data block
 * @param closeMarker the line that closes it
 */
public record Prompt(String system, String user, String openMarker, String closeMarker) {}
