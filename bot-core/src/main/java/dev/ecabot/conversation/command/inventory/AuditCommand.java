package dev.ecabot.conversation.command.inventory;

import dev.ecabot.conversation.message.Person;
import dev.ecabot.audit.AuditEvent;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.command.ListPage;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.Summary;
import dev.ecabot.inventory.InventoryApp;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code audit [api-name] [org]}: who did what when, for one app (oldest first) or the latest events overall
 * (newest first). The trail never holds a secret value, so neither does this.
 */
public final class AuditCommand implements ChatCommand {

    private final AuditTrail audit;
    private final AppLookup apps;

    public AuditCommand(AuditTrail audit, AppLookup apps) {
        this.audit = audit;
        this.apps = apps;
    }

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public String usage() {
        return "audit [api-name] [org]";
    }

    @Override
    public String summary() {
        return "who did what when (for one app, or the latest events), a page at a time";
    }

    @Override
    public void run(CommandCall call) {
        ListPage page = ListPage.of(call.words());
        List<String> words = page.words();
        if (words.size() > 2) {
            call.replies().warn("Say \"audit\" for the latest events, or \"audit <api-name>\" for one app's history.");
            return;
        }
        if (words.isEmpty()) {
            int total = audit.count();
            List<AuditEvent> events = audit.recent(page.offset(), ListPage.SIZE);
            if (total == 0) {
                call.replies().say("The audit trail is empty: nothing has been asked, approved, created or revealed yet.");
                return;
            }
            call.replies().send(new Summary(total + " audit event" + (total == 1 ? "" : "s") + page.range(events.size(), total)
                    + ", newest first:", events.stream().map(e -> line(e, true)).toList(), List.of(), List.of()));
            page.more(name(), total).ifPresent(call.replies()::send);
            return;
        }
        Optional<InventoryApp> app = apps.find("audit", words.get(0), words.size() == 2 ? words.get(1) : null, call.replies());
        if (app.isEmpty()) return;
        List<AuditEvent> events = audit.forApp(app.get().org(), app.get().apiName());
        if (events.isEmpty()) {
            call.replies().say("The audit trail has nothing about " + app.get().apiName() + " in " + app.get().org() + " yet.");
            return;
        }
        List<AuditEvent> shown = page.rowsOf(events);
        call.replies().send(new Summary("Audit trail of " + app.get().apiName() + " in " + app.get().org()
                + page.range(shown.size(), events.size()) + ", oldest first:",
                shown.stream().map(e -> line(e, false)).toList(), List.of(), List.of()));
        page.more(name(), events.size()).ifPresent(call.replies()::send);
    }

    /** "2026-03-02 10:12 UTC" : "rotation by test:admin: credentials rotated ..." */
    private static Fact line(AuditEvent e, boolean withApp) {
        String what = e.kind().name().toLowerCase(Locale.ROOT) + " by " + (e.actor() == null ? "the bot" : Person.inTextOrAsIs(e.actor().toString()));
        String where = withApp && e.apiName() != null ? " [" + e.apiName() + (e.org() == null ? "" : " in " + e.org()) + "]" : "";
        return new Fact("", UtcTime.of(e.at()), what + where + ": " + e.detail());
    }
}
