package dev.ecabot.audit;

import dev.ecabot.store.Database;
import dev.ecabot.testing.PostgresTestDatabase;

class PostgresAuditTrailTest extends AuditTrailContract {
    @Override
    Database openDatabase() {
        return PostgresTestDatabase.openFreshSchema();
    }
}
