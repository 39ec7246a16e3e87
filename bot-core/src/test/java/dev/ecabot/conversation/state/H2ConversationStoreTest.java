package dev.ecabot.conversation.state;

import dev.ecabot.store.Database;

import java.util.UUID;

class H2ConversationStoreTest extends ConversationStoreContract {
    @Override
    Database openDatabase() {
        return Database.inMemory("conversations-" + UUID.randomUUID());
    }
}
