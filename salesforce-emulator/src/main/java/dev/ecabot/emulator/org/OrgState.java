package dev.ecabot.emulator.org;

import dev.ecabot.emulator.metadata.MetadataType;
import dev.ecabot.emulator.metadata.XmlElement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the emulated org stores about External Client Apps: the deployed components, each app's OAuth
 * consumer with its staged credentials, and the two switches that gate reading secrets over REST.
 * Names are unique without regard to case, as in Salesforce. Thread-safe: every method holds the org's lock.
 */
public final class OrgState {

    /** How long a staged or rotated-out credential stays valid. */
    public static final Duration STAGED_VALIDITY = Duration.ofDays(30);

    private final String orgId;
    private final SalesforceIds ids;
    private final CredentialFactory credentials;
    private final Map<MetadataType, Map<String, Component>> components = new EnumMap<>(MetadataType.class);
    private final Map<String, Consumer> consumersByApp = new LinkedHashMap<>();
    private boolean secretsViaRestApi = true;
    private boolean userMayViewSecrets = true;
    private java.time.Duration clientActivationDelay = java.time.Duration.ZERO;
    private boolean externalClientAppsEnabled = true;
    private java.util.function.Consumer<String> changeListener = snapshot -> { };

    public OrgState(String orgId, SalesforceIds ids, CredentialFactory credentials) {
        this.orgId = orgId;
        this.ids = ids;
        this.credentials = credentials;
        for (MetadataType type : MetadataType.values()) {
            components.put(type, new LinkedHashMap<>());
        }
    }

    private volatile dev.ecabot.emulator.http.ApiVersions apiVersions =
            new dev.ecabot.emulator.http.ApiVersions(dev.ecabot.emulator.http.ApiVersions.DEFAULT_LATEST);

    /** The API versions the org serves (package.xml versions outside them are refused). */
    public dev.ecabot.emulator.http.ApiVersions apiVersions() {
        return apiVersions;
    }

    public void apiVersions(dev.ecabot.emulator.http.ApiVersions versions) {
        this.apiVersions = versions;
    }

    public String orgId() {
        return orgId;
    }

    private final OrgDirectory directory = new OrgDirectory();

    /** The users and permission sets ECA policies may name (checked once a test registers some). */
    public OrgDirectory directory() {
        return directory;
    }

    public synchronized Optional<Component> component(MetadataType type, String fullName) {
        return Optional.ofNullable(components.get(type).get(key(fullName)));
    }

    /** Components of one type, sorted by name. */
    public synchronized List<Component> components(MetadataType type) {
        return components.get(type).values().stream()
                .sorted(Comparator.comparing(c -> c.fullName().toLowerCase(Locale.ROOT)))
                .toList();
    }

    public synchronized Optional<Component> appById(String id) {
        return components.get(MetadataType.EXTERNAL_CLIENT_APPLICATION).values().stream()
                .filter(app -> SalesforceIds.sameId(app.id(), id))
                .findFirst();
    }

    /** The companion components of an app, whatever their type. */
    public synchronized List<Component> companionsOf(String appName) {
        List<Component> result = new ArrayList<>();
        for (MetadataType type : MetadataType.values()) {
            if (type.isCompanion()) {
                components.get(type).values().stream()
                        .filter(c -> c.appName().equalsIgnoreCase(appName))
                        .forEach(result::add);
            }
        }
        return result;
    }

    public synchronized Optional<Consumer> consumerOf(String appName) {
        return Optional.ofNullable(consumersByApp.get(key(appName)));
    }

    public synchronized List<Consumer> consumers() {
        return List.copyOf(consumersByApp.values());
    }

    /**
     * The consumer whose current key is {@code key}, or whose rotated-out key it is while that pair is still
     * valid, with the secret that goes with that key.
     */
    public synchronized Optional<KeyedConsumer> consumerByKey(String key, Instant now) {
        for (Consumer consumer : consumersByApp.values()) {
            if (consumer.key().equals(key)) {
                return Optional.of(new KeyedConsumer(consumer, consumer.secret()));
            }
            Consumer.StagedCredential old = consumer.staged();
            if (old != null && old.state().equals("Rotated") && old.key().equals(key) && old.expiresAt().isAfter(now)) {
                return Optional.of(new KeyedConsumer(consumer, old.secret()));
            }
        }
        return Optional.empty();
    }

    /** A consumer found by one of its keys, and the secret paired with that key. */
    public record KeyedConsumer(Consumer consumer, String secret) {
        @Override
        public String toString() {
            return "KeyedConsumer[" + consumer + ", secret=<redacted>]";
        }
    }

