package dev.ecabot.emulator.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecabot.emulator.http.Json;
import dev.ecabot.emulator.org.OrgDirectory;
import dev.ecabot.emulator.org.OrgUsers;
import dev.ecabot.emulator.org.SalesforceIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * SOQL on the org's people, as an admin tool (or the bot, before asking its long questions) checks them: User
 * (Id, Username, IsActive), PermissionSet (Id, Name, Label, IsOwnedByProfile, PermissionsApiUserOnly), Profile (Id,
 * Name), PermissionSetAssignment (Id, AssigneeId, PermissionSetId, PermissionSet.PermissionsApiUserOnly) and the
 * signed-in user's own UserPermissionAccess (Id, PermissionsViewClientSecret: "View Client Secret"), answered
 * from the {@link OrgDirectory}. The emulator cannot list a real org's people, so a query finds records only through
 * the name it asks for (Username, Name, AssigneeId with = or IN); an unseeded directory answers any such name as
 * existing (an active API Only user), as deploys accept any name then. Thread-safe.
 */
public final class DirectoryQueries {

    private static final Map<String, SoqlParser> PARSERS = Map.of(
            "user", new SoqlParser("User", List.of("Id", "Username", "IsActive")),
            "permissionset", new SoqlParser("PermissionSet", List.of("Id", "Name", "Label", "IsOwnedByProfile",
                    "PermissionsApiUserOnly")),
            "profile", new SoqlParser("Profile", List.of("Id", "Name")),
            "permissionsetassignment", new SoqlParser("PermissionSetAssignment", List.of("Id", "AssigneeId",
                    "PermissionSetId", "PermissionSet.PermissionsApiUserOnly")),
            "userpermissionaccess", new SoqlParser("UserPermissionAccess", List.of("Id",
                    "PermissionsViewClientSecret")));
    /** The permission set a profile owns, where an API Only user's "API Only User" permission comes from. */
    private static final String API_ONLY_PROFILE = "Minimum Access - API Only Integrations";

    private final OrgDirectory directory;
    private final OrgUsers users;
    private final SalesforceIds ids;
    private final Map<String, String> idsByName = new ConcurrentHashMap<>();
    private final BooleanSupplier mayViewSecrets;

    public DirectoryQueries(OrgDirectory directory, OrgUsers users, SalesforceIds ids) {
        this(directory, users, ids, () -> true);
    }

    /** {@code mayViewSecrets}: whether the signed-in user holds "View Client Secret" (UserPermissionAccess answers it). */
    public DirectoryQueries(OrgDirectory directory, OrgUsers users, SalesforceIds ids, BooleanSupplier mayViewSecrets) {
        this.directory = directory;
        this.users = users;
        this.ids = ids;
        this.mayViewSecrets = mayViewSecrets;
    }

    /** The parser of an object this class answers, when {@code object} is one. */
    static Optional<SoqlParser> parserFor(String object) {
        return Optional.ofNullable(PARSERS.get(object.toLowerCase(Locale.ROOT)));
    }

    /** The records of {@code query} (already parsed by {@link #parserFor}), as flat field maps with typed values. */
    List<ObjectNode> run(SoqlQuery query, String version) {
        List<Map<String, Object>> candidates = switch (query.object()) {
            case "User" -> named(query, "Username").stream().flatMap(u -> directory.user(u).stream())
                    .map(u -> record("Id", users.idOf(u.username()), "Username", u.username(), "IsActive", u.active()))
                    .toList();
            case "PermissionSet" -> named(query, "Name").stream().filter(directory::hasPermissionSet)
                    .map(n -> record("Id", idOf("0PS", n), "Name", n, "Label", n.replace('_', ' '),
                            "IsOwnedByProfile", false, "PermissionsApiUserOnly", false)).toList();
            case "Profile" -> named(query, "Name").stream().filter(directory::hasProfile)
                    .map(n -> record("Id", idOf("00e", n), "Name", n)).toList();
            // the permissions of the user who asks: one row, whatever the query names
            case "UserPermissionAccess" -> List.of(record("Id", idOf("0UP", "current-user"),
                    "PermissionsViewClientSecret", mayViewSecrets.getAsBoolean()));
            default -> assignments(named(query, "AssigneeId"));
        };
        List<ObjectNode> out = new ArrayList<>();
        for (Map<String, Object> candidate : candidates) {
            if (!query.conditions().stream().allMatch(c -> matches(candidate.get(c.field()), c))) continue;
            ObjectNode node = Json.object();
            node.putObject("attributes").put("type", query.object()).put("url", "/services/data/" + version
                    + "/sobjects/" + query.object() + "/" + candidate.get("Id"));
            for (String field : query.fields()) put(node, field, candidate.get(field));
            out.add(node);
            if (query.limit() != null && out.size() >= query.limit()) break;
        }
        return out;
    }

    /** An API Only user holds one assignment giving it: the permission set its integration profile owns. */
    private List<Map<String, Object>> assignments(List<String> assigneeIds) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String id : assigneeIds) {
            Optional<OrgDirectory.User> user = users.usernameOf(id).flatMap(directory::user);
            if (user.isEmpty()) continue;
            out.add(record("Id", idOf("0Pa", user.get().username()), "AssigneeId", id,
                    "PermissionSetId", idOf("0PS", API_ONLY_PROFILE),
                    "PermissionSet.PermissionsApiUserOnly", user.get().apiOnly()));
        }
        return out;
    }

    private static List<String> named(SoqlQuery query, String field) {
        return query.conditions().stream()
                .filter(c -> c.field().equals(field) && (c.operator().equals("=") || c.operator().equals("IN")))
                .findFirst().map(SoqlQuery.Condition::values).orElse(List.of());
    }

    private String idOf(String prefix, String name) {
        return idsByName.computeIfAbsent(prefix + ":" + name.toLowerCase(Locale.ROOT), k -> ids.next(prefix));
    }

    private static boolean matches(Object actual, SoqlQuery.Condition condition) {
        String value = actual == null ? "" : String.valueOf(actual);
        boolean any = condition.values().stream().anyMatch(v -> v.equalsIgnoreCase(value));
        return switch (condition.operator()) {
            case "=", "IN" -> any;
            case "!=" -> !any;
            default -> false;
        };
    }

    private static Map<String, Object> record(Object... pairs) {
        Map<String, Object> record = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) record.put((String) pairs[i], pairs[i + 1]);
        return record;
    }

    /** Puts a value; a relationship field ("PermissionSet.X") nests as Salesforce answers it. */
    private static void put(ObjectNode node, String field, Object value) {
        int dot = field.indexOf('.');
        if (dot > 0) {
            ObjectNode related = node.has(field.substring(0, dot)) ? (ObjectNode) node.get(field.substring(0, dot))
                    : node.putObject(field.substring(0, dot));
            put(related, field.substring(dot + 1), value);
        } else if (value instanceof Boolean b) {
            node.put(field, b);
        } else {
            node.put(field, value == null ? null : String.valueOf(value));
        }
    }
}
