package io.trainingpipeline.llm.peers;

import com.fasterxml.jackson.databind.JsonNode;
import io.trainingpipeline.llm.config.LlmConfig;
import io.trainingpipeline.schemas.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * GETs JSON from the peer services with {@code llm.peer-timeout}. One attempt only: a flags event
 * must be answered well before the planner's deadline, and a missing plan is answered with
 * ProposalFailed (the planner then forwards the untouched plan) rather than waited for.
 */
@ApplicationScoped
public class PeerHttp {
    private final HttpClient client;
    private final LlmConfig config;

    public PeerHttp(LlmConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder().connectTimeout(config.peerTimeout()).build();
    }

    /** The JSON body of {@code GET url}; {@code what} names the resource in errors. */
    public JsonNode getJson(String url, String what) throws PeerUnavailableException {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(config.peerTimeout())
                        .header("Accept", "application/json")
                        .GET()
                        .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PeerUnavailableException(what + " unavailable (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerUnavailableException(what + ": interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new PeerUnavailableException(what + " answered HTTP " + response.statusCode());
        }
        try {
            return EventJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new PeerUnavailableException(what + " is not JSON", e);
        }
    }
}
