package dev.ecabot.inventory;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.audit.AuditEvent;
import dev.ecabot.audit.AuditKind;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.reminders.Recipient;
import dev.ecabot.reminders.Reminder;
import dev.ecabot.reminders.ReminderPlans;
import dev.ecabot.reminders.Reminders;
import dev.ecabot.salesforce.AppNotFoundException;
import dev.ecabot.salesforce.OauthCredentialsApi;
import dev.ecabot.salesforce.OrgClients;
import dev.ecabot.salesforce.SalesforceClient;
import dev.ecabot.salesforce.SalesforceException;
import dev.ecabot.salesforce.StagedCredentials;
import dev.ecabot.vault.ConsumerCredentials;
import dev.ecabot.vault.RevealOffer;
import dev.ecabot.vault.RevealOffers;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Rotates an app's consumer key and secret the staged way: stage a new pair, promote it (the old pair keeps
 * working for 30 days so integrations can switch), seal the new pair in a one-time reveal offer for the person
 * who rotated, remind them before the old pair expires, update the inventory's key and audit it. {@link #revokeOld}
 * deletes the old pair early. Secrets only pass through, sealed at once; nothing here logs them. {@code reminders}
 * may be null (no scheduler: no reminder). Thread-safe.
 */
public final class CredentialRotation {

    /** What a rotation produced: the new key, the offer holding the new pair, the revoke reminder (if any). */
    public record Rotated(Rotation rotation, RevealOffer offer, Optional<Reminder> reminder) { }

    private final OrgClients orgs;
    private final InventoryAppRepository inventory;
    private final RotationStore rotations;
    private final RevealOffers offers;
    private final Reminders reminders;
    private final ReminderPlans plans;
    private final AuditTrail audit;
    private final Clock clock;

    public CredentialRotation(OrgClients orgs, InventoryAppRepository inventory, RotationStore rotations,
                              RevealOffers offers, Reminders reminders, ReminderPlans plans, AuditTrail audit, Clock clock) {
        this.orgs = orgs;
        this.inventory = inventory;
        this.rotations = rotations;
        this.offers = offers;
        this.reminders = reminders;
        this.plans = plans;
        this.audit = audit;
        this.clock = clock;
    }

    public Rotated rotate(InventoryApp app, ChatUserRef by) {
        return rotate(app, by, "");
    }

