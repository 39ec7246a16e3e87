package dev.ecabot.vault;

import dev.ecabot.audit.AuditTrail;
import dev.ecabot.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A lost or wrong master key is found at start, not at the first reveal. */
class VaultCanaryTest {

    private final Database db = Database.inMemory("canary-" + UUID.randomUUID());

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theKeyThatSealedTheVaultOpensItAtEveryStart() {
        MasterKey key = MasterKey.generate();
        VaultCanary.check(db.dataSource(), key, "ECABOT_MASTER_KEY");
        assertThat(VaultCanary.present(db.dataSource())).isTrue();
        assertThatCode(() -> VaultCanary.check(db.dataSource(), key, "ECABOT_MASTER_KEY")).doesNotThrowAnyException();
    }

    @Test
    void anotherKeyIsRefusedWithWhatToDoAndWithoutItsValue() {
        VaultCanary.check(db.dataSource(), MasterKey.generate(), "ECABOT_MASTER_KEY");
        byte[] other = new byte[32];
        other[0] = 7;
        String otherBase64 = Base64.getEncoder().encodeToString(other);
        assertThatThrownBy(() -> VaultCanary.check(db.dataSource(), MasterKey.fromBase64(otherBase64, "x"), "ECABOT_MASTER_KEY"))
                .isInstanceOf(VaultCanary.WrongMasterKeyException.class)
                .hasMessageContaining("does not open this database's vault")
                .hasMessageContaining("ECABOT_MASTER_KEY to the key you backed up")
                .hasMessageNotContaining(otherBase64);
    }

    @Test
    void aDatabaseFromBeforeTheCanaryIsCheckedAgainstASecretItAlreadyHolds() {
        MasterKey sealer = MasterKey.generate();
        RevealOffers offers = new RevealOffers(db.dataSource(), sealer, new AuditTrail(db.dataSource()));
        offers.create(dev.ecabot.access.ChatUserRef.parse("slack:U_ALICE"), "demo", "Acme_Sync",
                new ConsumerCredentials("3MVG9key", Secret.of("C0NSUMER-SECRET")));
        assertThatThrownBy(() -> VaultCanary.check(db.dataSource(), MasterKey.generate(), "the key file data/master.key"))
                .isInstanceOf(VaultCanary.WrongMasterKeyException.class)
                .hasMessageContaining("the key file data/master.key");
        assertThat(VaultCanary.present(db.dataSource())).as("no canary sealed under the wrong key").isFalse();
        VaultCanary.check(db.dataSource(), sealer, "ECABOT_MASTER_KEY");
        assertThat(VaultCanary.present(db.dataSource())).isTrue();
    }

    @Test
    void aMissingKeyFileIsNotReplacedByANewKeyWhenTheVaultHoldsSecrets(@TempDir Path dir) {
        Path keyFile = dir.resolve("master.key");
        assertThat(VaultCanary.refuseNewKeyFile(db.dataSource(), Map.of(), keyFile)).isEqualTo(keyFile);
        VaultCanary.check(db.dataSource(), MasterKey.fromKeyFile(keyFile), "the key file");
        assertThat(keyFile).exists();
        try {
            Files.delete(keyFile);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertThatThrownBy(() -> VaultCanary.refuseNewKeyFile(db.dataSource(), Map.of(), keyFile))
                .isInstanceOf(VaultCanary.WrongMasterKeyException.class)
                .hasMessageContaining("is missing").hasMessageContaining("Put the backed-up key file back");
        assertThat(keyFile).doesNotExist();
    }
}
