package dev.ecabot.inventory;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What revoke-old relies on, on every database the bot supports: the latest rotation whose old pair still works. */
abstract class RotationStoreContract {

    private static final Instant ROTATED = Instant.parse("2026-03-02T10:12:00Z");
    private static final ChatUserRef ADMIN = ChatUserRef.parse("slack:U0ADMIN");

    private Database db;
    private RotationStore store;

    abstract Database openDatabase();

    @BeforeEach
    void open() {
        db = openDatabase();
        store = new RotationStore(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theLatestUnrevokedRotationIsFoundUntilItsOldPairExpires() {
        store.insert(rotation("r1", ROTATED));
        store.insert(rotation("r2", ROTATED.plus(Duration.ofDays(1))));

        assertThat(store.oldPairStillValid("prod", "Vonage_Prod", ROTATED.plus(Duration.ofDays(2))))
                .hasValueSatisfying(r -> {
                    assertThat(r.id()).isEqualTo("r2");
                    assertThat(r.oldConsumerKey()).isEqualTo("3MVG9old-r2");
                    assertThat(r.rotatedBy()).isEqualTo(ADMIN);
                    assertThat(r.rotatedAt()).isEqualTo(ROTATED.plus(Duration.ofDays(1)));
                });
        assertThat(store.oldPairStillValid("prod", "Vonage_Prod", ROTATED.plus(Duration.ofDays(31)))).isEmpty();
        assertThat(store.oldPairStillValid("uat", "Vonage_Prod", ROTATED)).isEmpty();
    }

    @Test
    void anOldPairIsRevokedOnce() {
        store.insert(rotation("r1", ROTATED));

        assertThat(store.markRevoked("r1", ADMIN, ROTATED.plus(Duration.ofHours(1)))).isTrue();
        assertThat(store.markRevoked("r1", ADMIN, ROTATED.plus(Duration.ofHours(2)))).isFalse();
        assertThat(store.oldPairStillValid("prod", "Vonage_Prod", ROTATED.plus(Duration.ofHours(3)))).isEmpty();
    }

    private static Rotation rotation(String id, Instant at) {
        return new Rotation(id, "prod", "Vonage_Prod", "0xA5g000000001", "0Ch5g000000001", "staged-" + id,
                "3MVG9old-" + id, "3MVG9new-" + id, ADMIN, at, at.plus(Duration.ofDays(30)), null, null);
    }
}
