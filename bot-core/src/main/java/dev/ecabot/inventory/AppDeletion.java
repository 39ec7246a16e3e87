package dev.ecabot.inventory;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.audit.AuditEvent;
import dev.ecabot.audit.AuditKind;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.reminders.Reminders;
import dev.ecabot.salesforce.AppNotFoundException;
import dev.ecabot.salesforce.DeployProgressListener;
import dev.ecabot.salesforce.SalesforceClient;
import dev.ecabot.salesforce.OrgClients;

import java.time.Clock;

/**
 * Deletes an inventoried app from its org (a destructive-changes deploy of the app and its companions), marks
 * it deleted in the inventory (the row stays, for the record), cancels its reminders and audits it. An app
 * already gone from the org is still marked deleted. Who may delete is the caller's check. {@code reminders} may
 * be null (no scheduler). Thread-safe.
 */
public final class AppDeletion {

    /** What happened: whether the org still had the app, and how many reminders were cancelled. */
    public record Deleted(boolean wasInOrg, int remindersCancelled) { }

    private final OrgClients orgs;
    private final InventoryAppRepository inventory;
    private final Reminders reminders;
    private final AuditTrail audit;
    private final Clock clock;

    public AppDeletion(OrgClients orgs, InventoryAppRepository inventory, Reminders reminders, AuditTrail audit, Clock clock) {
        this.orgs = orgs;
        this.inventory = inventory;
        this.reminders = reminders;
        this.audit = audit;
        this.clock = clock;
    }

    public Deleted delete(InventoryApp app, ChatUserRef by) {
        return delete(app, by, "");
    }

    /** Deletes the app, with {@code reason} (empty when none given) in the audit trail. */
    public Deleted delete(InventoryApp app, ChatUserRef by, String reason) {
        if (app.status() == AppStatus.DELETED) {
            throw new IllegalArgumentException(app.apiName() + " in " + app.org() + " is already deleted.");
        }
        SalesforceClient client = orgs.forOrg(app.org());
        boolean wasInOrg = true;
        try {
            client.deleteApp(app.apiName(), DeployProgressListener.NONE);
        } catch (AppNotFoundException gone) {
            wasInOrg = false;
        }
        inventory.markDeleted(app.org(), app.apiName());
        int cancelled = reminders == null ? 0 : reminders.cancelApp(app.org(), app.apiName());
        audit.record(AuditEvent.of(clock.instant(), AuditKind.DELETION, by, app.org(), app.apiName(),
                (wasInOrg ? "deleted from the org" : "marked deleted (the org no longer had it)")
                        + "; " + cancelled + " reminder(s) cancelled"
                        + (reason == null || reason.isBlank() ? "" : "; reason: " + reason.strip())));
        return new Deleted(wasInOrg, cancelled);
    }
}
