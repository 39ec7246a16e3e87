package dev.ecabot.conversation.command.inventory;

import dev.ecabot.audit.AuditTrail;
import dev.ecabot.inventory.AppDeletion;
import dev.ecabot.inventory.CredentialRotation;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.inventory.InventorySync;
import dev.ecabot.inventory.RotationStore;
import dev.ecabot.reminders.ReminderPlans;
import dev.ecabot.reminders.Reminders;
import dev.ecabot.salesforce.OrgClients;
import dev.ecabot.vault.RevealOffers;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * What the inventory commands work with beyond the engine's basics: the orgs' Salesforce clients (sync, rotate,
 * delete), reminders, the audit trail, and where talking to an org runs. Who may run them is the engine's one
 * access filter (the Action table). Immutable.
 */
public record AppOperations(InventoryAppRepository inventory, AuditTrail audit, InventorySync sync,
                            CredentialRotation rotation, AppDeletion deletion, OrgWork work) {

    /**
     * Assembles the services on the bot's database, reminding as {@code plans} say; {@code reminders} may be null
     * (no scheduler: rotations then schedule no revoke reminder, deletions cancel none).
     */
    public static AppOperations create(DataSource db, OrgClients orgs, RevealOffers offers, Reminders reminders,
                                       ReminderPlans plans, Clock clock, Executor background) {
        InventoryAppRepository inventory = new InventoryAppRepository(db);
        AuditTrail audit = new AuditTrail(db);
        return new AppOperations(inventory, audit, new InventorySync(orgs, inventory, audit, clock, reminders),
                new CredentialRotation(orgs, inventory, new RotationStore(db), offers, reminders,
                        plans, audit, clock),
                new AppDeletion(orgs, inventory, reminders, audit, clock), new OrgWork(background));
    }
}
