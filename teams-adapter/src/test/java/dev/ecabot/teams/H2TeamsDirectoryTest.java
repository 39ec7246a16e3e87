package dev.ecabot.teams;

import dev.ecabot.store.Database;

class H2TeamsDirectoryTest extends TeamsDirectoryContract {
    @Override
    Database open() {
        return Database.inMemory("teams-directory-" + System.nanoTime());
    }
}
