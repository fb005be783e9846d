package io.trainingpipeline.llm;

import io.quarkus.test.common.QuarkusTestResource;

/** Applies the planner and analytics stubs to every {@code @QuarkusTest} of this module. */
@QuarkusTestResource(PeerStubsResource.class)
public class PeerStubsForTests {}
