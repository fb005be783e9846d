package io.trainingpipeline.testkit.garmin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MiniGarminTest {
    static final LocalDate END = LocalDate.of(2026, 11, 1);
    static MiniGarmin garmin;
    static String bearer;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        garmin = MiniGarmin.start(1, END, 120, ZoneOffset.UTC);
        bearer = "Bearer " + garmin.auth().issue().accessToken();
    }

    @AfterAll
    static void stop() {
        garmin.close();
    }

    HttpResponse<String> get(String path, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(garmin.baseUrl() + path));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDataSetIsPlausible() {
        MiniGarminData d = garmin.data();
        List<Long> ids = d.activityIds(END.minusDays(119), END);
        assertThat(ids.size()).isBetween(60, 110); // about 5 a week over 17 weeks
        List<LocalDate> nights = d.hrvNights(END.minusDays(119), END);
        assertThat(nights.size()).isBetween(100, 120);
        double[] ln = new double[nights.size()];
        for (int i = 0; i < ln.length; i++) {
            ln[i] =
                    Math.log(
                            ((Number)
                                            ((java.util.Map<?, ?>)
                                                            d.hrv(nights.get(i)).get("hrvSummary"))
                                                    .get("lastNightAvg"))
                                    .doubleValue());
        }
        double mean = java.util.Arrays.stream(ln).average().orElseThrow();
        double sd =
                Math.sqrt(
                        java.util.Arrays.stream(ln).map(x -> (x - mean) * (x - mean)).sum()
                                / ln.length);
        assertThat(sd).isBetween(0.06, 0.2); // ln-rMSSD day-to-day spread of a trained athlete
    }

    @Test
    void pagesActivitiesNewestFirstAndCountsRequests() throws Exception {
        garmin.resetCounts();
        List<Long> seen = new ArrayList<>();
        for (int start = 0; ; start += 20) {
            JsonNode page =
                    json.readTree(
                            get(
                                            "/activitylist-service/activities/search/activities?startDate="
                                                    + END.minusDays(119)
                                                    + "&endDate="
                                                    + END
                                                    + "&start="
                                                    + start
                                                    + "&limit=20",
                                            bearer)
                                    .body());
            page.forEach(a -> seen.add(a.path("activityId").asLong()));
            if (page.size() < 20) {
                break;
            }
        }
        assertThat(seen)
                .containsExactlyElementsOf(garmin.data().activityIds(END.minusDays(119), END));
        assertThat(garmin.requestCount("/activitylist-service/")).isEqualTo(seen.size() / 20 + 1);
    }

    @Test
    void faultsAreInjected() throws Exception {
        assertThat(get("/userprofile-service/socialProfile", null).statusCode()).isEqualTo(401);
        try {
            garmin.faults().rateLimitEvery(1, 7);
            HttpResponse<String> limited = get("/userprofile-service/socialProfile", bearer);
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).hasValue("7");
            garmin.faults().clear().malformedEvery(1);
            String body = get("/userprofile-service/socialProfile", bearer).body();
            assertThat(body).doesNotEndWith("}");
            garmin.faults().clear().serverErrorEvery(1);
            assertThat(get("/hrv-service/hrv/" + END, bearer).statusCode()).isEqualTo(503);
        } finally {
            garmin.faults().clear();
        }
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(garmin.baseUrl() + path))
                        .header("Authorization", bearer)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void writeFaultsAnswerAfterTheWriteWasStoredAndFireOnce() throws Exception {
        int stored = garmin.workouts().size();
        int injected = garmin.faults().injected(MiniGarminFaults.Kind.AFTER_WRITE);
        try {
            garmin.faults().serverErrorAfterWrite(2);
            assertThat(post("/workout-service/workout", "{\"workoutName\":\"a\"}").statusCode())
                    .isEqualTo(200);
            assertThat(post("/workout-service/workout", "{\"workoutName\":\"b\"}").statusCode())
                    .isEqualTo(503);
            assertThat(post("/workout-service/workout", "{\"workoutName\":\"c\"}").statusCode())
                    .isEqualTo(200);
            assertThat(garmin.workouts()).hasSize(stored + 3); // "b" is stored despite the 503
            garmin.faults().dropAfterWrite(1);
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> post("/workout-service/workout", "{\"workoutName\":\"d\"}"))
                    .isInstanceOf(java.io.IOException.class);
            assertThat(garmin.workouts()).hasSize(stored + 4);
            assertThat(garmin.faults().injected(MiniGarminFaults.Kind.AFTER_WRITE))
                    .isEqualTo(injected + 2);
        } finally {
            garmin.faults().clear();
        }
    }
}
