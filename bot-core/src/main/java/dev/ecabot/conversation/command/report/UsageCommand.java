package dev.ecabot.conversation.command.report;

import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.command.inventory.OrgWork;
import dev.ecabot.conversation.command.inventory.UtcTime;
import dev.ecabot.conversation.dialogue.OrgDirectory;
import dev.ecabot.conversation.message.ChoicePrompt;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.Option;
import dev.ecabot.conversation.message.Summary;
import dev.ecabot.conversation.Replies;
import dev.ecabot.inventory.InventorySettings;
import dev.ecabot.posture.PosturePolicy;
import dev.ecabot.usage.AppUsage;
import dev.ecabot.usage.TokenReminders;
import dev.ecabot.usage.UsageReader;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code usage <org>} (approvers, admins): reads who really uses each app from the org's OAuth usage resources,
 * schedules token-aware reminders (one per user and token, to the owner), and lists the apps nobody used for
 * {@code inventory.unusedAfterDays}, with a button per app to delete it ({@code delete}'s confirmation and
 * approval policy apply). Runs in the background; read-only in the org. Thread-safe.
 */
public final class UsageCommand implements ChatCommand {

    /** Delete buttons at most in one offer (Slack and Teams show a handful of buttons well). */
    static final int MAX_DELETE_OFFERS = 5;

    private final UsageReader reader;
    private final TokenReminders reminders;
    private final OrgDirectory orgs;
    private final OrgWork work;
    private final Clock clock;

    /** {@code reminders} may be null (no scheduler): usage is then only reported. */
    public UsageCommand(UsageReader reader, TokenReminders reminders, OrgDirectory orgs, OrgWork work, Clock clock) {
        this.reader = reader;
        this.reminders = reminders;
        this.orgs = orgs;
        this.work = work;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "usage";
    }

    @Override
    public String usage() {
        return "usage <org>";
    }

    @Override
    public String summary() {
        return "who really uses each app (from the org), refresh tokens expiring, unused apps to delete";
    }

    @Override
    public void run(CommandCall call) {
        List<String> words = call.words();
        Optional<String> org = words.size() == 1 ? orgs.find(words.get(0)) : Optional.empty();
        if (org.isEmpty()) {
            call.replies().warn("Say \"usage <org>\", e.g. \"usage demo\"; the orgs are: " + String.join(", ", orgs.names()) + ".");
            return;
        }
        Replies replies = call.replies();
        InventorySettings settings = PosturePolicy.current().settings();
        work.run("Reading who uses the apps of " + org.get() + "...", replies, () -> {
            List<AppUsage> usage = reader.read(org.get(), settings.unusedAfterDays());
            int scheduled = 0;
            if (reminders != null) for (AppUsage u : usage) scheduled += reminders.schedule(u, clock.instant());
            replies.send(report(org.get(), usage, settings.unusedAfterDays(), scheduled, clock.instant()));
            List<AppUsage> unused = usage.stream().filter(AppUsage::unused).toList();
            if (!unused.isEmpty()) replies.send(deleteOffer(unused, settings.unusedAfterDays()));
        });
    }

    static Summary report(String org, List<AppUsage> usage, int unusedAfterDays, int scheduled, Instant now) {
        List<Fact> facts = new ArrayList<>();
        for (AppUsage u : usage) {
            String app = u.app().apiName();
            facts.add(new Fact(app, "Users", u.users() + (u.lastUsed() == null ? "; never used"
                    : "; last used " + UtcTime.of(u.lastUsed()) + " (" + u.idleDays() + " days ago)")));
            for (AppUsage.UserToken t : u.tokens()) {
                String who = t.token().username() != null ? t.token().username() : t.token().userIdentifier();
                facts.add(new Fact(app, who, "token issued " + when(t.token().initialConnectionAt()) + ", last used "
                        + when(t.token().lastUsedAt()) + ", " + t.token().useCount() + " use(s), "
                        + t.expiresAt().map(e -> (e.isBefore(now) ? "expired " : "expires ") + UtcTime.of(e))
                                .orElse("valid until revoked")));
            }
        }
        List<String> warnings = usage.stream().filter(AppUsage::unused).map(u -> u.app().apiName() + " has not been used for "
                + u.idleDays() + " days (limit " + unusedAfterDays + ")").toList();
        List<String> notes = new ArrayList<>();
        if (scheduled > 0) notes.add(scheduled + " new reminder(s) before users' refresh tokens expire, to each app's owner.");
        return new Summary("Usage in " + org + ": " + usage.size() + " app(s), "
                + usage.stream().filter(u -> !u.tokens().isEmpty()).count() + " in use.", facts, warnings, notes);
    }

    static ChoicePrompt deleteOffer(List<AppUsage> unused, int days) {
        List<Option> options = unused.stream().limit(MAX_DELETE_OFFERS)
                .map(u -> new Option(u.app().apiName() + " " + u.app().org(), "Delete " + u.app().apiName(),
                        "unused for " + u.idleDays() + " days")).toList();
        return new ChoicePrompt(CommandCall.promptId("delete", "").strip(), "Unused for " + days
                + " days or more: delete any of them? (You confirm next; the org's approval policy applies.)",
                options, null, null);
    }

    private static String when(Instant t) {
        return t == null ? "unknown" : UtcTime.of(t);
    }
}
