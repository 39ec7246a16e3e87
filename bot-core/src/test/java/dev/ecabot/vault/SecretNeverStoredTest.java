package dev.ecabot.vault;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.store.Database;
import dev.ecabot.testing.CapturedLogs;
import dev.ecabot.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** After a whole reveal flow, the plaintext secret is nowhere in the H2 database files or the logs. */
class SecretNeverStoredTest {

    private static final String SECRET = "PLAINTEXT-SECRET-7f3a9c2e51b04d86";

    @Test
    void theDatabaseFilesAndLogsNeverHoldThePlaintextSecret(@TempDir Path dir) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
        ChatUserRef alice = ChatUserRef.parse("slack:U_ALICE");
        ConsumerCredentials credentials = new ConsumerCredentials("3MVG9-consumer-key", Secret.of(SECRET));
        List<String> logLines;
        try (CapturedLogs logs = new CapturedLogs();
             Database db = Database.open("jdbc:h2:file:" + dir.resolve("ecabot").toAbsolutePath(), null, null)) {
            RevealOffers offers = new RevealOffers(db.dataSource(), MasterKey.generate(), new AuditTrail(db.dataSource()),
                    clock, Duration.ofHours(24));
            RevealOffer revealed = offers.create(alice, "prod", "Revealed_App", credentials);
            offers.reveal(revealed.offerId(), ChatUserRef.parse("slack:U_MALLORY"));
            RevealResult result = offers.reveal(revealed.offerId(), alice);
            assertThat(((RevealResult.Revealed) result).credentials().consumerSecret().reveal()).isEqualTo(SECRET);
            offers.create(alice, "prod", "Expired_App", credentials);
            offers.create(alice, "prod", "Pending_App", credentials);   // still sealed when the database closes
            clock.advance(Duration.ofHours(25));
            offers.create(alice, "prod", "Pending_App_2", credentials);
            offers.expireDue();
            logLines = logs.lines();
        }

        byte[] files = allBytesUnder(dir);
        assertThat(contains(files, "Pending_App_2")).as("the scan reads the stored rows").isTrue();
        for (String form : List.of(SECRET, Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)))) {
            assertThat(contains(files, form)).as("database files contain " + form).isFalse();
        }
        assertThat(contains(files, new String(SECRET.getBytes(StandardCharsets.UTF_16BE), StandardCharsets.ISO_8859_1)))
                .isFalse();
        assertThat(logLines).noneMatch(line -> line.contains(SECRET));
    }

    private static byte[] allBytesUnder(Path dir) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) all.write(Files.readAllBytes(p));
        }
        return all.toByteArray();
    }

    private static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.ISO_8859_1.newEncoder().canEncode(needle)
                ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i <= haystack.length - n.length; i++) {
            for (int j = 0; j < n.length; j++) if (haystack[i + j] != n[j]) continue outer;
            return true;
        }
        return false;
    }
}
