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
import dev.ecabot.salesforce.StagedSlot;
import dev.ecabot.eca.DistributionState;
import dev.ecabot.vault.ConsumerCredentials;
import dev.ecabot.vault.RevealOffer;
import dev.ecabot.vault.RevealOffers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
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

    /** Rotates; refuses with {@link StagedSlotOccupiedException} when the staged slot is full. */
    public Rotated rotate(InventoryApp app, ChatUserRef by) {
        return rotate(app, by, false, "");
    }

    /**
     * Rotates. The staged slot is read first: when it holds a pair (the one an earlier rotation replaced, or one
     * staged and never promoted) and {@code revokeSlotFirst} is false, nothing is changed and
     * {@link StagedSlotOccupiedException} says what is there; when true, that pair is revoked (audited) and the
     * rotation goes on. A packaged app is refused before any call: Salesforce stages credentials for local apps only.
     * Once the promotion answered 2xx the new pair is never revoked; the pair it replaced is read back from the slot.
     * {@code reason} (empty when none given) goes to the audit trail.
     */
    public Rotated rotate(InventoryApp app, ChatUserRef by, boolean revokeSlotFirst, String reason) {
        if (app.status() == AppStatus.DELETED) {
            throw new IllegalArgumentException(app.apiName() + " in " + app.org() + " was deleted; there is nothing to rotate.");
        }
        requirePresent(app);
        if (packaged(app)) {
            throw new IllegalArgumentException(app.apiName() + " in " + app.org() + " is a packaged External Client App:"
                    + " Salesforce stages and rotates credentials only for local apps. Rotate it in the org that owns the"
                    + " package; nothing was changed.");
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
        List<StagedSlot> slot = credentials.staged(appId);
        if (!slot.isEmpty()) {
            if (!revokeSlotFirst) throw new StagedSlotOccupiedException(app.org(), app.apiName(), slot.get(0));
            for (StagedSlot held : slot) clearSlot(app, by, appId, credentials, held);
        }
        StagedCredentials fresh = credentials.stage(appId);
        try {
            credentials.promote(appId, fresh);
        } catch (RuntimeException e) {
            revokeQuietly(credentials, appId, fresh, e);
            throw e;
        }
        // From here on the new pair is live: whatever fails, it is offered, never revoked.
        Optional<StagedSlot> previous = Optional.empty();
        try {
            previous = credentials.staged(appId).stream().filter(StagedSlot::rotatedOut).findFirst();
        } catch (RuntimeException unreadable) {
            // the old pair's id stays unknown; revoke-old reads the slot again
        }
        Instant now = clock.instant();
        RevealOffer offer = offers.create(by, app.org(), app.apiName(),
                new ConsumerCredentials(fresh.consumerKey(), fresh.consumerSecret()));
        Rotation rotation = new Rotation(UUID.randomUUID().toString(), app.org(), app.apiName(), appId,
                fresh.consumerId(), previous.map(StagedSlot::stagedId).orElse(""),
                previous.map(StagedSlot::consumerKey).orElse(app.consumerKey()), fresh.consumerKey(), by, now,
                now.plus(ReminderPlans.OLD_PAIR_LIFETIME), null, null);
        rotations.insert(rotation);
        inventory.save(app.withConsumerKey(fresh.consumerKey()));
        Optional<Reminder> reminder = Optional.empty();
        if (reminders != null) {
            // the app's owner moves integrations off the old pair (who rotated, for an app nobody owns)
            ChatUserRef owner = new AppOwners(inventory.dataSource()).ownerOf(app).map(ChatUserRef::parse).orElse(by);
            reminder = Optional.of(plans.oldCredentialExpiring(Recipient.owner(owner), app.org(), app.apiName(), now)
                    .withReference(rotation.id()));
            reminders.schedule(reminder.get());
        }
        audit.record(AuditEvent.of(now, AuditKind.ROTATION, by, app.org(), app.apiName(),
                "credentials rotated: new consumer key " + fresh.consumerKey() + "; the old pair (key "
                        + rotation.oldConsumerKey() + ") works until " + rotation.oldExpiresAt() + " unless revoked"
                        + (reason == null || reason.isBlank() ? "" : "; reason: " + reason.strip()))
                .withReference(rotation.id()));
        return new Rotated(rotation, offer, reminder);
    }

    /** Revokes what the staged slot holds so a rotation can stage; marks the bot's rotation revoked and audits it. */
    private void clearSlot(InventoryApp app, ChatUserRef by, String appId, OauthCredentialsApi credentials, StagedSlot held) {
        credentials.revoke(appId, held.asCredentials());
        Instant now = clock.instant();
        Optional<Rotation> known = rotations.oldPairStillValid(app.org(), app.apiName(), now);
        known.ifPresent(r -> {
            rotations.markRevoked(r.id(), by, now);
            if (reminders != null) {
                reminders.forApp(app.org(), app.apiName()).stream().filter(rem -> r.id().equals(rem.reference()))
                        .forEach(rem -> reminders.cancel(rem.id()));
            }
        });
        AuditEvent event = AuditEvent.of(now, AuditKind.ROTATION, by, app.org(), app.apiName(),
                (held.rotatedOut() ? "old credentials revoked" : "staged credentials revoked")
                        + (held.consumerKey() == null ? "" : " (key " + held.consumerKey() + ")")
                        + " to make room for a new rotation (confirmed with revoke-old)");
        audit.record(known.map(r -> event.withReference(r.id())).orElse(event));
    }

    private static boolean packaged(InventoryApp app) {
        try {
            return SettingsJson.read(app.settingsJson()).app().distributionState() == DistributionState.PACKAGED;
        } catch (RuntimeException unreadable) {
            return false;   // an app found in its org without stored settings: Salesforce's refusal will say
        }
    }

    /** Revokes the old pair of the app's latest rotation; empty when there is none still working. */
    public Optional<Rotation> revokeOld(InventoryApp app, ChatUserRef by) {
        requirePresent(app);
        Instant now = clock.instant();
        Optional<Rotation> open = rotations.oldPairStillValid(app.org(), app.apiName(), now);
        if (open.isEmpty()) return Optional.empty();
        Rotation r = open.get();
        OauthCredentialsApi credentials = orgs.forOrg(app.org()).credentials();
        if (r.oldStagedId().isEmpty()) {
            // The slot could not be read right after the rotation: read it now.
            credentials.staged(r.appId()).stream().filter(StagedSlot::rotatedOut).findFirst()
                    .ifPresent(old -> credentials.revoke(r.appId(), old.asCredentials()));
        } else {
            credentials.revoke(r.appId(), new StagedCredentials(r.oldStagedId(), r.consumerId(), r.oldConsumerKey(), null));
        }
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
