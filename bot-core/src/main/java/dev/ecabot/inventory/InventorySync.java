package dev.ecabot.inventory;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.audit.AuditEvent;
import dev.ecabot.audit.AuditKind;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.eca.RetrievedEca;
import dev.ecabot.eca.EcaSpecDiff;
import dev.ecabot.eca.SettingDifference;
import dev.ecabot.salesforce.OrgClients;
import dev.ecabot.salesforce.OrgEca;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Brings the inventory in step with one org: reads every External Client App there with its settings, imports
 * those the inventory lacks (status imported, playbook unknown), and reports drift where an app's settings in
 * the org differ from those it was made with (compared by {@link EcaSpecDiff}). Imports and drift go to the audit
 * trail. The inventory keeps the settings an app was made with, so drift stays visible until fixed. Apps of the
 * inventory no longer in the org are marked {@link AppStatus#MISSING} (their reminders cancelled: nobody can use
 * or revoke an app that is not there); found again later, they are active (or imported) again. Thread-safe.
 */
public final class InventorySync {

    private final OrgClients orgs;
    private final InventoryAppRepository inventory;
    private final AuditTrail audit;
    private final Clock clock;
    private final dev.ecabot.reminders.Reminders reminders;
    private volatile PlaybookMatch playbooks;
    private final UnmanagedFields unmanaged;

    public InventorySync(OrgClients orgs, InventoryAppRepository inventory, AuditTrail audit, Clock clock) {
        this(orgs, inventory, audit, clock, null);
    }

