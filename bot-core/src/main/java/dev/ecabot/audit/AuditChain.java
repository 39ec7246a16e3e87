package dev.ecabot.audit;

import dev.ecabot.store.SqlTime;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The audit trail's hash chain (migration V96): each event's SHA-256 covers its content and the previous event's
 * hash, and the chain's head (last place and hash) is kept apart, so removing, changing, back-dating or slipping
 * in an event, or emptying the table, shows in {@link #verify}. Tamper-evident, not tamper-proof: someone who can
 * rewrite the whole table and the head can forge a consistent chain, which is why {@code audit verify} prints the
 * head hash to be noted somewhere else (a ticket, a log system) and compared later.
 */
public final class AuditChain {

    /** The hash before the first event. */
    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** The hash of {@code event} at place {@code seq} after {@code prevHash}. */
    static String hash(long seq, String prevHash, AuditEvent event) {
        StringBuilder in = new StringBuilder();
        field(in, Long.toString(seq));
        field(in, prevHash);
        field(in, event.at().truncatedTo(ChronoUnit.MILLIS).toString());
        field(in, event.kind().name());
        field(in, event.actor() == null ? null : event.actor().toString());
        field(in, event.org());
        field(in, event.apiName());
        field(in, event.reference());
        field(in, event.detail());
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(in.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
        }
    }

    /** Length-prefixed, so no two different events share an input ("ab"+"c" is not "a"+"bc"; null is not ""). */
    private static void field(StringBuilder in, String value) {
        if (value == null) {
            in.append("-1:|");
        } else {
            in.append(value.length()).append(':').append(value).append('|');
        }
    }

    /** Appends {@code event} to the chain inside {@code c}'s transaction (which must not auto-commit). */
    static void append(Connection c, AuditEvent event, String columns) throws SQLException {
        long lastSeq;
        String lastHash;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT last_seq, last_hash FROM audit_chain_head WHERE head_id = 1 FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) throw new SQLException("audit_chain_head has no row: the audit chain's head was removed");
            lastSeq = rs.getLong(1);
            lastHash = rs.getString(2);
        }
        long seq = lastSeq + 1;
        String hash = hash(seq, lastHash, event);
        long eventId;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_events (" + columns
                + ", chain_seq, prev_hash, event_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"event_id"})) {
            SqlTime.set(ps, 1, event.at());
            ps.setString(2, event.kind().name());
            ps.setString(3, event.actor() == null ? null : event.actor().toString());
            ps.setString(4, event.org());
            ps.setString(5, event.apiName());
            ps.setString(6, event.reference());
            ps.setString(7, event.detail());
            ps.setLong(8, seq);
            ps.setString(9, lastHash);
            ps.setString(10, hash);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) throw new SQLException("the database returned no id for the audit event");
                eventId = keys.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE audit_chain_head SET last_seq = ?, last_event_id = ?, last_hash = ? WHERE head_id = 1")) {
            ps.setLong(1, seq);
            ps.setLong(2, eventId);
            ps.setString(3, hash);
            ps.executeUpdate();
        }
    }

    /** What {@link #verify} found: intact or not, with every problem in words. */
    public record Report(long chained, long beforeChain, long lastSeq, String headHash, List<String> problems) {
        public boolean intact() {
            return problems.isEmpty();
        }

        /** A few lines for whoever runs {@code ecabot audit verify}. */
        public String describe() {
            StringBuilder out = new StringBuilder();
            if (intact()) {
                out.append("The audit trail is intact: ").append(chained).append(" event(s) chained, up to #")
                        .append(lastSeq).append(".\n");
            } else {
                out.append("The audit trail was TAMPERED WITH or damaged (").append(problems.size())
                        .append(" problem(s)):\n");
                problems.stream().limit(50).forEach(p -> out.append("  - ").append(p).append('\n'));
                if (problems.size() > 50) out.append("  ... and ").append(problems.size() - 50).append(" more\n");
            }
            if (beforeChain > 0) {
                out.append(beforeChain).append(" older event(s) were written before the chain existed (version 0.1 "
                        + "upgrade) and are not covered.\n");
            }
            out.append("Head hash: ").append(headHash).append(" (note it elsewhere; a later verify must show it or "
                    + "a chain that continues from it)\n");
            return out.toString();
        }
    }

    /** Walks the whole trail in chain order and checks every link and the head. Read-only. */
    public static Report verify(DataSource dataSource) {
        List<String> problems = new ArrayList<>();
        long chained = 0;
        long beforeChain = 0;
        try (Connection c = dataSource.getConnection()) {
            long headSeq;
            String headHash;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT last_seq, last_hash FROM audit_chain_head WHERE head_id = 1"); ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new Report(0, 0, 0, "(none)", List.of("the chain's head (audit_chain_head) was removed"));
                }
                headSeq = rs.getLong(1);
                headHash = rs.getString(2);
            }
            Long firstChainedId = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(event_id) FROM audit_events WHERE chain_seq IS NOT NULL");
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    long v = rs.getLong(1);
                    if (!rs.wasNull()) firstChainedId = v;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT event_id FROM audit_events WHERE chain_seq IS NULL ORDER BY event_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (firstChainedId == null && headSeq == 0 || firstChainedId != null && id < firstChainedId) {
                        beforeChain++;
                    } else {
                        problems.add("event id " + id + " is not in the chain: it was inserted outside the bot");
                    }
                }
            }
            long expectedSeq = 1;
            String prev = GENESIS;
            Instant previousAt = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT event_id, occurred_at, kind, actor, org, api_name, "
                    + "reference, detail, chain_seq, prev_hash, event_hash FROM audit_events WHERE chain_seq IS NOT NULL "
                    + "ORDER BY chain_seq"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong("chain_seq");
                    if (seq != expectedSeq) {
                        problems.add(seq > expectedSeq
                                ? "event(s) #" + expectedSeq + (seq - 1 > expectedSeq ? " to #" + (seq - 1) : "") + " are missing"
                                : "event #" + seq + " appears twice");
                    }
                    String storedPrev = rs.getString("prev_hash");
                    if (seq == expectedSeq && !prev.equals(storedPrev)) {
                        problems.add("event #" + seq + " does not follow the event before it (its link was changed)");
                    }
                    AuditEvent event;
                    try {
                        String actor = rs.getString("actor");
                        event = new AuditEvent(SqlTime.get(rs, "occurred_at"), AuditKind.valueOf(rs.getString("kind")),
                                actor == null ? null : dev.ecabot.access.ChatUserRef.parse(actor), rs.getString("org"),
                                rs.getString("api_name"), rs.getString("reference"), rs.getString("detail"));
                    } catch (RuntimeException e) {
                        problems.add("event #" + seq + " cannot be read (" + e.getMessage() + ")");
                        prev = rs.getString("event_hash");
                        expectedSeq = seq + 1;
                        continue;
                    }
                    String stored = rs.getString("event_hash");
                    if (!hash(seq, storedPrev, event).equals(stored)) {
                        problems.add("event #" + seq + " (" + event.kind() + " at " + event.at() + ") was changed after "
                                + "it was written");
                    }
                    if (previousAt != null && event.at().isBefore(previousAt.minusSeconds(300))) {
                        problems.add("event #" + seq + " is dated " + event.at() + ", more than 5 minutes before the "
                                + "event before it: back-dated");
                    }
                    previousAt = event.at();
                    prev = stored;
                    expectedSeq = seq + 1;
                    chained++;
                }
            }
            if (expectedSeq - 1 != headSeq) {
                problems.add(expectedSeq - 1 < headSeq
                        ? "the chain ends at #" + (expectedSeq - 1) + " but " + headSeq + " event(s) were written: "
                        + "the newest ones were removed (or the table was emptied)"
                        : "the chain goes on past its recorded head #" + headSeq);
            } else if (!prev.equals(headHash)) {
                problems.add("the last event's hash does not match the chain's head");
            }
            return new Report(chained, beforeChain, headSeq, headHash, List.copyOf(problems));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the audit trail: " + e.getMessage(), e);
        }
    }
}
