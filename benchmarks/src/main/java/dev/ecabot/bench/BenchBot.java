package dev.ecabot.bench;

import dev.ecabot.access.AccessPolicy;
import dev.ecabot.access.Grantee;
import dev.ecabot.access.RolesConfig;
import dev.ecabot.approval.ApprovalPolicyConfig;
import dev.ecabot.approval.Approvals;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.config.EcabotConfig;
import dev.ecabot.salesforce.OrgEnvironment;
import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatEvent;
import dev.ecabot.conversation.ChatPlace;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.engine.ConversationEngine;
import dev.ecabot.conversation.EngineSettings;
import dev.ecabot.conversation.MessageRef;
import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.ChoicePrompt;
import dev.ecabot.conversation.message.Confirmation;
import dev.ecabot.conversation.message.FormField;
import dev.ecabot.conversation.message.FormPrompt;
import dev.ecabot.conversation.message.SecretReveal;
import dev.ecabot.playbook.PlaybookCatalog;
import dev.ecabot.provisioning.ProvisioningLeases;
import dev.ecabot.provisioning.ProvisioningSaga;
import dev.ecabot.salesforce.DemoOrgProvider;
import dev.ecabot.salesforce.Org;
import dev.ecabot.salesforce.OrgClients;
import dev.ecabot.salesforce.OrgRegistry;
import dev.ecabot.salesforce.SalesforceClients;
import dev.ecabot.salesforce.SignInMethod;
import dev.ecabot.store.Database;
import dev.ecabot.testing.EmulatedOrgs;
import dev.ecabot.vault.MasterKey;
import dev.ecabot.vault.RevealOffers;
import dev.ecabot.vault.Secret;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * The real engine, the shipped playbooks and the real provisioning saga against an in-process Salesforce
 * emulator (deploy delay chosen by the benchmark), on the given database, behind a chat port that keeps nothing
 * but tells a listener what was posted when. Everyone on the "bench" platform is a requester and an admin, and
 * the zero-config approval policy applies (the demo org needs no approval).
 */
public final class BenchBot implements AutoCloseable {

    public static final String PLATFORM = "bench";