    /** Applies a validated deploy atomically and reports what happened to each component. */
    public synchronized List<ChangeSet.Applied> apply(ChangeSet changes, Instant now) {
        List<ChangeSet.Applied> applied = new ArrayList<>();
        List<ChangeSet.Upsert> ordered = new ArrayList<>(changes.upserts());
        ordered.sort(Comparator.comparing(u -> u.type().isCompanion()));
        for (ChangeSet.Upsert upsert : ordered) {
            // The consumer key and secret live with the consumer, not in the stored file (a read gives the key only).
            List<XmlElement> kept = upsert.fields().stream()
                    .filter(f -> !f.name().equals("consumerKey") && !f.name().equals("consumerSecret")).toList();
            applied.add(upsert(new ChangeSet.Upsert(upsert.type(), upsert.fullName(), upsert.appName(), kept), now));
        }
        for (ChangeSet.Upsert upsert : ordered) {
            if (upsert.type() == MetadataType.GLOBAL_OAUTH_SETTINGS) {
                ensureConsumer(upsert);
            }
        }
        ordered.stream().map(ChangeSet.Upsert::appName).distinct().forEach(app -> fillDefaultPolicies(app, now));
        for (ChangeSet.Deletion deletion : changes.deletions()) {
            delete(deletion.type(), deletion.fullName()).ifPresent(gone ->
                    applied.add(new ChangeSet.Applied(gone.type(), gone.fullName(), gone.id(), false, true, true)));
        }
        changed();
        return applied;
    }

    /**
     * The stored apps and consumers as JSON (secrets included: keep it sealed), for an org that must outlive its
     * process. {@link #restore(String)} reads it back.
     */
    public synchronized String snapshot() {
        List<Component> all = new ArrayList<>();
        components.values().forEach(ofType -> all.addAll(ofType.values()));
        return OrgSnapshot.write(all, List.copyOf(consumersByApp.values()), ids.nextCounter());
    }

    /** Replaces the stored apps and consumers with those of a {@link #snapshot()}. */
    public synchronized void restore(String snapshot) {
        OrgSnapshot.Contents contents = OrgSnapshot.read(snapshot);
        components.values().forEach(Map::clear);
        consumersByApp.clear();
        for (Component c : contents.components()) {
            components.get(c.type()).put(key(c.fullName()), c);
        }
        for (Consumer c : contents.consumers()) {
            consumersByApp.put(key(c.appName()), c);
        }
        ids.continueFrom(contents.nextId());
    }

    /** Called with a fresh {@link #snapshot()} after every change to the stored apps or credentials. */
    public synchronized void onChange(java.util.function.Consumer<String> listener) {
        this.changeListener = listener == null ? snapshot -> { } : listener;
    }

    private void changed() {
        changeListener.accept(snapshot());
    }

    public synchronized Consumer stage(Consumer consumer, Instant now) {
        Consumer.StagedCredential staged = new Consumer.StagedCredential(ids.next("0Xs"),
                credentials.consumerKey(), credentials.consumerSecret(), "Staged", now.plus(STAGED_VALIDITY));
        Consumer result = replace(consumer.withStaged(staged));
        changed();
        return result;
    }

    /** Promotes the staged pair; the replaced pair stays in the staged slot as "Rotated" for 30 days. */
    public synchronized Consumer rotate(Consumer consumer, Instant now) {
        Consumer.StagedCredential staged = consumer.staged();
        Consumer.StagedCredential previous = new Consumer.StagedCredential(ids.next("0Xs"),
                consumer.key(), consumer.secret(), "Rotated", now.plus(STAGED_VALIDITY));
        Consumer result = replace(consumer.withPair(staged.key(), staged.secret(), previous));
        changed();
        return result;
    }

    public synchronized Consumer revokeStaged(Consumer consumer) {
        Consumer result = replace(consumer.withStaged(null));
        changed();
        return result;
    }

    /** The consumer as it is now (another call may have rotated it since it was read). */
    public synchronized Optional<Consumer> current(Consumer consumer) {
        return consumerOf(consumer.appName());
    }

    public synchronized boolean secretsViaRestApi() {
        return secretsViaRestApi;
    }

    public synchronized void secretsViaRestApi(boolean enabled) {
        this.secretsViaRestApi = enabled;
    }

    /** The org setting "Opt in to External Client Apps" (ExternalClientAppSettings.enableExternalClientApps). */
    public synchronized boolean externalClientAppsEnabled() {
        return externalClientAppsEnabled;
    }

    public synchronized void externalClientAppsEnabled(boolean enabled) {
        this.externalClientAppsEnabled = enabled;
    }

    /** How long after its creation a deployed app's consumer key starts working (Salesforce: up to minutes). */
    public synchronized java.time.Duration clientActivationDelay() {
        return clientActivationDelay;
    }

    public synchronized void clientActivationDelay(java.time.Duration delay) {
        this.clientActivationDelay = delay;
    }

    public synchronized boolean userMayViewSecrets() {
        return userMayViewSecrets;
    }

    public synchronized void userMayViewSecrets(boolean allowed) {
        this.userMayViewSecrets = allowed;
    }

    private Consumer replace(Consumer updated) {
        consumersByApp.put(key(updated.appName()), updated);
        return updated;
    }

