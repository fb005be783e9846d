package io.trainingpipeline.analytics.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The what-if contract: field names, configured vs supplied thresholds, 400 naming the field. */
@QuarkusTest
class WhatIfResourceTest {
    private static double[] loads(int days, double value, int spikeFrom, double spike) {
        double[] l = new double[days];
        for (int i = 0; i < days; i++) {
            l[i] = i >= spikeFrom ? spike : value;
        }
        return l;
    }

    @Test
    void contractAndThresholdOverride() {
        double[] loads = loads(50, 50, 47, 200); // a spike after the warm-up: ACWR climbs
        JsonPath configured =
                given().contentType(ContentType.JSON)
                        .body(Map.of("start", "2026-01-01", "dailyLoads", loads))
                        .post("/what-if")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(configured.getList("days")).hasSize(50);
        assertThat(configured.getMap("days[0]"))
                .containsKeys(
                        "date",
                        "load",
                        "ctl",
                        "atl",
                        "tsb",
                        "ramp",
                        "acwr",
                        "hrvZ7",
                        "hrvZNight",
                        "sleepHours",
                        "flags");
        assertThat(configured.getString("days[49].date")).isEqualTo("2026-02-19");
        List<String> names = configured.getList("flags.name");
        assertThat(names).contains("acute_chronic_high");
        assertThat(configured.getMap("flags[0]"))
                .containsKeys("name", "date", "values", "threshold", "severity");

        JsonPath loose =
                given().contentType(ContentType.JSON)
                        .body(
                                Map.of(
                                        "start",
                                        "2026-01-01",
                                        "dailyLoads",
                                        loads,
                                        "thresholds",
                                        Map.of("ctl_atl_ratio_max", 3.0)))
                        .post("/what-if")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(loose.getList("flags.name", String.class)).doesNotContain("acute_chronic_high");
        assertThat(loose.getDouble("thresholds.ctl_atl_ratio_max")).isEqualTo(3.0);
        assertThat(loose.getDouble("thresholds.ramp_percentage_max")).isEqualTo(0.10);
    }

    @Test
    void malformedBodiesNameTheField() {
        bad("{\"dailyLoads\": [1]}", "start");
        bad("{\"start\": \"2026-13-01\", \"dailyLoads\": [1]}", "start");
        bad("{\"start\": \"2026-01-01\"}", "dailyLoads");
        bad("{\"start\": \"2026-01-01\", \"dailyLoads\": [1, \"x\"]}", "dailyLoads[1]");
        bad("{\"start\": \"2026-01-01\", \"dailyLoads\": [1, -5]}", "dailyLoads[1]");
        bad(
                "{\"start\": \"2026-01-01\", \"dailyLoads\": [], \"hrvNights\": [{\"date\": \"2026-01-01\"}]}",
                "hrvNights[0].rmssd");
        bad(
                "{\"start\": \"2026-01-01\", \"dailyLoads\": [], \"sleepNights\": [{\"hours\": 7}]}",
                "sleepNights[0].date");
        bad(
                "{\"start\": \"2026-01-01\", \"dailyLoads\": [], \"thresholds\": {\"acwr_max\": 1}}",
                "thresholds.acwr_max");
        bad(
                "{\"start\": \"2026-01-01\", \"dailyLoads\": [], \"thresholds\": {\"ctl_atl_ratio_max\": \"high\"}}",
                "thresholds.ctl_atl_ratio_max");
        given().contentType(ContentType.JSON).body("[1,2]").post("/what-if").then().statusCode(400);
    }

    @Test
    void metricsQueryRejectsBadDates() {
        given().get("/athletes/x/metrics?from=2026-01-01&to=yesterday")
                .then()
                .statusCode(400)
                .body("field", org.hamcrest.Matchers.equalTo("to"));
        given().get("/athletes/x/flags?week=2026-W60").then().statusCode(400);
    }

    private static void bad(String body, String field) {
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/what-if")
                .then()
                .statusCode(400)
                .body("field", org.hamcrest.Matchers.equalTo(field))
                .body("error", containsString(field));
    }
}
