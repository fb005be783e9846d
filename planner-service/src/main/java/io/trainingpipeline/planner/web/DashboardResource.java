package io.trainingpipeline.planner.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Server side of the athlete dashboard ({@code /dashboard/}, static files in
 * META-INF/resources/dashboard). The page reads the planner's own plan API directly and the other
 * services through these same-origin endpoints, so no CORS is needed and a phone only talks to one
 * host. Upstream failures answer 502 with a reason; the page shows "unavailable" for that panel.
 */
@Path("/dashboard/api")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {
    private static final List<String> HEALTH_METRICS =
            List.of(
                    "garmin_token_expiry_timestamp",
                    "garmin_breaker_open",
                    "garmin_human_needed",
                    "flow_last_success_timestamp",
                    "flow_failure_total",
                    "flow_success_total",
                    "hrv_last_timestamp");

    private final DashboardConfig config;
    private final HttpClient http;

    public DashboardResource(DashboardConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    /** Analytics' per-day metrics for the athlete (CTL/ATL/TSB, ramp, ACWR, HRV, sleep, flags). */
    @GET
    @Path("/athletes/{id}/metrics")
    public Response metrics(
            @PathParam("id") String athleteId,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        StringBuilder url =
                new StringBuilder(config.analyticsUrl())
                        .append("/athletes/")
                        .append(enc(athleteId))
                        .append("/metrics");
        String sep = "?";
        if (from != null) {
            url.append(sep).append("from=").append(enc(from));
            sep = "&";
        }
        if (to != null) {
            url.append(sep).append("to=").append(enc(to));
        }
        return relay(url.toString());
    }

    /** Garmin link health, read from ingest-service's Prometheus metrics. */
    @GET
    @Path("/garmin-health")
    public Response garminHealth() {
        HttpResponse<String> response;
        try {
            response = get(config.ingestUrl() + "/q/metrics");
        } catch (IOException e) {
            return unavailable("ingest-service");
        }
        if (response.statusCode() != 200) {
            return unavailable("ingest-service");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "samples",
                PrometheusText.samples(response.body(), HEALTH_METRICS).stream()
                        .map(
                                s ->
                                        Map.of(
                                                "name",
                                                s.name(),
                                                "labels",
                                                s.labels(),
                                                "value",
                                                s.value()))
                        .toList());
        return Response.ok(body).build();
    }

    private Response relay(String url) {
        try {
            HttpResponse<String> response = get(url);
            return Response.status(response.statusCode())
                    .type(MediaType.APPLICATION_JSON)
                    .entity(response.body())
                    .build();
        } catch (IOException e) {
            return unavailable("analytics-service");
        }
    }

    private HttpResponse<String> get(String url) throws IOException {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(config.timeout()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static Response unavailable(String service) {
        return Response.status(502).entity(Map.of("error", service + " unavailable")).build();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