    /** Rotates the app's credentials, with {@code reason} (empty when none given) in the audit trail. */
    public Rotated rotate(InventoryApp app, ChatUserRef by, String reason) {
        if (app.status() == AppStatus.DELETED) {
            throw new IllegalArgumentException(app.apiName() + " in " + app.org() + " was deleted; there is nothing to rotate.");
        }
        requirePresent(app);
        Optional<Rotation> earlier = rotations.oldPairStillValid(app.org(), app.apiName(), clock.instant());
        if (earlier.isPresent()) {
            throw new IllegalArgumentException(app.apiName() + " was already rotated at " + earlier.get().rotatedAt()
                    + " and its old consumer key " + earlier.get().oldConsumerKey() + " still works until "
                    + earlier.get().oldExpiresAt() + "; Salesforce keeps one old pair at a time. Say \"revoke-old "
                    + app.apiName() + "\" first (once every client uses the new pair), then rotate again. Nothing was rotated.");
        }
        SalesforceClient client = orgs.forOrg(app.org());
        String appId;
        try {
            appId = client.apps().require(app.apiName()).id();   // the org's current id, and proof it still exists
        } catch (AppNotFoundException gone) {
            throw new SalesforceException(gone.getMessage() + " It may have been deleted outside the bot: say \"sync "
                    + app.org() + "\" to compare the inventory with the org. Nothing was rotated.");
        }
        OauthCredentialsApi credentials = client.credentials();
        StagedCredentials fresh;
        try {
            fresh = credentials.stage(appId);
        } catch (dev.ecabot.salesforce.SalesforceApiException e) {
            if (e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("already has")) {
                throw new IllegalArgumentException(app.apiName() + " already has an old pair from a rotation (perhaps"
                        + " one made in Setup). Say \"revoke-old " + app.apiName() + "\" first, or delete the old"
                        + " pair in Setup (App Manager > " + app.label() + " > OAuth Settings > Consumer Key and Secret),"
                        + " then rotate again. Nothing was rotated.", e);
            }
            throw e;
        }
        StagedCredentials previous;
        try {
            previous = credentials.promote(appId, fresh);
        } catch (RuntimeException e) {
            revokeQuietly(credentials, appId, fresh, e);
            throw e;
        }
        Instant now = clock.instant();
        RevealOffer offer = offers.create(by, app.org(), app.apiName(),
                new ConsumerCredentials(fresh.consumerKey(), fresh.consumerSecret()));
        Rotation rotation = new Rotation(UUID.randomUUID().toString(), app.org(), app.apiName(), appId,
                previous.consumerId(), previous.stagedId(), previous.consumerKey(), fresh.consumerKey(), by, now,
                now.plus(ReminderPlans.OLD_PAIR_LIFETIME), null, null);
        rotations.insert(rotation);
        inventory.save(app.withConsumerKey(fresh.consumerKey()));
        Optional<Reminder> reminder = Optional.empty();
        if (reminders != null) {
            reminder = Optional.of(plans.oldCredentialExpiring(Recipient.requester(by), app.org(), app.apiName(), now)
                    .withReference(rotation.id()));
            reminders.schedule(reminder.get());
        }
        audit.record(AuditEvent.of(now, AuditKind.ROTATION, by, app.org(), app.apiName(),
                "credentials rotated: new consumer key " + fresh.consumerKey() + "; the old pair (key "
                        + previous.consumerKey() + ") works until " + rotation.oldExpiresAt() + " unless revoked"
                        + (reason == null || reason.isBlank() ? "" : "; reason: " + reason.strip()))
                .withReference(rotation.id()));
        return new Rotated(rotation, offer, reminder);
    }

    /** Revokes the old pair of the app's latest rotation; empty when there is none still working. */
    public Optional<Rotation> revokeOld(InventoryApp app, ChatUserRef by) {
        requirePresent(app);
        Instant now = clock.instant();
        Optional<Rotation> open = rotations.oldPairStillValid(app.org(), app.apiName(), now);
        if (open.isEmpty()) return Optional.empty();
        Rotation r = open.get();
        orgs.forOrg(app.org()).credentials().revoke(r.appId(),
                new StagedCredentials(r.oldStagedId(), r.consumerId(), r.oldConsumerKey(), null));
        rotations.markRevoked(r.id(), by, now);
        if (reminders != null) {
            reminders.forApp(app.org(), app.apiName()).stream().filter(rem -> r.id().equals(rem.reference()))
                    .forEach(rem -> reminders.cancel(rem.id()));
        }
        audit.record(AuditEvent.of(now, AuditKind.ROTATION, by, app.org(), app.apiName(),
                "old credentials revoked (key " + r.oldConsumerKey() + ")").withReference(r.id()));
        return Optional.of(new Rotation(r.id(), r.org(), r.apiName(), r.appId(), r.consumerId(), r.oldStagedId(),
                r.oldConsumerKey(), r.newConsumerKey(), r.rotatedBy(), r.rotatedAt(), r.oldExpiresAt(), now, by));
    }

    /** An app sync found gone from its org cannot be rotated or revoked: say so in the bot's words, not Salesforce's. */
    private static void requirePresent(InventoryApp app) {
        if (app.status() == AppStatus.MISSING) {
            throw new IllegalArgumentException(app.apiName() + " is no longer in org " + app.org() + " (the last sync"
                    + " marked it missing), so there is nothing to rotate or revoke. If it was recreated, say \"sync "
                    + app.org() + "\" again; otherwise \"delete " + app.apiName() + "\" takes it off the inventory.");
        }
    }

    private static void revokeQuietly(OauthCredentialsApi credentials, String appId, StagedCredentials staged, RuntimeException cause) {
        try {
            credentials.revoke(appId, staged);
        } catch (RuntimeException again) {
            cause.addSuppressed(again);
        }
    }
}
