package dev.ecabot.teams;

import dev.ecabot.store.Database;
import dev.ecabot.testing.PostgresTestDatabase;

class PostgresTeamsDirectoryTest extends TeamsDirectoryContract {
    @Override
    Database open() {
        return PostgresTestDatabase.openFreshSchema();
    }
}
