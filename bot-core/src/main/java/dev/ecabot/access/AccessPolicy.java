package dev.ecabot.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one access filter every chat action passes through, fed by {@link RolesConfig} and the
 * {@link Action} table. In doubt it denies: an unknown person, a failed group lookup or a missing action
 * is refused. {@link #allowedActions} is the same check in dry-run, for {@code help}. Thread-safe.
 */
public final class AccessPolicy {

    private static final Logger log = LoggerFactory.getLogger(AccessPolicy.class);

    private final RolesConfig roles;
    private final GroupDirectory groups;

    public AccessPolicy(RolesConfig roles, GroupDirectory groups) {
        this.roles = roles;
        this.groups = groups;
    }

    public AccessPolicy(RolesConfig roles) {
        this(roles, GroupDirectory.NONE);
    }

    /** Allowed, or a refusal saying which role the action needs. */
    public AccessDecision check(ChatUserRef user, Action action) {
        if (user == null || action == null) return AccessDecision.refuse("I could not tell who you are or what you asked; nothing was done.");
        if (action.isOpenToAll()) return AccessDecision.allow();
        Set<Role> held;
        try {
            held = rolesOf(user);
        } catch (RuntimeException e) {
            log.warn("Group lookup failed for {}; refusing {} (deny on doubt): {}", user, action.command(), e.toString());
            return AccessDecision.refuse("I could not check your groups just now, so I cannot run `" + action.command()
                    + "`. Try again in a moment.");
        }
        if (held.stream().anyMatch(action.grantedTo()::contains)) return AccessDecision.allow();
        String needed = action.grantedTo().stream().map(r -> r.name().toLowerCase(Locale.ROOT)).sorted()
                .collect(Collectors.joining(" or "));
        return AccessDecision.refuse("You may not run `" + action.command() + "`: it needs the " + needed
                + " role. " + whoGrants() + " to add you (" + user + ") to the roles in ecabot.yaml.");
    }

    /** "Ask a bot admin (slack:U0G9QF9C6)": who can grant a role, by the configured admins. */
    private String whoGrants() {
        List<Grantee> admins = roles.admins();
        if (admins.isEmpty()) return "Ask whoever runs this bot (no admins are configured)";
        return "Ask a bot admin (" + admins.stream().map(Grantee::toString).collect(Collectors.joining(", ")) + ")";
    }

    /** Dry run for {@code help}: every action {@code user} may run, in menu order. */
    public Set<Action> allowedActions(ChatUserRef user) {
        Set<Action> allowed = EnumSet.noneOf(Action.class);
        for (Action action : Action.values()) {
            if (check(user, action).allowed()) allowed.add(action);
        }
        return allowed;
    }

    /** The configured entries granting {@code role} (users, groups, whole platforms), e.g. to notify every approver. */
    public List<Grantee> grantees(Role role) {
        return roles.byRole().get(role);
    }

    /** The roles {@code user} holds (directly, through a group, or as everyone on their platform); throws if the group lookup fails. */
    public Set<Role> rolesOf(ChatUserRef user) {
        Set<String> memberOf = needsGroups() ? groups.groupsOf(user) : Set.of();
        Set<Role> held = EnumSet.noneOf(Role.class);
        roles.byRole().forEach((role, grantees) -> {
            if (grantees.stream().anyMatch(g -> g.covers(user, memberOf))) held.add(role);
        });
        return held;
    }

    /** Whether {@code user} holds {@code role}; false when in doubt. */
    public boolean holds(ChatUserRef user, Role role) {
        try {
            return user != null && rolesOf(user).contains(role);
        } catch (RuntimeException e) {
            log.warn("Group lookup failed for {}; treating as not {}: {}", user, role, e.toString());
            return false;
        }
    }

    /** Whether {@code user} is covered by one of {@code grantees} (e.g. an org's own approver list); false when in doubt. */
    public boolean isAmong(ChatUserRef user, List<Grantee> grantees) {
        try {
            boolean groupEntries = grantees.stream().anyMatch(g -> g.kind() == Grantee.Kind.GROUP);
            Set<String> memberOf = groupEntries ? groups.groupsOf(user) : Set.of();
            return user != null && grantees.stream().anyMatch(g -> g.covers(user, memberOf));
        } catch (RuntimeException e) {
            log.warn("Group lookup failed for {}; treating as not listed: {}", user, e.toString());
            return false;
        }
    }

    private boolean needsGroups() {
        return roles.byRole().values().stream().flatMap(List::stream)
                .anyMatch(g -> g.kind() == Grantee.Kind.GROUP);
    }
}
