package dev.ecabot.conversation.state;

import dev.ecabot.store.Database;
import dev.ecabot.testing.PostgresTestDatabase;

class PostgresConversationStoreTest extends ConversationStoreContract {
    @Override
    Database openDatabase() {
        return PostgresTestDatabase.openFreshSchema();
    }
}
