package io.trainingpipeline.testkit.archsample.plan;

import io.trainingpipeline.testkit.archsample.store.Store;

/** A deliberately broken core class: it depends on an edge layer. */
public class CallsEdge {
    public Store store() {
        return new Store();
    }
}
