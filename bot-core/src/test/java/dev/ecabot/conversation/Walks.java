package dev.ecabot.conversation;

import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.ChoicePrompt;
import dev.ecabot.conversation.message.Confirmation;
import dev.ecabot.conversation.message.FormField;
import dev.ecabot.conversation.message.FormPrompt;
import dev.ecabot.conversation.message.PlainText;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.Transcript;

import java.util.Map;

/** Walks a playbook to its summary as a person would: the given answers by question id, else defaults or skips. */
final class Walks {

    private Walks() {
    }

    /** Says "new {@code playbookId} {@code org}" and answers every prompt up to the summary to confirm. */
    static Transcript toTheSummary(Person who, String playbookId, String org, Map<String, String> answers) {
        Transcript reply = who.says("new " + playbookId + " " + org);
        for (int turn = 0; !(reply.lastMessage() instanceof Confirmation); turn++) {
            if (turn > 40) throw new AssertionError("no summary after 40 answers:\n" + who.everything().text());
            reply = answer(who, reply.lastMessage(), org, answers);
        }
        return reply;
    }

    /**
     * Says "new {@code playbookId} {@code org}" and answers every prompt (as {@link #toTheSummary}) until the bot
     * asks question {@code questionId}; returns that reply.
     */
    static Transcript toTheQuestion(Person who, String playbookId, String org, Map<String, String> answers,
                                    String questionId) {
        Transcript reply = who.says("new " + playbookId + " " + org);
        for (int turn = 0; !asks(reply.lastMessage(), questionId); turn++) {
            if (turn > 40) throw new AssertionError("never asked " + questionId + ":\n" + who.everything().text());
            reply = answer(who, reply.lastMessage(), org, answers);
        }
        return reply;
    }

    private static boolean asks(ChatMessage message, String questionId) {
        return message instanceof FormPrompt form && form.fields().get(0).id().equals(questionId)
                || message instanceof ChoicePrompt choice && choice.id().equals(new PromptRef.Question(questionId).encode());
    }

    /** The question a choice asks ("q:org" is question "org"), or its own id for the bot's prompts. */
    private static String questionOf(ChoicePrompt choice) {
        return PromptRef.decode(choice.id()) instanceof PromptRef.Question q ? q.id() : choice.id();
    }

    private static Transcript answer(Person who, ChatMessage prompt, String org, Map<String, String> answers) {
        if (prompt instanceof ChoicePrompt choice) {
            if (answers.containsKey(questionOf(choice))) return who.picks(answers.get(questionOf(choice)));
            if (questionOf(choice).equals("org") || choice.id().equals("org-choice")) return who.picks(org);
            return who.picks(choice.defaultValue() != null ? choice.defaultValue() : choice.options().get(0).value());
        }
        if (prompt instanceof FormPrompt form) {
            FormField field = form.fields().get(0);
            if (answers.containsKey(field.id())) return who.says(answers.get(field.id()));
            if (field.defaultValue() != null || !field.required()) return who.says("");
            if (!field.options().isEmpty()) return who.says("1");
            return who.says(switch (field.type()) {
                case EMAIL -> "owner@example.com";
                case URL, LIST -> "https://client.example.com/oauth/callback";
                case USER -> "integration@acme.example.org";
                case NUMBER -> "30";
                case YES_NO -> "no";
                default -> "Walk value";
            });
        }
        throw new AssertionError("the bot stopped asking before the summary:\n" + PlainText.render(prompt));
    }
}
