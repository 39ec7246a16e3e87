package dev.ecabot.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecabot.settings.error.InvalidSettingException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code roles} section of ecabot.yaml: who is a requester, an approver, an admin. Immutable.
 * <pre>
 * roles:
 *   requesters: [ "slack:*", "group:teams:8f3c..." ]
 *   approvers:  [ "slack:U024BE7LH" ]
 *   admins:     [ "slack:U0G9QF9C6" ]
 * </pre>
 * Missing lists are empty: nobody holds that role (deny on doubt).
 */
public record RolesConfig(List<Grantee> requesters, List<Grantee> approvers, List<Grantee> admins) {

    private static final Set<String> KEYS = Set.of("requesters", "approvers", "admins");

    public RolesConfig {
        requesters = List.copyOf(requesters);
        approvers = List.copyOf(approvers);
        admins = List.copyOf(admins);
    }

    /** Nobody has any role: every action but help is refused. */
    public static RolesConfig empty() {
        return new RolesConfig(List.of(), List.of(), List.of());
    }

    /** The zero-configuration terminal: the one local user is admin. */
    public static RolesConfig localAdmin(ChatUserRef localUser) {
        Grantee admin = new Grantee(Grantee.Kind.USER, localUser.platform(), localUser.id());
        return new RolesConfig(List.of(), List.of(), List.of(admin));
    }

    /** Reads the {@code roles} node (null or missing: {@link #empty()}); errors name the key and how to fix it. */
    public static RolesConfig fromJson(JsonNode roles) {
        if (roles == null || roles.isNull() || roles.isMissingNode()) return empty();
        if (!roles.isObject()) {
            throw new InvalidSettingException("roles must be a map with lists requesters, approvers and admins");
        }
        for (Iterator<String> names = roles.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw new InvalidSettingException("roles." + name + " is not a role; use requesters, approvers or admins");
            }
        }
        return new RolesConfig(list(roles, "requesters"), list(roles, "approvers"), list(roles, "admins"));
    }

    private static List<Grantee> list(JsonNode roles, String key) {
        JsonNode node = roles.get(key);
        if (node == null || node.isNull()) return List.of();
        if (!node.isArray()) {
            throw new InvalidSettingException("roles." + key + " must be a list, e.g. [\"slack:U024BE7LH\"]");
        }
        List<Grantee> out = new ArrayList<>();
        for (JsonNode entry : node) {
            if (!entry.isTextual()) {
                throw new InvalidSettingException("roles." + key + " entries must be text like \"slack:U024BE7LH\"; got " + entry);
            }
            try {
                out.add(Grantee.parse(entry.asText()));
            } catch (InvalidSettingException e) {
                throw new InvalidSettingException("roles." + key + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** The entries granting each role. */
    public Map<Role, List<Grantee>> byRole() {
        return Map.of(Role.REQUESTER, requesters, Role.APPROVER, approvers, Role.ADMIN, admins);
    }
}