    private ChangeSet.Applied upsert(ChangeSet.Upsert upsert, Instant now) {
        Map<String, Component> ofType = components.get(upsert.type());
        Component existing = ofType.get(key(upsert.fullName()));
        if (existing == null) {
            Component created = new Component(upsert.type(), upsert.fullName(), ids.next(upsert.type().keyPrefix()),
                    canonicalAppName(upsert.appName()), upsert.fields(), now, now);
            ofType.put(key(upsert.fullName()), created);
            return new ChangeSet.Applied(upsert.type(), created.fullName(), created.id(), true, true, false);
        }
        boolean changed = !existing.fields().equals(upsert.fields());
        ofType.put(key(upsert.fullName()), changed ? existing.updated(upsert.fields(), now) : existing);
        return new ChangeSet.Applied(upsert.type(), existing.fullName(), existing.id(), false, changed, false);
    }

    private void ensureConsumer(ChangeSet.Upsert globalSettings) {
        String appName = canonicalAppName(globalSettings.appName());
        Consumer consumer = consumersByApp.get(key(appName));
        String givenKey = text(globalSettings.fields(), "consumerKey");
        String givenSecret = text(globalSettings.fields(), "consumerSecret");
        if (consumer == null) {
            String label = component(MetadataType.EXTERNAL_CLIENT_APPLICATION, appName)
                    .flatMap(app -> app.field("label")).orElse(appName);
            replace(new Consumer(ids.next("888"), appName, label, givenKey != null ? givenKey : credentials.consumerKey(),
                    givenSecret != null ? givenSecret : credentials.consumerSecret(), null));
            return;
        }
        if ((givenKey != null && !givenKey.equals(consumer.key())) || (givenSecret != null && !givenSecret.equals(consumer.secret()))) {
            consumer = replace(consumer.withPair(givenKey != null ? givenKey : consumer.key(),
                    givenSecret != null ? givenSecret : consumer.secret(), consumer.staged()));
        }
        boolean newKey = flag(globalSettings.fields(), "shouldRotateConsumerKey");
        boolean newSecret = flag(globalSettings.fields(), "shouldRotateConsumerSecret");
        if (newKey || newSecret) {
            replace(consumer.withPair(newKey ? credentials.consumerKey() : consumer.key(),
                    newSecret ? credentials.consumerSecret() : consumer.secret(), consumer.staged()));
        }
    }

    /** Salesforce fills in the OAuth policies with defaults when a deploy of an OAuth app leaves them out. */
    private void fillDefaultPolicies(String appName, Instant now) {
        boolean oauthApp = companionsOf(appName).stream().anyMatch(c -> c.type() == MetadataType.OAUTH_SETTINGS);
        boolean hasPolicies = companionsOf(appName).stream().anyMatch(c -> c.type() == MetadataType.OAUTH_POLICIES);
        if (!oauthApp || hasPolicies) {
            return;
        }
        String name = canonicalAppName(appName) + "_oauthPlcy";
        List<XmlElement> defaults = List.of(
                XmlElement.of("externalClientApplication", canonicalAppName(appName)),
                XmlElement.of("ipRelaxationPolicyType", "Enforce"),
                XmlElement.of("isClientCredentialsFlowEnabled", "false"),
                XmlElement.of("isGuestCodeCredFlowEnabled", "false"),
                XmlElement.of("isTokenExchangeFlowEnabled", "false"),
                XmlElement.of("label", name),
                XmlElement.of("permittedUsersPolicyType", "AllSelfAuthorized"),
                XmlElement.of("refreshTokenPolicyType", "SpecificLifetime"),
                XmlElement.of("refreshTokenValidityPeriod", "365"),
                XmlElement.of("refreshTokenValidityUnit", "Days"),
                XmlElement.of("requiredSessionLevel", "STANDARD"));
        upsert(new ChangeSet.Upsert(MetadataType.OAUTH_POLICIES, name, appName, defaults), now);
    }

    private Optional<Component> delete(MetadataType type, String fullName) {
        Component gone = components.get(type).remove(key(fullName));
        if (gone != null && type == MetadataType.EXTERNAL_CLIENT_APPLICATION) {
            for (MetadataType companionType : MetadataType.values()) {
                if (companionType.isCompanion()) {
                    components.get(companionType).values().removeIf(c -> c.appName().equalsIgnoreCase(fullName));
                }
            }
            consumersByApp.remove(key(fullName));
        }
        return Optional.ofNullable(gone);
    }

    private String canonicalAppName(String appName) {
        Component app = components.get(MetadataType.EXTERNAL_CLIENT_APPLICATION).get(key(appName));
        return app == null ? appName : app.fullName();
    }

    private static String text(List<XmlElement> fields, String name) {
        return fields.stream().filter(f -> f.name().equals(name)).map(f -> f.text().trim()).filter(t -> !t.isEmpty())
                .findFirst().orElse(null);
    }

    private static boolean flag(List<XmlElement> fields, String name) {
        return fields.stream().anyMatch(f -> f.name().equals(name)
                && (f.text().trim().equals("true") || f.text().trim().equals("1")));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
