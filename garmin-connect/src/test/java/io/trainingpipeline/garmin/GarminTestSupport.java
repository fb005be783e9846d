package io.trainingpipeline.garmin;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.trainingpipeline.testkit.garmin.MiniGarminTestResource;

/** Applies Mini-Garmin to every {@code @QuarkusTest} of the module, with fast retries. */
@QuarkusTestResource(
        value = MiniGarminTestResource.class,
        initArgs = {
            @ResourceArg(name = "retry.base", value = "0.02"),
            @ResourceArg(name = "retry.max_attempts", value = "5"),
            @ResourceArg(name = "garmin.timeout", value = "PT1S"),
            @ResourceArg(name = "garmin.token-file", value = "target/tokens/{athlete}/tokens.json")
        })
public class GarminTestSupport {}
