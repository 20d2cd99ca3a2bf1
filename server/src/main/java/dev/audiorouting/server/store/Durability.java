package dev.audiorouting.server.store;

import java.sql.Connection;
import java.sql.SQLException;

/** What a committed write still needs before it is answered, so that a killed process cannot lose it. */
interface Durability {
    /** PostgreSQL's commit is on disk when it returns. */
    Durability COMMIT = connection -> {
    };

    void afterCommit(Connection connection) throws SQLException;
}