    /** {@code reminders} may be null (no scheduler: marking an app missing then cancels nothing). */
    public InventorySync(OrgClients orgs, InventoryAppRepository inventory, AuditTrail audit, Clock clock,
                         dev.ecabot.reminders.Reminders reminders) {
        this.reminders = reminders;
        this.unmanaged = new UnmanagedFields(inventory.dataSource());
        this.orgs = orgs;
        this.inventory = inventory;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Matches each app it imports to the playbook whose rendering it equals or nearly equals (see
     * {@link PlaybookMatch}), instead of leaving its playbook unknown. Returns this sync.
     */
    public InventorySync matchingPlaybooks(dev.ecabot.playbook.PlaybookCatalog catalog) {
        this.playbooks = catalog == null ? null : new PlaybookMatch(catalog);
        return this;
    }

    /** The playbook id for {@code id} typed in any case, when sync knows the playbooks. */
    public Optional<dev.ecabot.playbook.Playbook> playbook(String id) {
        PlaybookMatch matcher = playbooks;
        return matcher == null ? Optional.empty() : matcher.find(id);
    }

    /** Syncs org {@code org} (its configured name); {@code actor} is who asked, for the audit trail. */
    public SyncReport sync(String org, ChatUserRef actor) {
        List<OrgEca> inOrg = orgs.forOrg(org).ecaReader().readAll();
        Map<String, InventoryApp> known = new HashMap<>();
        inventory.byOrg(org).forEach(a -> known.put(a.apiName(), a));

        List<InventoryApp> imported = new ArrayList<>();
        List<Drift> drifted = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (OrgEca eca : inOrg) {
            String apiName = eca.app().apiName();
            InventoryApp mine = known.remove(apiName);
            Optional<RetrievedEca> settings = eca.settings();
            if (settings.isEmpty()) {
                unreadable.add(apiName);
            } else if (mine == null || mine.status() == AppStatus.DELETED) {
                imported.add(importApp(org, eca, settings.get(), actor));
            } else {
                if (mine.status() == AppStatus.MISSING) {
                    AppStatus back = mine.playbookId() == null ? AppStatus.IMPORTED : AppStatus.ACTIVE;
                    inventory.markStatus(org, apiName, back);
                    record(AuditKind.MISSING, actor, org, apiName, "back in the org; " + back.label() + " again");
                }
                List<SettingDifference> differences = new ArrayList<>(
                        EcaSpecDiff.between(settings.get().spec(), SettingsJson.read(mine.settingsJson())));
                differences.addAll(unmanagedChanges(org, apiName, eca.unmanagedFields()));
                if (!differences.isEmpty()) {
                    Drift drift = new Drift(mine, differences);
                    drifted.add(drift);
                    record(AuditKind.DRIFT, actor, org, apiName, "settings differ from those it was made with: "
                            + String.join("; ", drift.lines()));
                }
            }
        }
        List<InventoryApp> missing = known.values().stream().filter(a -> a.status() != AppStatus.DELETED)
                .sorted(java.util.Comparator.comparing(InventoryApp::apiName)).toList();
        for (InventoryApp gone : missing) {
            if (gone.status() == AppStatus.MISSING) continue; // marked by an earlier sync
            inventory.markStatus(org, gone.apiName(), AppStatus.MISSING);
            int cancelled = reminders == null ? 0 : reminders.cancelApp(org, gone.apiName());
            record(AuditKind.MISSING, actor, org, gone.apiName(), "no longer in the org; marked missing"
                    + (cancelled == 0 ? "" : " and " + cancelled + " reminder" + (cancelled == 1 ? "" : "s") + " cancelled"));
        }
        record(AuditKind.SYNC, actor, org, null, "synced: " + inOrg.size() + " app(s) in the org, " + imported.size()
                + " imported, " + drifted.size() + " drifted, " + missing.size() + " missing from the org, "
                + unreadable.size() + " unreadable");
        return new SyncReport(org, inOrg.size(), imported, drifted, missing, unreadable);
    }

    private InventoryApp importApp(String org, OrgEca eca, RetrievedEca settings, ChatUserRef actor) {
        PlaybookMatch matcher = playbooks;
        Optional<PlaybookMatch.Match> match = matcher == null ? Optional.empty() : matcher.best(settings.spec());
        unmanaged.store(org, eca.app().apiName(), eca.unmanagedFields(), clock.instant(), "sync");
        InventoryApp app = inventory.save(new InventoryApp(null, org, eca.app().apiName(), eca.app().label(), eca.app().id(),
                match.map(m -> m.playbook().id()).orElse(null), match.map(m -> m.playbook().vendor()).orElse(null),
                null, null, settings.spec().app().contactEmail(), settings.consumerKey().orElse(null),
                clock.instant(), SettingsJson.write(settings.spec()), AppStatus.IMPORTED));
        record(AuditKind.IMPORT, actor, org, app.apiName(), "found in the org and added to the inventory ("
                + match.map(m -> "playbook " + m.playbook().id() + (m.exact() ? ": its settings are an exact copy"
                        : ", nearly: " + m.differences().size() + " setting(s) differ")).orElse("playbook unknown") + ")");
        return app;
    }

    /**
     * The fields the bot does not manage that changed since provisioning or the last sync (none the first time they
     * are seen), as differences "not managed by the bot: Type.element"; stores what the org holds now.
     */
    private List<SettingDifference> unmanagedChanges(String org, String apiName, Map<String, String> now) {
        Optional<UnmanagedFields.Seen> before = unmanaged.find(org, apiName);
        unmanaged.store(org, apiName, now, clock.instant(), "sync");
        if (before.isEmpty()) return List.of();
        List<SettingDifference> out = new ArrayList<>();
        java.util.TreeSet<String> keys = new java.util.TreeSet<>(before.get().fields().keySet());
        keys.addAll(now.keySet());
        for (String key : keys) {
            String was = before.get().fields().get(key);
            String is = now.get(key);
            if (!java.util.Objects.equals(was, is)) {
                out.add(new SettingDifference(UNMANAGED_PREFIX + key, is == null ? "(absent)" : is, was == null ? "(absent)" : was));
            }
        }
        return out;
    }

    /** How a changed field the bot does not manage is named in a drift report. */
    public static final String UNMANAGED_PREFIX = "not managed by the bot: ";

    private void record(AuditKind kind, ChatUserRef actor, String org, String apiName, String detail) {
        audit.record(AuditEvent.of(clock.instant(), kind, actor, org, apiName, detail));
    }
}
