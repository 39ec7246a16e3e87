package dev.ecabot.audit;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;

/** H2's half of the append-only audit trail (migration V22): refuses every UPDATE and DELETE of audit_events. */
public final class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_events is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " is not allowed");
    }
}
