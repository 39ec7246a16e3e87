package dev.ecabot.access;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static dev.ecabot.access.Role.ADMIN;
import static dev.ecabot.access.Role.APPROVER;
import static dev.ecabot.access.Role.REQUESTER;

/**
 * Every chat command the bot offers, with the roles that may run it. This table is the whole access rule:
 * an action not granted to any of a person's roles is refused. {@code help} is open to everyone, so a person
 * without a role learns whom to ask.
 */
public enum Action {
    HELP(null),
    NEW(EnumSet.of(REQUESTER, ADMIN)),
    CANCEL(EnumSet.of(REQUESTER, ADMIN)),
    STATUS(EnumSet.of(REQUESTER, APPROVER, ADMIN)),
    PLAYBOOKS(EnumSet.of(REQUESTER, APPROVER, ADMIN)),
    ORGS(EnumSet.of(REQUESTER, APPROVER, ADMIN)),
    INVENTORY(EnumSet.of(REQUESTER, APPROVER, ADMIN)),
    SHOW(EnumSet.of(REQUESTER, APPROVER, ADMIN)),
    APPROVE(EnumSet.of(APPROVER)),
    DENY(EnumSet.of(APPROVER)),
    REVEAL(EnumSet.of(REQUESTER, ADMIN)),
    REMINDERS(EnumSet.of(REQUESTER, APPROVER, ADMIN)),
    // Rotation hands a new secret to whoever asks, so only admins may ask (not any requester, who could take over
    // someone else's app); where the org needs approvals it becomes an approval request (ApprovalPurpose.ROTATE).
    ROTATE(EnumSet.of(ADMIN)),
    REVOKE_OLD(EnumSet.of(ADMIN)),
    DELETE(EnumSet.of(ADMIN)),
    SYNC(EnumSet.of(ADMIN)),
    EXPORT(EnumSet.of(ADMIN)),
    AUDIT(EnumSet.of(APPROVER, ADMIN)),
    /** Set the playbook or the owner of an inventoried app (an imported one, typically). */
    ASSIGN(EnumSet.of(ADMIN)),
    // Issue 16: posture and usage reports are read-only; owners are assigned by admins only.
    POSTURE(EnumSet.of(REQUESTER, APPROVER, ADMIN)),
    OWNER(EnumSet.of(ADMIN)),
    USAGE(EnumSet.of(APPROVER, ADMIN)),
    DIGEST(EnumSet.of(APPROVER, ADMIN)),
    /** Tick off a manual step of an app's checklist (admins do them in Setup). */
    DONE(EnumSet.of(ADMIN)),
    /** The metadata an app or playbook would deploy, and a dry run of it in an org (saves nothing). */
    RENDER(EnumSet.of(ADMIN)),
    /** A client credentials token request as an app's run-as user, to see that the app works (the token is dropped). */
    TEST(EnumSet.of(ADMIN)),
    /** Change an existing app's settings and redeploy it (its org's approval policy applies, purpose UPDATE). */
    UPDATE(EnumSet.of(ADMIN));

    private final Set<Role> grantedTo;

    Action(Set<Role> grantedTo) {
        this.grantedTo = grantedTo == null ? null : Collections.unmodifiableSet(grantedTo);
    }

    /** The word typed in chat, e.g. {@code approve} or {@code revoke-old}. */
    public String command() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** True when this action is open to everyone, with or without a role. */
    public boolean isOpenToAll() {
        return grantedTo == null;
    }

    /** The roles that may run this action (empty for {@link #isOpenToAll() open} actions). */
    public Set<Role> grantedTo() {
        return grantedTo == null ? Set.of() : grantedTo;
    }

    /** The action for a chat command word, case-insensitive. */
    public static Optional<Action> fromCommand(String word) {
        if (word == null) return Optional.empty();
        String w = word.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.command().equals(w)).findFirst();
    }
}
