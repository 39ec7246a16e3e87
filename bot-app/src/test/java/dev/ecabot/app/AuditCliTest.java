package dev.ecabot.app;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.audit.AuditEvent;
import dev.ecabot.audit.AuditKind;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.store.Database;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ecabot audit verify}: whoever runs the bot checks that nobody rewrote the audit trail. */
class AuditCliTest {

    @Test
    void verifySaysIntactThenNamesTheEventThatWasChangedAndExitsWith1() throws Exception {
        String url = "jdbc:h2:mem:audit-cli-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Map<String, String> env = Map.of("ECABOT_DB_URL", url);
        try (Database db = Database.open(url, null, null)) {
            AuditTrail trail = new AuditTrail(db.dataSource());
            trail.record(AuditEvent.of(Instant.parse("2026-03-02T09:00:00Z"), AuditKind.REQUEST,
                    ChatUserRef.parse("slack:U_ALICE"), "prod", "Acme_Sync", "asked for Acme Sync"));
            trail.record(AuditEvent.of(Instant.parse("2026-03-02T09:05:00Z"), AuditKind.APPROVAL,
                    ChatUserRef.parse("slack:U_BOB"), "prod", "Acme_Sync", "approved"));

            CliRun ok = CliRun.of(env, "audit", "verify");
            assertThat(ok.exitCode()).as(ok.toString()).isZero();
            assertThat(ok.out()).startsWith("The audit trail is intact: 2 event(s) chained, up to #2.").contains("Head hash: ");

            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER audit_events_append_only");
                s.executeUpdate("UPDATE audit_events SET actor = 'slack:U_MALLORY' WHERE chain_seq = 2");
            }
            CliRun broken = CliRun.of(env, "audit", "verify");
            assertThat(broken.exitCode()).as(broken.toString()).isEqualTo(1);
            assertThat(broken.out()).contains("TAMPERED WITH")
                    .contains("event #2 (APPROVAL at 2026-03-02T09:05:00Z) was changed after it was written");
        }
    }
}
