package dev.ecabot.audit;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit trail's behaviour, run on each database the bot supports. */
abstract class AuditTrailContract {

    private static final ChatUserRef ALICE = ChatUserRef.parse("slack:U_ALICE");
    private static final ChatUserRef BOB = ChatUserRef.parse("slack:U_BOB");
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private Database db;
    private AuditTrail trail;

    abstract Database openDatabase();

    @BeforeEach
    void open() {
        db = openDatabase();
        trail = new AuditTrail(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anAppsHistoryReadsInTheOrderItHappened() {
        trail.record(AuditEvent.of(T0, AuditKind.REQUEST, ALICE, "prod", "Tableau_Cloud", "asked for Tableau Cloud").withReference("req-1"));
        trail.record(AuditEvent.of(T0.plusSeconds(60), AuditKind.APPROVAL, BOB, "prod", "Tableau_Cloud", "approved"));
        trail.record(AuditEvent.of(T0.plusSeconds(90), AuditKind.REQUEST, ALICE, "prod", "Other_App", "asked for another"));
        trail.record(AuditEvent.of(T0.plusSeconds(120), AuditKind.EXPIRY, null, "prod", "Tableau_Cloud", "reveal offer expired"));

        assertThat(trail.forApp("prod", "Tableau_Cloud"))
                .extracting(AuditEvent::kind)
                .containsExactly(AuditKind.REQUEST, AuditKind.APPROVAL, AuditKind.EXPIRY);
        AuditEvent first = trail.forApp("prod", "Tableau_Cloud").get(0);
        assertThat(first.actor()).isEqualTo(ALICE);
        assertThat(first.reference()).isEqualTo("req-1");
        assertThat(first.at()).isEqualTo(T0);
        assertThat(trail.forApp("prod", "Tableau_Cloud").get(2).actor()).isNull();
    }

    @Test
    void recentShowsTheLatestEventsFirst() {
        for (int i = 0; i < 5; i++) {
            trail.record(AuditEvent.of(T0.plus(i, ChronoUnit.MINUTES), AuditKind.REQUEST, ALICE, "prod", "App_" + i, "asked " + i));
        }
        assertThat(trail.recent(2)).extracting(AuditEvent::apiName).containsExactly("App_4", "App_3");
        assertThat(trail.recent(0)).isEmpty();
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAuditEvents() throws Exception {
        trail.record(AuditEvent.of(T0, AuditKind.REVEAL, ALICE, "prod", "Tableau_Cloud", "revealed by the requester"));
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_events SET detail = 'nothing happened'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_events"))
                    .hasMessageContaining("append-only");
        }
        assertThat(trail.forApp("prod", "Tableau_Cloud")).extracting(AuditEvent::detail)
                .containsExactly("revealed by the requester");
    }
}
