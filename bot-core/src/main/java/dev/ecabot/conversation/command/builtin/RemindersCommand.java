package dev.ecabot.conversation.command.builtin;

import dev.ecabot.access.AccessPolicy;
import dev.ecabot.access.Role;
import dev.ecabot.conversation.EngineSettings;
import dev.ecabot.duration.HumanTime;
import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.command.ListPage;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.Summary;
import dev.ecabot.reminders.Reminder;
import dev.ecabot.reminders.Reminders;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code reminders}: what is scheduled for you, soonest first; admins may also ask for an org
 * ({@code reminders <org>}) or one app ({@code reminders <org> <api-name>}).
 */
public final class RemindersCommand implements ChatCommand {

    private final Optional<Reminders> reminders;
    private final AccessPolicy access;
    private final EngineSettings settings;

    public RemindersCommand(Optional<Reminders> reminders, AccessPolicy access, EngineSettings settings) {
        this.reminders = reminders;
        this.access = access;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "reminders";
    }

    @Override
    public String usage() {
        return "reminders [org] [api-name]";
    }

    @Override
    public String summary() {
        return "reminders scheduled for you (admins: for an org or app)";
    }

    @Override
    public void run(CommandCall call) {
        if (reminders.isEmpty()) {
            call.replies().say("Reminders are not running on this bot, so none are scheduled.");
            return;
        }
        ListPage page = ListPage.of(call.words());
        List<String> words = page.words();
        if (words.size() > 2) {
            call.replies().warn("Say \"reminders\", or (admins) \"reminders <org>\" or \"reminders <org> <api-name>\".");
            return;
        }
        if (!words.isEmpty() && !access.holds(call.event().user().ref(), Role.ADMIN)) {
            call.replies().warn("Only bot admins may list the reminders of an org or app; \"reminders\" alone lists yours.");
            return;
        }
        List<Reminder> found;
        String whose;
        if (words.isEmpty()) {
            found = reminders.get().forUser(call.event().user().ref());
            whose = "for you";
        } else if (words.size() == 1) {
            found = reminders.get().forOrg(words.get(0));
            whose = "in org " + words.get(0);
        } else {
            found = reminders.get().forApp(words.get(0), words.get(1));
            whose = "for " + words.get(1) + " in org " + words.get(0);
        }
        if (found.isEmpty()) {
            call.replies().say("No reminders are scheduled " + whose + ".");
            return;
        }
        Instant now = settings.clock().instant();
        List<Fact> facts = page.rowsOf(found).stream().map(r -> new Fact("", HumanTime.fromNow(r.dueAt(), now),
                kindOf(r) + (r.apiName() == null ? "" : " (" + r.apiName() + " in " + r.org() + ")") + ": " + r.text()))
                .toList();
        call.replies().send(new Summary("Reminders scheduled " + whose + ", soonest first"
                + (page.range(facts.size(), found.size()).isEmpty() ? "" : " (" + found.size() + " in all"
                        + page.range(facts.size(), found.size()) + ")") + ":", facts, List.of(), List.of()));
        page.more(name(), found.size()).ifPresent(call.replies()::send);
    }

    private static String kindOf(Reminder r) {
        String name = r.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
