package dev.ecabot.store;

import dev.ecabot.settings.error.StartRefusedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The data folder holds the database and the master key: only the bot's user may read it. */
class DataDirectoryTest {

    @TempDir
    Path parent;

    @Test
    void aNewDataFolderIsOwnerOnlyAndSoIsTheDatabaseH2CreatesInIt() throws Exception {
        Path data = DataDirectory.prepare(parent.resolve("data"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        try (Database db = Database.open("jdbc:h2:file:" + data.resolve("ecabot") + ";DB_CLOSE_ON_EXIT=FALSE", null, null)) {
            DataDirectory.tightenFiles(data);
            Path mv = data.resolve("ecabot.mv.db");
            assertThat(mv).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(mv))).isEqualTo("rw-------");
        }
    }

    @Test
    void filesOthersCouldReadInAnOwnerOnlyFolderAreMadeOwnerOnly() throws Exception {
        Path data = DataDirectory.prepare(parent.resolve("data"));
        Path old = Files.createFile(data.resolve("ecabot.mv.db"));
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        DataDirectory.prepare(data);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(old))).isEqualTo("rw-------");
    }

    @Test
    void aFolderOthersCanReadIsRefusedWithTheCommandThatFixesIt() throws Exception {
        Path data = Files.createDirectory(parent.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThatThrownBy(() -> DataDirectory.prepare(data))
                .isInstanceOf(StartRefusedException.class)
                .hasMessageContaining("accessible to others (rwxr-xr-x)")
                .hasMessageContaining("chmod -R go-rwx " + data.toAbsolutePath());
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        assertThat(DataDirectory.prepare(data)).isEqualTo(data.toAbsolutePath());
    }
}
