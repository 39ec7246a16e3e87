package dev.ecabot.conversation.command.builtin;

import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandAccess;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.command.CommandRegistry;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.Summary;

import java.util.List;

/** {@code help}: the commands this person may run (the access filter in dry run), one line each, on every platform. */
public final class HelpCommand implements ChatCommand {

    private final CommandRegistry registry;
    private final CommandAccess access;

    public HelpCommand(CommandRegistry registry, CommandAccess access) {
        this.registry = registry;
        this.access = access;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String usage() {
        return "help";
    }

    @Override
    public String summary() {
        return "what I can do";
    }

    @Override
    public void run(CommandCall call) {
        // Dry run of the access filter: each person sees only what they may run.
        List<Fact> lines = registry.all().stream().filter(c -> access.mayRun(call.event().user(), c.name()))
                .map(c -> new Fact("", c.usage(), c.summary())).toList();
        boolean mayAsk = access.mayRun(call.event().user(), "new");
        List<String> notes = mayAsk
                ? List.of("You can also just say what you need, e.g. \"I need a Vonage app in demo\".")
                : List.of(access.check(call.event().user(), "new").message());
        call.replies().send(new Summary("I set up Salesforce External Client Apps from vendor playbooks. Commands you "
                + "may use:", lines, List.of(), notes));
    }
}
