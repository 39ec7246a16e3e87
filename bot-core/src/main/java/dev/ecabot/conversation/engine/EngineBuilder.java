package dev.ecabot.conversation.engine;

import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.EngineSettings;

import dev.ecabot.access.AccessPolicy;
import dev.ecabot.approval.ApprovalPolicyConfig;
import dev.ecabot.approval.Approvals;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.approval.ApprovalPurpose;
import dev.ecabot.conversation.approvals.ApprovalCards;
import dev.ecabot.conversation.approvals.ApprovalFlow;
import dev.ecabot.conversation.approvals.ApprovedWork;
import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.dialogue.AppUpdateDialogue;
import dev.ecabot.conversation.reminders.FollowUpReminders;
import dev.ecabot.reminders.ReminderPlans;
import dev.ecabot.reminders.Reminders;
import dev.ecabot.salesforce.OrgClients;
import dev.ecabot.conversation.command.CommandRegistry;
import dev.ecabot.conversation.command.builtin.BuiltinCommands;
import dev.ecabot.conversation.command.inventory.AppChanges;
import dev.ecabot.conversation.command.inventory.AppOperations;
import dev.ecabot.conversation.command.inventory.ChangeApprovals;
import dev.ecabot.conversation.command.inventory.InventoryCommands;
import dev.ecabot.provisioning.AppProvisioner;
import dev.ecabot.conversation.dialogue.PostureGate;
import dev.ecabot.conversation.command.inventory.OwnerChange;
import dev.ecabot.conversation.command.report.ReportCommands;
import dev.ecabot.inventory.AppOwners;
import dev.ecabot.conversation.dialogue.NewAppDialogue;
import dev.ecabot.conversation.dialogue.OrgChecks;
import dev.ecabot.conversation.dialogue.CheckOnlyDeploys;
import dev.ecabot.conversation.dialogue.DryRuns;
import dev.ecabot.conversation.command.builtin.RenderCommand;
import dev.ecabot.conversation.dialogue.OrgReadinessChecks;
import dev.ecabot.conversation.dialogue.OfferExpiry;
import dev.ecabot.provisioning.ProvisioningLeases;
import dev.ecabot.conversation.dialogue.OrgDirectory;
import dev.ecabot.conversation.dialogue.ProvisioningRunner;
import dev.ecabot.conversation.state.ConversationStore;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.playbook.PlaybookCatalog;
import dev.ecabot.playbook.PlaybookRenderer;
import dev.ecabot.vault.RevealOffers;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Assembles a {@link ConversationEngine} from what it talks to: the chat port, the database, the playbooks,
 * the orgs, provisioning, the vault's one-time secret offers and the access policy. Every part is required except
 * the settings (defaults: {@link EngineSettings#defaults()}), approvals (default: the zero-config policy), the
 * reminder scheduler (default: none) and extra commands. Not thread-safe; build once.
 */
public final class EngineBuilder {

    private ChatPort port;
    private DataSource dataSource;
    private PlaybookCatalog catalog;
    private OrgDirectory orgs;
    private AppProvisioner provisioner;
    private RevealOffers revealOffers;
    private EngineSettings settings;
    private AccessPolicy access;
    private Approvals approvals;
    private Reminders reminders;
    private ReminderPlans reminderPlans = ReminderPlans.defaults();
    private final List<ChatCommand> extraCommands = new ArrayList<>();
    private OrgClients orgClients;
    private ProvisioningLeases leases;

    EngineBuilder() {
    }

    public EngineBuilder port(ChatPort port) {
        this.port = Objects.requireNonNull(port, "port");
        return this;
    }

    public EngineBuilder dataSource(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        return this;
    }

    public EngineBuilder playbooks(PlaybookCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "playbooks");
        return this;
    }

    public EngineBuilder orgs(OrgDirectory orgs) {
        this.orgs = Objects.requireNonNull(orgs, "orgs");
        return this;
    }

    public EngineBuilder provisioner(AppProvisioner provisioner) {
        this.provisioner = Objects.requireNonNull(provisioner, "provisioner");
        return this;
    }

    /** The vault's one-time offers, where delivered secrets are sealed until their requester reveals them. */
    public EngineBuilder revealOffers(RevealOffers offers) {
        this.revealOffers = Objects.requireNonNull(offers, "revealOffers");
        return this;
    }

    public EngineBuilder settings(EngineSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        return this;
    }

    /** Who may run which command: the one access filter every command passes (help lists only those allowed). */
    public EngineBuilder access(AccessPolicy policy) {
        this.access = Objects.requireNonNull(policy, "access");
        return this;
    }

    /**
     * Approval requests and their policy (how many approvals each org and playbook needs, who approves, how long a
     * request stays open); default: {@link ApprovalPolicyConfig#zeroConfig()}. What a change needs is decided by
     * {@link dev.ecabot.approval.ApprovalPolicy} alone.
     */
    public EngineBuilder approvals(Approvals approvals) {
        this.approvals = Objects.requireNonNull(approvals, "approvals");
        return this;
    }

    /**
     * The reminder scheduler (its owner starts and closes it) and when reminders fall due; without it nothing is
     * scheduled and {@code reminders} says so.
     */
    public EngineBuilder reminders(Reminders reminders, ReminderPlans plans) {
        this.reminders = Objects.requireNonNull(reminders, "reminders");
        this.reminderPlans = Objects.requireNonNull(plans, "plans");
        return this;
    }

    /**
     * The orgs' Salesforce clients, for the inventory commands that talk to an org (sync, rotate, revoke-old,
     * delete) and those that go with them (export, audit); without it those commands are absent.
     */
    public EngineBuilder orgClients(OrgClients clients) {
        this.orgClients = Objects.requireNonNull(clients, "orgClients");
        return this;
    }

    /**
     * Which instance runs which provisioning request (default: leases on the engine's database with the settings'
     * clock); the owner closes it.
     */
    public EngineBuilder leases(ProvisioningLeases leases) {
        this.leases = Objects.requireNonNull(leases, "leases");
        return this;
    }

    /** A command beyond the built-in ones (registered after them). */
    public EngineBuilder command(ChatCommand command) {
        extraCommands.add(Objects.requireNonNull(command, "command"));
        return this;
    }

    public ConversationEngine build() {
        require(port, "port");
        require(dataSource, "dataSource");
        require(catalog, "playbooks");
        require(orgs, "orgs");
        require(provisioner, "provisioner");
        require(revealOffers, "revealOffers");
        require(access, "access");
        EngineSettings s = settings != null ? settings : EngineSettings.defaults();
        ConversationStore store = new ConversationStore(dataSource);
        Approvals approvals = this.approvals != null ? this.approvals : new Approvals(dataSource,
                ApprovalPolicyConfig.zeroConfig(), access, new AuditTrail(dataSource), s.clock());
        FollowUpReminders followUps = reminders == null ? FollowUpReminders.none()
                : new FollowUpReminders(reminders, reminderPlans);
        if (reminders != null) {
            // an app's manual steps are reminded until done: every node knows how, whichever fires the reminder
            reminders.recurring(dev.ecabot.reminders.ReminderKind.CHECKLIST_OPEN,
                    new dev.ecabot.conversation.reminders.ChecklistReminders(new InventoryAppRepository(dataSource)));
        }
        ApprovalCards cards = new ApprovalCards(dataSource, port, approvals, s.clock());
        ApprovalFlow approvalFlow = new ApprovalFlow(store, approvals, cards, followUps, port, s);
        ProvisioningLeases runLeases = leases != null ? leases : new ProvisioningLeases(dataSource, s.clock());
        ProvisioningRunner runner = new ProvisioningRunner(port, store, provisioner, revealOffers, followUps, s, runLeases);
        runner.keepingChecklistIn(new InventoryAppRepository(dataSource).checklist()); // manual steps outlive the chat
        dev.ecabot.inventory.AppAnswers appAnswers = new dev.ecabot.inventory.AppAnswers(dataSource);
        runner.keepingAnswersIn(appAnswers); // today's answers for a later `update`
        if (orgClients != null) runner.tellingConnectionDetails(org -> java.util.Optional.of(connectionDetails(orgClients.forOrg(org).org())));
        DryRuns dryRuns = orgClients == null ? DryRuns.none() : new CheckOnlyDeploys(orgClients, s.background());
        NewAppDialogue dialogue = new NewAppDialogue(store, catalog, new PlaybookRenderer(), orgs, runner, provisioner,
                order -> approvals.need(order.org(), order.playbookId(), ApprovalPurpose.CREATE, PostureGate.blockedFindings(order)),
                approvalFlow, orgClients == null ? OrgChecks.none() : new OrgReadinessChecks(orgClients), dryRuns, s.clock());
        dialogue.rememberingOrgChoicesIn(new dev.ecabot.conversation.dialogue.LastOrgChoices(dataSource));
        AppOperations ops = orgClients == null ? null : AppOperations.create(dataSource, orgClients, revealOffers, reminders,
                reminderPlans, s.clock(), s.background());
        ChangeApprovals changes = ops == null ? null : new ChangeApprovals(approvalFlow, ops.inventory(),
                new AppChanges(ops.rotation(), ops.deletion(), ops.work()), port);
        AppUpdateDialogue updates = ops == null ? null : new AppUpdateDialogue(store, catalog, orgs, runLeases, provisioner,
                approvalFlow, ops.inventory(), appAnswers, port, s);
        CommandRegistry commands = BuiltinCommands.registry(
                new BuiltinCommands.Services(store, dialogue, catalog, orgs, revealOffers,
                        new InventoryAppRepository(dataSource), access, approvals, cards, approvalFlow,
                        followUps, approvedWork(dialogue, changes, updates), s), extraCommands);
        commands.register(new RenderCommand(catalog, new InventoryAppRepository(dataSource), orgs, dryRuns));
        OwnerChange ownerChange = new OwnerChange(new AppOwners(dataSource), port, s.clock());
        ReportCommands.register(commands, dataSource, orgs, ownerChange, s.clock());
        if (ops != null) {
            ops.sync().matchingPlaybooks(catalog); // imported apps get the playbook they were made with, when it shows
            InventoryCommands.register(commands, ops, changes, orgs, ownerChange, s.clock(), followUps);
            dialogue.handingUpdatesTo(updates);
            commands.register(new dev.ecabot.conversation.command.inventory.UpdateCommand(updates,
                    new dev.ecabot.conversation.command.inventory.AppLookup(ops.inventory())));
            commands.register(new dev.ecabot.conversation.command.inventory.TestCommand(orgClients,
                    new dev.ecabot.conversation.command.inventory.AppLookup(ops.inventory()), ops.work(), ops.audit(), s.clock()));
            ReportCommands.registerWithOrgs(commands, dataSource, orgs, orgClients, reminders, ops.work(), s.clock());
        }
        ConversationEngine engine = new ConversationEngine(port, store, commands, dialogue, access, approvalFlow,
                new OfferExpiry(revealOffers, followUps, port), s);
        engine.auditRefusalsTo(new AuditTrail(dataSource));
        engine.showingHomesFrom(new dev.ecabot.conversation.home.HomeViews(new InventoryAppRepository(dataSource),
                approvals, revealOffers, reminders, access, s.clock()));
        return engine;
    }

    /**
     * Who carries out each purpose's request once approved: the whole table, one line per purpose. Without orgs
     * ({@code changes} and {@code updates} null) only {@code new} can be carried out; the approver of any other
     * request is told so.
     */
    private static ApprovedWork approvedWork(NewAppDialogue dialogue, ChangeApprovals changes, AppUpdateDialogue updates) {
        ApprovedWork.Handler noOrg = ApprovedWork.unavailable("this bot talks to no org, so I cannot carry it out here.");
        return ApprovedWork.builder()
                .on(ApprovalPurpose.CREATE, (request, approver, replies) -> dialogue.provisionApproved(request, approver))
                .on(ApprovalPurpose.ROTATE, changes == null ? noOrg : (request, approver, replies) -> changes.carryOutApproved(request, approver))
                .on(ApprovalPurpose.DELETE, changes == null ? noOrg : (request, approver, replies) -> changes.carryOutApproved(request, approver))
                .on(ApprovalPurpose.UPDATE, updates == null ? noOrg : (request, approver, replies) -> updates.carryOutApproved(request, approver))
                .build();
    }

    /** What a vendor needs to reach the org: the token endpoint, and the sign-in host for its environment. */
    static String connectionDetails(dev.ecabot.salesforce.Org org) {
        boolean sandbox = org.environment() == dev.ecabot.salesforce.OrgEnvironment.SANDBOX;
        return "Connection details for the vendor: token endpoint " + org.tokenEndpoint() + " (client credentials and"
                + " JWT bearer requests go there); users sign in at " + org.loginUrl()
                + (sandbox ? ". This org is a sandbox: clients must use https://test.salesforce.com or the sandbox's"
                        + " My Domain, never login.salesforce.com." : ".");
    }

    private static void require(Object part, String name) {
        if (part == null) throw new IllegalStateException("the engine needs " + name + "; set it on the builder");
    }
}
