package dev.ecabot.audit;

import dev.ecabot.store.Database;
import dev.ecabot.testing.PostgresTestDatabase;

class PostgresAuditTrailTest extends AuditTrailContract {
    @Override
    Database openDatabase() {
        return PostgresTestDatabase.openFreshSchema();
    }

    @Override
    String liftAppendOnlySql() {
        return "ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only";
    }
}
