package dev.ecabot.inventory;

import dev.ecabot.store.Database;

import java.util.UUID;

class H2RotationStoreTest extends RotationStoreContract {
    @Override
    Database openDatabase() {
        return Database.inMemory("rotations-" + UUID.randomUUID());
    }
}
