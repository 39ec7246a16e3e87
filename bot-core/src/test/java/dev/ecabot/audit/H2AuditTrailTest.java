package dev.ecabot.audit;

import dev.ecabot.store.Database;

import java.util.UUID;

class H2AuditTrailTest extends AuditTrailContract {
    @Override
    Database openDatabase() {
        return Database.inMemory("audit-" + UUID.randomUUID());
    }

    @Override
    String liftAppendOnlySql() {
        return "DROP TRIGGER audit_events_append_only";
    }
}
