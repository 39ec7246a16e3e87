package dev.ecabot.bench;

import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.FileMessage;
import dev.ecabot.conversation.message.Summary;
import dev.ecabot.store.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Figure 2: the inventory of {@code size} apps (20 vendors, one org) through the chat commands a user types
 * ({@code inventory}, {@code inventory <vendor>}, {@code show <api-name>}, {@code export csv|json}), each timed from
 * the event reaching the engine to the reply posted, against a plain SELECT of the same rows read column by column
 * over the same connection pool, interleaved. On H2 (in memory, the bot's own Database) and on PostgreSQL.
 */
public final class InventoryBenchmark {

    static final String COLUMNS = "id, org_name, api_name, label, salesforce_id, playbook_id, vendor, requester, "
            + "approver, contact_email, consumer_key, created_at, settings_json, status";
    static final int VENDORS = 20;
    /** {@code inventory} lists the first 50 matching apps (and their count): the floor reads the same 50 rows. */
    static final String SHOWN = " FETCH FIRST 50 ROWS ONLY";

    private InventoryBenchmark() {
    }

    public static List<Row> measure(int size, int rounds) throws Exception {
        List<Row> rows = new ArrayList<>();
        rows.addAll(measureOn("H2", Database.inMemory("bench-inventory-" + UUID.randomUUID()), size, rounds));
        var unreachable = PostgresSchemas.unreachable();
        if (unreachable.isPresent()) {
            rows.add(Row.skipped("Inventory (PostgreSQL)", "list/filter <= 50 ms, export <= 2 s", unreachable.get()));
        } else {
            try {
                rows.addAll(measureOn("PG", PostgresSchemas.openFresh(), size, rounds));
            } finally {
                PostgresSchemas.dropAll();
            }
        }
        return rows;
    }

    private static List<Row> measureOn(String dbName, Database db, int size, int rounds) throws Exception {
        try (BenchBot bot = new BenchBot(db, Duration.ZERO)) {
            long seedStart = System.nanoTime();
            seed(db, size);
            if (!dbName.equals("H2")) settle(db);
            long seedMillis = (System.nanoTime() - seedStart) / 1_000_000;
            AtomicReference<ChatMessage> last = new AtomicReference<>();
            // The command's first reply: a long list is followed by a "more" prompt, which is not what is timed.
            bot.listen((to, message) -> last.compareAndSet(null, message));
            ChatUser admin = BenchBot.user("admin");
            String vendor = vendor(7);
            String apiName = apiName(size / 2);
            List<Row> rows = new ArrayList<>();
            String note = String.format(Locale.ROOT, "%,d apps seeded in %d ms", size, seedMillis);
            System.out.println("    (" + dbName + ") " + note);
            rows.add(pair(dbName, "list", "<= 50 ms", 50, rounds,
                    () -> expect(bot, last, () -> bot.command(admin, "inventory", ""), Summary.class),
                    () -> select(db, "SELECT " + COLUMNS + " FROM inventory_app ORDER BY org_name, api_name" + SHOWN), note));
            rows.add(pair(dbName, "filter by vendor", "<= 50 ms", 50, rounds,
                    () -> expect(bot, last, () -> bot.command(admin, "inventory", vendor), Summary.class),
                    () -> select(db, "SELECT " + COLUMNS + " FROM inventory_app WHERE vendor = ? ORDER BY org_name, api_name" + SHOWN, vendor),
                    (size / VENDORS) + " match, a page of " + dev.ecabot.conversation.command.ListPage.SIZE
                            + " shown (the floor reads 50)"));
            rows.add(pair(dbName, "show", "<= 50 ms", 50, rounds,
                    () -> expect(bot, last, () -> bot.command(admin, "show", apiName + " demo"), Summary.class),
                    () -> select(db, "SELECT " + COLUMNS + " FROM inventory_app WHERE org_name = ? AND api_name = ?", "demo", apiName),
                    "1 row"));
            for (String format : List.of("csv", "json")) {
                // Once each at 100,000 apps (no warm-up round), twice at smaller sizes, to fit the figure's budget.
                rows.add(pair(dbName, "export " + format, "<= 2 s", 2000, size > 20_000 || format.equals("json") ? 1 : 2,
                        () -> expect(bot, last, () -> bot.command(admin, "export", format), FileMessage.class),
                        () -> select(db, "SELECT " + COLUMNS + " FROM inventory_app ORDER BY org_name, api_name"),
                        size + " rows"));
            }
            return rows;
        }
    }

    private static Row pair(String dbName, String what, String goal, double goalMillis, int rounds,
                            Interleaved.Work bot, Interleaved.Work floor, String note) throws Exception {
        try {
            return Progress.done(measurePair(dbName, what, goal, goalMillis, rounds, bot, floor, note));
        } catch (Exception | OutOfMemoryError e) {
            // One command failing (e.g. the heap running out on a 100,000-app export) must not lose the others' rows.
            System.gc();
            return Row.failed("Inventory " + what + " (" + dbName + ")", goal, e);
        }
    }

    private static Row measurePair(String dbName, String what, String goal, double goalMillis, int rounds,
                                   Interleaved.Work bot, Interleaved.Work floor, String note) throws Exception {
        // A long export is measured without a warm-up round, at most twice (the budget is 10 minutes in all).
        Interleaved.Result r = Interleaved.run(rounds, Duration.ofSeconds(15), rounds > 2, bot, floor);
        double b = r.bot().p50();
        double f = r.floor().p50();
        return new Row("Inventory " + what + " (" + dbName + ") p50", Row.ms(b), Row.ms(f) + " (SELECT)",
                Row.ratio(b, f), goal, Row.met(b <= goalMillis),
                note + String.format(Locale.ROOT, "; %d rounds, max %s / %s", r.bot().count(),
                        Row.ms(r.bot().percentileMillis(100)), Row.ms(r.floor().percentileMillis(100))));
    }

    private static void expect(BenchBot bot, AtomicReference<ChatMessage> last, Runnable command,
                               Class<? extends ChatMessage> reply) {
        last.set(null);
        command.run();
        ChatMessage answer = last.get();
        if (!reply.isInstance(answer)) {
            throw new IllegalStateException("expected a " + reply.getSimpleName() + " but the bot answered " + answer);
        }
    }

    /**
     * What a live PostgreSQL has done to a table long before it holds 100,000 apps: autovacuum's VACUUM (which
     * marks the pages all-visible, so an index-only scan need not read the table) and ANALYZE (the planner's
     * statistics). A bulk load measured at once has neither: every index-only scan would read the table anyway.
     */
    static void settle(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); java.sql.Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("VACUUM ANALYZE inventory_app");
        }
    }

    /** Reads every column of every row, as the bot's repository does, and drops them. */
    static int select(Database db, String sql, String... params) throws SQLException {
        int n = 0;
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setString(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(1);
                    for (int col = 2; col <= 14; col++) {
                        if (col == 12) rs.getTimestamp(col);
                        else rs.getString(col);
                    }
                    n++;
                }
            }
        }
        if (n == 0) throw new IllegalStateException("the plain SELECT found no rows: " + sql);
        return n;
    }

    static String vendor(int i) {
        return "Vendor" + (char) ('A' + i % VENDORS);
    }

    static String apiName(int i) {
        return String.format(Locale.ROOT, "Bench_App_%06d", i);
    }

    /** Inserts {@code size} apps in batches, the shape the bot stores (settings JSON of a few hundred bytes). */
    static void seed(Database db, int size) throws SQLException {
        // The settings of a real spec (a shipped playbook's), as the bot stores them.
        String settings = dev.ecabot.inventory.SettingsJson.write(dev.ecabot.testing.SampleSpecs.vonage("Bench_App"));
        Timestamp created = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO inventory_app (org_name, api_name, label,"
                    + " salesforce_id, playbook_id, vendor, requester, approver, contact_email, consumer_key, created_at,"
                    + " settings_json, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (int i = 0; i < size; i++) {
                    ps.setString(1, "demo");
                    ps.setString(2, apiName(i));
                    ps.setString(3, "Bench app " + i);
                    ps.setString(4, String.format(Locale.ROOT, "0xR%012d", i));
                    ps.setString(5, "vendor-" + (char) ('a' + i % VENDORS));
                    ps.setString(6, vendor(i));
                    ps.setString(7, "bench:U" + (i % 500));
                    ps.setString(8, i % 3 == 0 ? null : "bench:A" + (i % 7));
                    ps.setString(9, "owner" + (i % 500) + "@example.com");
                    ps.setString(10, "3MVG9Bench" + Long.toHexString(0x1000000000L + i));
                    ps.setTimestamp(11, created);
                    ps.setString(12, settings);
                    ps.setString(13, "ACTIVE");
                    ps.addBatch();
                    if (i % 1000 == 999) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
        }
    }
}