    private final Database db;
    private final EmulatedOrgs emulated;
    private final ExecutorService background = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "bench-provisioning");
        t.setDaemon(true);
        return t;
    });
    private final ProvisioningLeases leases;
    private final ConversationEngine engine;
    private final Port port = new Port();
    /** The last message the bot sent each user (by user id), for walking playbooks. */
    private final Map<String, ChatMessage> lastTo = new ConcurrentHashMap<>();

    /** Told of every post, edit and reveal: the address and the message (not kept by the port). */
    public interface Listener extends BiConsumer<ChatAddress, ChatMessage> { }

    public BenchBot(Database db, Duration deployDelay) {
        this.db = db;
        listen((to, message) -> { });
        this.emulated = EmulatedOrgs.start(deployDelay);
        Clock clock = Clock.systemUTC();
        Org demo = new Org(DemoOrgProvider.DEMO_ORG_NAME, OrgEnvironment.PRODUCTION, emulated.baseUrl(), "66.0",
                SignInMethod.ClientCredentials.of(EmulatedOrgs.CLIENT_ID, Secret.of(EmulatedOrgs.CLIENT_SECRET)), true);
        OrgRegistry registry = OrgRegistry.of(EcabotConfig.empty(), Map.of(), () -> demo);
        SalesforceClients clients = new SalesforceClients(EmulatedOrgs.FAST);
        RolesConfig roles = new RolesConfig(List.of(Grantee.parse(PLATFORM + ":*")), List.of(),
                List.of(Grantee.parse(PLATFORM + ":*")));
        AccessPolicy access = new AccessPolicy(roles);
        AuditTrail audit = new AuditTrail(db.dataSource());
        leases = new ProvisioningLeases(db.dataSource(), clock);
        engine = ConversationEngine.builder()
                .leases(leases)
                .port(port)
                .dataSource(db.dataSource())
                .playbooks(PlaybookCatalog.load())
                .orgs(registry::names)
                .provisioner(ProvisioningSaga.onDatabase(registry, clients, db.dataSource(), clock))
                .revealOffers(new RevealOffers(db.dataSource(), MasterKey.generate(), audit, clock, RevealOffers.DEFAULT_WINDOW))
                .access(access)
                .approvals(new Approvals(db.dataSource(), ApprovalPolicyConfig.zeroConfig(), access, audit, clock))
                .orgClients(OrgClients.of(registry, clients))
                .settings(EngineSettings.builder().clock(clock).displayZone(ZoneOffset.UTC)
                        .idleTimeout(Duration.ofHours(1)).background(background).build())
                .build();
    }

    public ConversationEngine engine() {
        return engine;
    }

    public EmulatedOrgs emulated() {
        return emulated;
    }

    public Database database() {
        return db;
    }

    /** Where every post goes besides the last-message record (replacing the previous listener). */
    public void listen(Listener listener) {
        port.listener = (to, message) -> {
            if (message != null) lastTo.put(to.user().id(), message);
            listener.accept(to, message);
        };
    }

    public ChatMessage lastMessageTo(ChatUser user) {
        return lastTo.get(user.id());
    }

    /**
     * Says "new {@code playbookId} demo" and answers every prompt (the given answers by question id, else the default,
     * the first option or a plausible value) until the bot shows the summary to confirm; answers that confirmation.
     * {@code turn} is told how long each of the user's turns took (event in to the engine returning).
     */
    public Confirmation walkToSummary(ChatUser who, String playbookId, Map<String, String> answers, java.util.function.LongConsumer turn) {
        timed(turn, () -> says(who, "new " + playbookId + " demo"));
        for (int i = 0; ; i++) {
            ChatMessage prompt = lastMessageTo(who);
            if (prompt instanceof Confirmation c) return c;
            if (i > 40) throw new IllegalStateException("no summary after 40 answers; last message: " + prompt);
            if (prompt instanceof ChoicePrompt choice) {
                String value = answers.containsKey(choice.id()) ? answers.get(choice.id())
                        : choice.id().startsWith("org") ? "demo"
                        : choice.defaultValue() != null ? choice.defaultValue() : choice.options().get(0).value();
                timed(turn, () -> picks(who, choice.id(), value));
            } else if (prompt instanceof FormPrompt form) {
                FormField field = form.fields().get(0);
                String value = answers.containsKey(field.id()) ? answers.get(field.id())
                        : field.defaultValue() != null || !field.required() ? ""
                        : !field.options().isEmpty() ? "1"
                        : switch (field.type()) {
                            case EMAIL -> "owner@example.com";
                            case URL, LIST -> "https://client.example.com/oauth/callback";
                            case USER -> "integration@acme.example.org";
                            case NUMBER -> "30";
                            case YES_NO -> "no";
                            default -> "Walk value";
                        };
                timed(turn, () -> says(who, value));
            } else {
                throw new IllegalStateException("the bot stopped asking before the summary: " + prompt);
            }
        }
    }

    private static void timed(java.util.function.LongConsumer turn, Runnable work) {
        long t = System.nanoTime();
        work.run();
        turn.accept(System.nanoTime() - t);
    }

    public static ChatUser user(String id) {
        return new ChatUser(PLATFORM, id, id, id + "@example.com");
    }

    public static ChatPlace dm(ChatUser user) {
        return ChatPlace.direct("dm-" + user.id());
    }

    public void says(ChatUser user, String text) {
        engine.handle(new ChatEvent.Text(user, dm(user), text));
    }

    public void command(ChatUser user, String name, String arguments) {
        engine.handle(new ChatEvent.Command(user, dm(user), name, arguments));
    }

    public void picks(ChatUser user, String promptId, String value) {
        engine.handle(new ChatEvent.Choice(user, dm(user), promptId, value));
    }

    @Override
    public void close() {
        background.shutdownNow();
        leases.close();
        db.close();
        emulated.close();
    }

    private static final class Port implements ChatPort {
        private final AtomicLong ids = new AtomicLong();
        volatile Listener listener = (a, m) -> { };

        Port() {
        }

        @Override
        public MessageRef post(ChatAddress to, ChatMessage message) {
            listener.accept(to, message);
            return new MessageRef(to, "m" + ids.incrementAndGet());
        }

        @Override
        public void edit(MessageRef ref, ChatMessage message) {
            listener.accept(ref.address(), message);
        }

        @Override
        public void reveal(ChatAddress to, SecretReveal reveal) {
            listener.accept(to, null);
        }
    }
}
