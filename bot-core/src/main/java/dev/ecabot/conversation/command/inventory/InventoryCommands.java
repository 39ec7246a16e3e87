package dev.ecabot.conversation.command.inventory;

import dev.ecabot.conversation.command.CommandRegistry;
import dev.ecabot.conversation.dialogue.OrgDirectory;

import java.time.Clock;

/**
 * Registers the inventory and audit commands that need {@link AppOperations}: export, sync, rotate, revoke-old,
 * delete, audit (inventory and show are built in). One line each, in the order {@code help} lists them.
 */
public final class InventoryCommands {

    private InventoryCommands() {
    }

    /** {@code changes} decides whether rotate and delete need approval, and carries them out. */
    public static void register(CommandRegistry registry, AppOperations ops, ChangeApprovals changes, OrgDirectory orgs,
                                OwnerChange owners, Clock clock) {
        register(registry, ops, changes, orgs, owners, clock, dev.ecabot.conversation.reminders.FollowUpReminders.none());
    }

    /** {@code followUps} stops an app's checklist reminders once its last manual step is ticked off. */
    public static void register(CommandRegistry registry, AppOperations ops, ChangeApprovals changes, OrgDirectory orgs,
                                OwnerChange owners, Clock clock,
                                dev.ecabot.conversation.reminders.FollowUpReminders followUps) {
        AppLookup apps = new AppLookup(ops.inventory());
        registry.register(new ExportCommand(ops.inventory(), orgs, clock).audited(ops.audit()))
                .register(new SyncCommand(ops.sync(), orgs, ops.work()))
                .register(new RotateCommand(changes, apps))
                .register(new RevokeOldCommand(ops.rotation(), apps, ops.work()))
                .register(new DeleteCommand(changes, apps))
                .register(new AuditCommand(ops.audit(), apps))
                .register(new AssignCommand(ops.inventory(), ops.audit(), apps, ops.sync(), owners, clock))
                .register(new DoneCommand(ops.inventory().checklist(), ops.audit(), apps, clock, followUps::checklistDone));
    }
}
