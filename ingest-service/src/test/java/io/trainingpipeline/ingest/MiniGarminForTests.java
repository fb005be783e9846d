package io.trainingpipeline.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.trainingpipeline.testkit.garmin.MiniGarminTestResource;

/**
 * Applies Mini-Garmin to every {@code @QuarkusTest} of this module, with fast retries, a short
 * timeout, tiny activity pages (so page overlap happens), test-local state and token folders, a few
 * configured athletes, and the whole log captured in a file the secret-grep test reads.
 */
@QuarkusTestResource(
        value = MiniGarminTestResource.class,
        initArgs = {
            @ResourceArg(name = "retry.base", value = "0.02"),
            @ResourceArg(name = "retry.max_attempts", value = "5"),
            @ResourceArg(name = "garmin.timeout", value = "PT1S"),
            @ResourceArg(name = "garmin.page-size", value = "3"),
            @ResourceArg(
                    name = "garmin.token-file",
                    value = "target/test-data/garmin/{athlete}/tokens.json"),
            @ResourceArg(name = "ingest.data-dir", value = "target/test-data"),
            @ResourceArg(name = "ingest.fit-folder-scan", value = "off"),
            @ResourceArg(name = "athletes.sched-a1.timezone", value = "America/New_York"),
            @ResourceArg(
                    name = "athletes.sched-a1.garmin_token_file",
                    value = "target/test-data/none.json"),
            @ResourceArg(name = "athletes.fit-hr.hr_max", value = "160"),
            @ResourceArg(name = "quarkus.log.file.enabled", value = "true"),
            @ResourceArg(name = "quarkus.log.file.path", value = "target/ingest-test.log")
        })
public class MiniGarminForTests {}
