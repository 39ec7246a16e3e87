package dev.ecabot.inventory;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.access.Requester;
import dev.ecabot.audit.AuditEvent;
import dev.ecabot.audit.AuditKind;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.reminders.Reminders;
import dev.ecabot.store.SqlTime;
import dev.ecabot.store.SqlWork;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who owns each inventory app (table {@code app_owner}, migration V85): the person an admin named, else the
 * requester; apps imported by {@code sync} have neither and are ownerless until an admin assigns one. Owners are
 * {@code platform:userId}. Assigning writes the audit trail and moves the app's scheduled owner reminders in the
 * same transaction. Thread-safe.
 */
public final class AppOwners {

    private final DataSource db;
    private final AuditTrail audit;

    public AppOwners(DataSource db) {
        this.db = db;
        this.audit = new AuditTrail(db);
    }

    /** The app's owner: the assigned one, else its requester; empty for an ownerless (imported) app. */
    public Optional<String> ownerOf(InventoryApp app) {
        return Optional.ofNullable(assigned().getOrDefault(key(app.org(), app.apiName()), blankToNull(app.requester())));
    }

    /**
     * Who owns the app {@code org}/{@code apiName} now (what a reminder asks as it fires): the assigned owner, else
     * the requester of the inventory's app; empty when nobody owns it or the inventory does not know the app.
     */
    public Optional<ChatUserRef> currentOwner(String org, String apiName) {
        return SqlWork.inTransaction(db, "read an app's owner", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT owner FROM app_owner WHERE org_name = ? AND api_name = ?")) {
                ps.setString(1, org);
                ps.setString(2, apiName);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) return Optional.of(ChatUserRef.parse(rs.getString(1)));
                }
            }
            return Optional.<ChatUserRef>empty();
        }).or(() -> new InventoryAppRepository(db).find(org, apiName).map(a -> blankToNull(a.requester()))
                .flatMap(requester -> Requester.parse(requester).chatUser())); // an operator's app has no chat owner
    }

    /** Owner of each app in {@code apps} (null when ownerless), keyed by "org/apiName"; one query. */
    public Map<String, String> ownersOf(List<InventoryApp> apps) {
        Map<String, String> assigned = assigned();
        Map<String, String> out = new HashMap<>();
        for (InventoryApp a : apps) {
            out.put(key(a.org(), a.apiName()), assigned.getOrDefault(key(a.org(), a.apiName()), blankToNull(a.requester())));
        }
        return out;
    }

    /** A function giving any app's owner (null when ownerless) from the assignments read once, now. */
    public java.util.function.Function<InventoryApp, String> resolver() {
        Map<String, String> assigned = assigned();
        return a -> assigned.getOrDefault(key(a.org(), a.apiName()), blankToNull(a.requester()));
    }

    /** The apps (not deleted) that nobody owns. */
    public List<InventoryApp> ownerless(List<InventoryApp> apps) {
        Map<String, String> owners = ownersOf(apps);
        return apps.stream().filter(a -> a.status() != AppStatus.DELETED)
                .filter(a -> owners.get(key(a.org(), a.apiName())) == null).toList();
    }

    /** What an owner change did: who owned the app before (empty: nobody), how many scheduled reminders moved. */
    public record Change(Optional<String> previous, int remindersMoved) {
    }

    /**
     * Makes {@code owner} the owner of {@code app}, recording who did it in the audit trail and addressing the app's
     * scheduled owner reminders to them, all in one transaction (a crash leaves the old owner with everything).
     */
    public Change assign(InventoryApp app, ChatUserRef owner, ChatUserRef by, Instant at) {
        Optional<String> before = ownerOf(app);
        String previous = before.orElse("nobody");
        return SqlWork.inTransaction(db, "assign an owner", c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM app_owner WHERE org_name = ? AND api_name = ?")) {
                del.setString(1, app.org());
                del.setString(2, app.apiName());
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_owner (org_name, api_name, owner, assigned_by,"
                    + " assigned_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, app.org());
                ps.setString(2, app.apiName());
                ps.setString(3, owner.toString());
                ps.setString(4, by.toString());
                SqlTime.set(ps, 5, at);
                ps.executeUpdate();
            }
            audit.record(c, AuditEvent.of(at, AuditKind.OWNER, by, app.org(), app.apiName(),
                    "owner changed from " + previous + " to " + owner));
            return new Change(before, Reminders.moveToOwner(c, app.org(), app.apiName(), owner));
        });
    }

    public static String key(String org, String apiName) {
        return org + "/" + apiName;
    }

    private Map<String, String> assigned() {
        return SqlWork.inTransaction(db, "read app owners", c -> {
            Map<String, String> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT org_name, api_name, owner FROM app_owner");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(key(rs.getString(1), rs.getString(2)), rs.getString(3));
            }
            return out;
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
