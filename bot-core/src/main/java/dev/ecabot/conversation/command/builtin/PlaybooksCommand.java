package dev.ecabot.conversation.command.builtin;

import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.Summary;
import dev.ecabot.playbook.PlaybookCatalog;

import java.util.List;

/** {@code playbooks}: the integrations the bot can set up, by id. */
public final class PlaybooksCommand implements ChatCommand {

    private final PlaybookCatalog catalog;

    public PlaybooksCommand(PlaybookCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "playbooks";
    }

    @Override
    public String usage() {
        return "playbooks";
    }

    @Override
    public String summary() {
        return "the integrations I can set up";
    }

    @Override
    public void run(CommandCall call) {
        List<Fact> facts = catalog.all().stream()
                .map(p -> new Fact("", p.id(), p.title() + " (" + p.vendor() + ")")).toList();
        call.replies().send(new Summary("Playbooks (start one with \"new <id>\"):", facts, List.of(), List.of()));
    }
}
