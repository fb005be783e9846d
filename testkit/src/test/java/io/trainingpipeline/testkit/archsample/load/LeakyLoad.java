package io.trainingpipeline.testkit.archsample.load;

import java.sql.Connection;

/** A deliberately broken core class: it touches JDBC. */
public class LeakyLoad {
    public boolean open(Connection connection) throws java.sql.SQLException {
        return !connection.isClosed();
    }
}
