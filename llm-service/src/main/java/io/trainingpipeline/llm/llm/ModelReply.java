package io.trainingpipeline.llm.llm;

/**
 * What the model answered.
 *
 * @param text the assistant message content, unparsed
 * @param model the model name the server reported (or the configured one)
 * @param inputTokens prompt tokens
 * @param outputTokens completion tokens
 */
public record ModelReply(String text, String model, int inputTokens, int outputTokens) {}
