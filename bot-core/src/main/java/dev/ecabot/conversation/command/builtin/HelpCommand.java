package dev.ecabot.conversation.command.builtin;

import dev.ecabot.access.AccessPolicy;
import dev.ecabot.access.Action;
import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.command.CommandRegistry;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.Summary;

import java.util.List;
import java.util.Set;

/**
 * {@code help}: what the bot can do for the person asking, one line per command they may run (the access filter
 * in dry-run), the same on every platform.
 */
public final class HelpCommand implements ChatCommand {

    private final CommandRegistry registry;
    private final AccessPolicy access;

    public HelpCommand(CommandRegistry registry, AccessPolicy access) {
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
        Set<Action> allowed = access.allowedActions(call.event().user().ref());
        List<Fact> lines = registry.all().stream()
                .filter(c -> Action.fromCommand(c.name()).map(allowed::contains).orElse(false))
                .map(c -> new Fact("", c.usage(), c.summary())).toList();
        if (lines.size() <= 1) {
            call.replies().say("You have no role with this bot yet, so I can only show this help. Ask a bot admin to "
                    + "add you (" + call.event().user().ref() + ") to the roles in ecabot.yaml.");
            return;
        }
        call.replies().send(new Summary("I set up Salesforce External Client Apps from vendor playbooks. Commands:",
                lines, List.of(), List.of("You can also just say what you need, e.g. \"I need a Vonage app in demo\".")));
    }
}
