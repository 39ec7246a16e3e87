package dev.ecabot.conversation.command.report;

import dev.ecabot.conversation.command.CommandRegistry;
import dev.ecabot.conversation.dialogue.OrgDirectory;
import dev.ecabot.inventory.AppOwners;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.posture.PosturePolicy;
import dev.ecabot.posture.PostureReview;

import dev.ecabot.conversation.command.inventory.OrgWork;
import dev.ecabot.conversation.command.inventory.OwnerChange;
import dev.ecabot.conversation.command.inventory.OwnerCommand;
import dev.ecabot.digest.Digests;
import dev.ecabot.reminders.Reminders;
import dev.ecabot.salesforce.OrgClients;
import dev.ecabot.usage.TokenReminders;
import dev.ecabot.usage.UsageReader;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * Registers the inventory reports of issue 16 that need no org connection: {@code posture} and {@code owner}.
 * (usage and digest need the orgs' clients and register with the inventory commands.) One line each.
 */
public final class ReportCommands {

    private ReportCommands() {
    }

    public static void register(CommandRegistry registry, DataSource db, OrgDirectory orgs, OwnerChange owners,
                                Clock clock) {
        InventoryAppRepository inventory = new InventoryAppRepository(db);
        registry.register(new PostureCommand(inventory, new PostureReview(PosturePolicy.current().rules(), db, clock), orgs))
                .register(new OwnerCommand(inventory, new AppOwners(db), owners));
    }

    /** {@code usage} (and what needs an org): {@code reminders} may be null (no scheduler). */
    public static void registerWithOrgs(CommandRegistry registry, DataSource db, OrgDirectory orgs, OrgClients clients,
                                        Reminders reminders, OrgWork work, Clock clock) {
        InventoryAppRepository inventory = new InventoryAppRepository(db);
        UsageReader reader = new UsageReader(clients, inventory, new AppOwners(db), clock);
        TokenReminders tokenReminders = reminders == null ? null
                : new TokenReminders(reminders, PosturePolicy.current().settings().tokenReminderLead());
        UsageCommand usage = new UsageCommand(reader, tokenReminders, orgs, work, clock);
        registry.register(usage)
                .register(new DigestCommand(new Digests(db, clients, reminders, clock), inventory,
                        new PostureReview(PosturePolicy.current().rules(), db, clock), new AppOwners(db), orgs, work, usage));
    }
}
