package dev.ecabot.conversation.command.builtin;

import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.dialogue.OrgDirectory;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.Summary;

import java.util.List;

/** {@code orgs}: the Salesforce orgs apps can be created in. */
public final class OrgsCommand implements ChatCommand {

    private final OrgDirectory orgs;

    public OrgsCommand(OrgDirectory orgs) {
        this.orgs = orgs;
    }

    @Override
    public String name() {
        return "orgs";
    }

    @Override
    public String usage() {
        return "orgs";
    }

    @Override
    public String summary() {
        return "the Salesforce orgs I can create apps in";
    }

    @Override
    public void run(CommandCall call) {
        List<String> names = orgs.names();
        if (names.isEmpty()) {
            call.replies().warn("No org is configured. Add one to ecabot.yaml (see the README), or enable the demo org.");
            return;
        }
        List<Fact> facts = names.stream().map(n -> new Fact("", n,
                n.equals(dev.ecabot.salesforce.DemoOrgProvider.DEMO_ORG_NAME)
                        ? "the built-in demo org (a local emulator; nothing reaches Salesforce)" : "")).toList();
        call.replies().send(new Summary("Orgs:", facts, List.of(), List.of()));
    }
}
