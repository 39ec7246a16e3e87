package dev.ecabot.conversation.command.builtin;

import dev.ecabot.access.AccessPolicy;
import dev.ecabot.approval.Approvals;
import dev.ecabot.conversation.EngineSettings;
import dev.ecabot.conversation.approvals.ApprovalCards;
import dev.ecabot.conversation.approvals.ApprovalFlow;
import dev.ecabot.conversation.approvals.ApproveCommand;
import dev.ecabot.conversation.approvals.ApprovedWork;
import dev.ecabot.conversation.approvals.DenyCommand;
import dev.ecabot.conversation.approvals.PendingApprovals;
import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.reminders.FollowUpReminders;
import dev.ecabot.conversation.command.CommandRegistry;
import dev.ecabot.conversation.dialogue.NewAppDialogue;
import dev.ecabot.conversation.dialogue.OrgDirectory;
import dev.ecabot.conversation.state.ConversationStore;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.playbook.PlaybookCatalog;
import dev.ecabot.vault.RevealOffers;

import java.util.List;

/**
 * The one place commands are registered, in the order {@code help} lists them. To add a command (rotate, delete, audit,
 * export, sync): write one small {@link ChatCommand} class and add one line
 * here, and give it a row in {@code access.Action} (the access table: a command without one is refused).
 * If it needs a new service, add it to {@link Services}.
 */
public final class BuiltinCommands {

    /** What the built-in commands work with. */
    public record Services(ConversationStore store, NewAppDialogue dialogue, PlaybookCatalog catalog,
                           OrgDirectory orgs, RevealOffers revealOffers, InventoryAppRepository inventory,
                           AccessPolicy access, Approvals approvals, ApprovalCards cards, ApprovalFlow approvalFlow,
                           FollowUpReminders followUps, ApprovedWork approvedWork, EngineSettings settings) { }

    private BuiltinCommands() {
    }

    /** A registry with every built-in command, plus {@code extra} ones (from the app or a test). */
    public static CommandRegistry registry(Services s, List<ChatCommand> extra) {
        CommandRegistry registry = new CommandRegistry();
        PendingApprovals pending = new PendingApprovals(s.approvals());
        registry.register(new HelpCommand(registry, s.access()))
                .register(new NewCommand(s.dialogue()))
                .register(new CancelCommand(s.store(), s.dialogue(), s.approvalFlow()))
                .register(new StatusCommand(s.store(), s.dialogue()))
                .register(new PlaybooksCommand(s.catalog()))
                .register(new OrgsCommand(s.orgs()))
                .register(new InventoryCommand(s.inventory(), s.orgs()))
                .register(new ShowCommand(s.inventory(), s.settings().clock()))
                .register(new RevealCommand(s.revealOffers(), s.followUps()))
                .register(new ApproveCommand(s.approvals(), s.cards(), pending, s.approvedWork()))
                .register(new DenyCommand(s.approvals(), s.approvalFlow(), pending))
                .register(new RemindersCommand(s.followUps().reminders(), s.access(), s.settings()));
        extra.forEach(registry::register);
        return registry;
    }
}
