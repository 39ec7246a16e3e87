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

    /** SQL with which someone holding the database's owner rights lifts the append-only trigger. */
    abstract String liftAppendOnlySql();

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

    @Test
    void eventsWrittenAtOnceByManyWritersFormOneIntactChain() throws Exception {
        Thread[] writers = new Thread[3];
        for (int w = 0; w < writers.length; w++) {
            int n = w;
            writers[w] = new Thread(() -> {
                for (int i = 0; i < 15; i++) {
                    trail.record(AuditEvent.of(T0.plusSeconds(i), AuditKind.REQUEST, ALICE, "prod", "App_" + n, "asked " + i));
                }
            });
            writers[w].start();
        }
        for (Thread t : writers) t.join();
        AuditChain.Report report = AuditChain.verify(db.dataSource());
        assertThat(report.problems()).isEmpty();
        assertThat(report.chained()).isEqualTo(45);
        assertThat(report.describe()).startsWith("The audit trail is intact: 45 event(s) chained, up to #45.")
                .contains("Head hash: " + report.headHash());
    }

    @Test
    void emptyingTheTrailIsRefusedAndRemovingEventsShowsInVerify() throws Exception {
        record3();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("TRUNCATE TABLE audit_events")).isNotNull();
        }
        assertThat(AuditChain.verify(db.dataSource()).intact()).isTrue();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(liftAppendOnlySql());
            s.executeUpdate("DELETE FROM audit_events WHERE chain_seq < 3");
        }
        assertThat(AuditChain.verify(db.dataSource()).problems()).containsExactly("event(s) #1 to #2 are missing");
    }

    @Test
    void aChangedARemovedAndABackDatedEventEachBreakTheChainWhereTheyAre() throws Exception {
        record3();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(liftAppendOnlySql());
            s.executeUpdate("UPDATE audit_events SET detail = 'nothing to see' WHERE chain_seq = 1");
            s.executeUpdate("DELETE FROM audit_events WHERE chain_seq = 2");
            s.executeUpdate("INSERT INTO audit_events (occurred_at, kind, actor, org, api_name, detail) VALUES "
                    + "(TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', 'APPROVAL', 'slack:U_BOB', 'prod', 'Tableau_Cloud', 'approved')");
        }
        AuditChain.Report report = AuditChain.verify(db.dataSource());
        assertThat(report.intact()).isFalse();
        assertThat(String.join("\n", report.problems()))
                .contains("event #1 (REQUEST at 2026-03-02T09:00:00Z) was changed after it was written")
                .contains("event(s) #2 are missing")
                .contains("is not in the chain: it was inserted outside the bot");
        assertThat(report.describe()).startsWith("The audit trail was TAMPERED WITH");
    }

    private void record3() {
        trail.record(AuditEvent.of(T0, AuditKind.REQUEST, ALICE, "prod", "Tableau_Cloud", "asked"));
        trail.record(AuditEvent.of(T0.plusSeconds(60), AuditKind.APPROVAL, BOB, "prod", "Tableau_Cloud", "approved"));
        trail.record(AuditEvent.of(T0.plusSeconds(90), AuditKind.PROVISIONING, null, "prod", "Tableau_Cloud", "created"));
    }
}
