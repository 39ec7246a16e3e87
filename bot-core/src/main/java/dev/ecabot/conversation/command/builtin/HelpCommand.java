package dev.ecabot.conversation.command.builtin;

import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.command.CommandRegistry;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.Summary;

import java.util.List;

/** {@code help}: what the bot can do, one line per command, the same on every platform. */
public final class HelpCommand implements ChatCommand {

    private final CommandRegistry registry;

    public HelpCommand(CommandRegistry registry) {
        this.registry = registry;
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
        List<Fact> lines = registry.all().stream().map(c -> new Fact("", c.usage(), c.summary())).toList();
        call.replies().send(new Summary("I set up Salesforce External Client Apps from vendor playbooks. Commands:",
                lines, List.of(), List.of("You can also just say what you need, e.g. \"I need a Vonage app in demo\".")));
    }
}
