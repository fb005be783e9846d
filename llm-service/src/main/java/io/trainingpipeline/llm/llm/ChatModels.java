package io.trainingpipeline.llm.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.trainingpipeline.llm.config.LlmConfig;
import io.trainingpipeline.llm.prompt.PromptBuilder;

/** Builds the langchain4j chat model from {@code llm.*}: OpenAI or any compatible server. */
final class ChatModels {
    /** OpenAI's endpoint, used when only an API key is configured. */
    static final String OPENAI = "https://api.openai.com/v1";

    private ChatModels() {}

    static ChatModel openAiCompatible(LlmConfig config) {
        OpenAiChatModel.OpenAiChatModelBuilder builder =
                OpenAiChatModel.builder()
                        .baseUrl(config.baseUrl().filter(s -> !s.isBlank()).orElse(OPENAI))
                        // local servers (Ollama, vLLM) ignore the key but the client wants one
                        .apiKey(config.apiKey().filter(s -> !s.isBlank()).orElse("no-key"))
                        .modelName(config.model())
                        .temperature(config.temperature())
                        .maxTokens(config.maxTokens())
                        .timeout(config.timeout())
                        .maxRetries(0)
                        // request logging would print the Authorization header
                        .logRequests(false)
                        .logResponses(false);
        switch (config.responseFormat()) {
            case "json_schema" ->
                    builder.responseFormat(
                                    ResponseFormat.builder()
                                            .type(ResponseFormatType.JSON)
                                            .jsonSchema(
                                                    JsonSchema.builder()
                                                            .name("plan_patch")
                                                            .rootElement(
                                                                    JsonRawSchema.from(
                                                                            PromptBuilder
                                                                                    .RESPONSE_SCHEMA))
                                                            .build())
                                            .build())
                            .strictJsonSchema(false);
            case "json_object" -> builder.responseFormat(ResponseFormat.JSON);
            case "text" -> {}
            default ->
                    throw new IllegalArgumentException(
                            "llm.response-format must be json_schema, json_object or text, got '"
                                    + config.responseFormat()
                                    + "'");
        }
        return builder.build();
    }
}
