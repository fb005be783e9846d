package io.trainingpipeline.planner;

import io.quarkus.test.common.QuarkusTestResource;
import io.trainingpipeline.testkit.garmin.MiniGarminTestResource;

/** Points garmin-connect of every {@code @QuarkusTest} at the testkit's Mini-Garmin (loopback). */
@QuarkusTestResource(MiniGarminTestResource.class)
public class MiniGarminForTests {}
