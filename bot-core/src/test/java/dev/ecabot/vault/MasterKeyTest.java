package dev.ecabot.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasterKeyTest {

    private static final byte[] PLAIN = "s3cr3t".getBytes(StandardCharsets.UTF_8);

    @Test
    void theEnvironmentKeyIsUsedWhenSet(@TempDir Path dir) {
        String b64 = Base64.getEncoder().encodeToString(new byte[32]);
        MasterKey fromEnv = MasterKey.load(Map.of(MasterKey.ENV_VAR, b64), dir.resolve("master.key"));
        SealedSecret sealed = SealedSecret.seal(fromEnv, PLAIN, "o");
        assertThat(MasterKey.fromBase64(b64, "test").toString()).isEqualTo("[master key]");
        assertThat(sealed.open(MasterKey.fromBase64(b64, "test"), "o")).isEqualTo(PLAIN);
        assertThat(dir.resolve("master.key")).doesNotExist();
    }

    @Test
    void aMalformedEnvironmentKeyIsRefusedWithHowToMakeOne(@TempDir Path dir) {
        assertThatThrownBy(() -> MasterKey.load(Map.of(MasterKey.ENV_VAR, "not*base64"), dir.resolve("k")))
                .hasMessageContaining("ECABOT_MASTER_KEY is not valid base64")
                .hasMessageContaining("openssl rand -base64 32")
                .hasMessageNotContaining("not*base64");
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> MasterKey.load(Map.of(MasterKey.ENV_VAR, shortKey), dir.resolve("k")))
                .hasMessageContaining("decodes to 16 bytes").hasMessageContaining("exactly 32")
                .hasMessageNotContaining(shortKey);
    }

    @Test
    void withoutConfigurationAnOwnerOnlyKeyFileIsCreatedOnceAndReused(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("data").resolve("master.key");
        MasterKey first = MasterKey.load(Map.of(), keyFile);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        MasterKey second = MasterKey.load(Map.of(), keyFile);
        assertThat(SealedSecret.seal(first, PLAIN, "o").open(second, "o")).isEqualTo(PLAIN);
    }

    @Test
    void aKeyFileOthersCanReadIsRefusedWithTheFix(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("master.key");
        MasterKey.load(Map.of(), keyFile);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> MasterKey.load(Map.of(), keyFile))
                .hasMessageContaining("accessible to others (rw-r--r--)")
                .hasMessageContaining("chmod 600 " + keyFile.toAbsolutePath());
    }

    @Test
    void aCorruptKeyFileIsRefusedWithoutShowingItsContent(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("master.key");
        Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(new byte[10]));
        assertThatThrownBy(() -> MasterKey.load(Map.of(), keyFile))
                .hasMessageContaining("The key file " + keyFile).hasMessageContaining("decodes to 10 bytes");
    }
}
