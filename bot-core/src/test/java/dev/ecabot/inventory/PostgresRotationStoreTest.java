package dev.ecabot.inventory;

import dev.ecabot.store.Database;
import dev.ecabot.testing.PostgresTestDatabase;

class PostgresRotationStoreTest extends RotationStoreContract {
    @Override
    Database openDatabase() {
        return PostgresTestDatabase.openFreshSchema();
    }
}
