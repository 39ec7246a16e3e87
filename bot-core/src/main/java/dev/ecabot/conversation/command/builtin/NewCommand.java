package dev.ecabot.conversation.command.builtin;

import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.dialogue.NewAppDialogue;

/** {@code new [playbook] [org]}: starts setting up an app; the words pre-fill the playbook and the org. */
public final class NewCommand implements ChatCommand {

    private final NewAppDialogue dialogue;

    public NewCommand(NewAppDialogue dialogue) {
        this.dialogue = dialogue;
    }

    @Override
    public String name() {
        return "new";
    }

    @Override
    public String usage() {
        return "new [playbook] [org]";
    }

    @Override
    public String summary() {
        return "set up a new External Client App, e.g. \"new vonage-ai-studio demo\"";
    }

    @Override
    public void run(CommandCall call) {
        dialogue.start(call.event(), call.words(), call.replies());
    }
}
