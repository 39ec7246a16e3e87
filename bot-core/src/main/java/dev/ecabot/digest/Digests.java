package dev.ecabot.digest;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.message.ChoicePrompt;
import dev.ecabot.conversation.message.Option;
import dev.ecabot.conversation.message.Summary;
import dev.ecabot.inventory.AppOwners;
import dev.ecabot.inventory.AppStatus;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.inventory.InventorySettings;
import dev.ecabot.posture.PosturePolicy;
import dev.ecabot.posture.PostureReview;
import dev.ecabot.reminders.Reminders;
import dev.ecabot.salesforce.OrgClients;
import dev.ecabot.salesforce.SalesforceException;
import dev.ecabot.usage.AppUsage;
import dev.ecabot.usage.TokenReminders;
import dev.ecabot.usage.UsageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Makes and sends digests: reads each org's usage (scheduling token-aware reminders on the way; an org that cannot
 * be read is named in the digest, not fatal), builds the digest and posts it with its detail buttons. The weekly run
 * ({@link #sendScheduled}) posts each org with its own channel there, and all orgs to the global channel.
 * {@code clients} and {@code reminders} may be null (usage is then not read / no reminder scheduled). Thread-safe.
 */
public final class Digests {

    private static final Logger LOG = LoggerFactory.getLogger(Digests.class);
    /** The word for "every org" in digest buttons. */
    public static final String ALL = "all";

    private final InventoryAppRepository inventory;
    private final DigestBuilder builder;
    private final UsageReader usage;
    private final TokenReminders tokenReminders;
    private final Clock clock;

    public Digests(DataSource db, OrgClients clients, Reminders reminders, Clock clock) {
        this.inventory = new InventoryAppRepository(db);
        PosturePolicy policy = PosturePolicy.current();
        this.builder = new DigestBuilder(inventory, new AuditTrail(db), new PostureReview(policy.rules(), db, clock), clock);
        this.usage = clients == null ? null : new UsageReader(clients, inventory, new AppOwners(db), clock);
        this.tokenReminders = reminders == null ? null : new TokenReminders(reminders, policy.settings().tokenReminderLead());
        this.clock = clock;
    }

    /** The digest of {@code org} (null: all), with usage read from the org(s) now. */
    public Summary digest(String org) {
        UsageRead read = readUsage(org);
        return builder.build(org, read.usage(), read.problems());
    }

    /** What was read of the orgs' usage, and why an org could not be read. */
    private record UsageRead(Map<String, List<AppUsage>> usage, Map<String, String> problems) {
    }

    /** Reads the usage of {@code org} (null: every org of the inventory), scheduling token reminders on the way. */
    private UsageRead readUsage(String org) {
        InventorySettings settings = PosturePolicy.current().settings();
        Map<String, List<AppUsage>> read = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        if (usage != null) {
            for (String o : orgs(org)) {
                try {
                    List<AppUsage> u = usage.read(o, settings.unusedAfterDays());
                    read.put(o, u);
                    if (tokenReminders != null) u.forEach(x -> tokenReminders.schedule(x, clock.instant()));
                } catch (SalesforceException | IllegalArgumentException e) {
                    problems.put(o, e.getMessage());
                }
            }
        }
        return new UsageRead(read, problems);
    }

    /** The detail buttons under a digest of {@code org} (null: all). */
    public static ChoicePrompt detailButtons(String org) {
        String scope = org == null ? ALL : org;
        List<Option> options = new ArrayList<>();
        options.add(new Option("posture", "Posture findings", null));
        if (org != null) options.add(new Option("usage", "Usage and tokens", null));
        options.add(new Option("owners", "Apps without owner", null));
        return new ChoicePrompt(CommandCall.promptId("digest", scope), "Details:", options, null, null);
    }

    /**
     * The weekly run (one node of a cluster per firing): usage is read from every org once; each org with its own
     * channel gets its digest there, the global channel all orgs, and (unless {@code inventory.digest.owners: false})
     * each owner with something to act on their own apps' lines in a direct message.
     */
    public void sendScheduled(ChatPort port) {
        InventorySettings.Digest d = PosturePolicy.current().settings().digest();
        UsageRead read = readUsage(null);
        for (String org : orgs(null)) {
            ChatUserRef own = d.orgChannels().get(org.toLowerCase(java.util.Locale.ROOT));
            if (own != null) send(port, own, org, read);
        }
        if (d.channel() != null) send(port, d.channel(), null, read);
        if (d.owners()) sendToOwners(port, read);
    }

    /** Each owner's lines, to them alone; one that cannot be told is logged and the others still are. */
    private void sendToOwners(ChatPort port, UsageRead read) {
        builder.forOwners(read.usage()).forEach((owner, lines) -> {
            try {
                ChatUserRef person = ChatUserRef.parse(owner);
                if (!port.serves(person.platform())) {
                    LOG.info("Owner {} is on a platform this instance does not serve; their digest is not sent", owner);
                    return;
                }
                port.post(ChatAddress.directTo(dev.ecabot.conversation.ChatUser.of(person.platform(), person.id())), lines);
            } catch (RuntimeException e) {
                LOG.error("The digest of owner {} could not be sent; it is tried again next week", owner, e);
            }
        });
    }

    private void send(ChatPort port, ChatUserRef channel, String org, UsageRead read) {
        if (!port.serves(channel.platform())) {
            LOG.warn("The digest channel {} is on a platform this instance does not serve; digest not sent", channel);
            return;
        }
        try {
            ChatAddress to = ChatAddress.channel(channel.platform(), channel.id());
            port.post(to, builder.build(org, read.usage(), read.problems()));
            port.post(to, detailButtons(org));
        } catch (RuntimeException e) {
            LOG.error("The digest for {} could not be posted to {}; it is tried again next week", org == null ? ALL : org, channel, e);
        }
    }

    /** The orgs of the inventory (all live apps' orgs), or just {@code org}. */
    private List<String> orgs(String org) {
        if (org != null) return List.of(org);
        TreeSet<String> out = new TreeSet<>();
        inventory.all().stream().filter(a -> a.status() != AppStatus.DELETED).forEach(a -> out.add(a.org()));
        return List.copyOf(out);
    }

    UsageReader usageReader() {
        return usage;
    }
}
