package dev.ecabot.slack;

import dev.ecabot.conversation.PromptRef;

import java.util.Optional;

/**
 * The block_id / action_id scheme of the bot's interactive messages, so what is rendered and what comes back
 * agree: {@code choice:<prompt>} blocks (buttons or a menu answering a prompt, {@link PromptRef#encode()}),
 * {@code form:<form>} (the button that opens a form's modal) and {@code reveal} (the "Reveal credentials" button,
 * value = offer id: {@link PromptRef.Fixed#REVEAL}).
 * On the App Home tab, where every block_id must be unique, a block carries {@value #HOME_SUFFIX}{@code <n>} after its
 * id; {@code new-app} (the Home tab's button) and the global shortcut {@value #NEW_SHORTCUT} start a new request.
 */
final class ActionIds {

    static final String CHOICE_BLOCK = "choice:";
    static final String FORM_BLOCK = "form:";
    static final String REVEAL = "reveal";
    static final String FORM_OPEN_ACTION = "form-open";
    static final String FORM_CALLBACK = "ecabot-form";
    static final String REVEAL_CALLBACK = "ecabot-reveal";
    static final String NEW_APP_ACTION = "new-app";
    static final String NEW_SHORTCUT = "ecabot-new";
    static final String HOME_SUFFIX = "#home";
    /** A Home tab's "More" / "Back to the start" buttons: their value is the page to show, "appsFrom:approvalsFrom". */
    static final String HOME_PAGE = "home-page";

    private ActionIds() {
    }

    /** The engine prompt a pressed button or picked option answers, if it answers one. */
    static Optional<PromptRef> promptOf(String blockId, String actionId) {
        if (REVEAL.equals(actionId)) return Optional.of(PromptRef.Fixed.REVEAL);
        blockId = withoutHomeSuffix(blockId);
        if (blockId != null && blockId.startsWith(CHOICE_BLOCK)) {
            return Optional.of(PromptRef.decode(blockId.substring(CHOICE_BLOCK.length())));
        }
        return Optional.empty();
    }

    /** The block id as rendered for a message: without the Home tab's {@code #home<n>}. */
    static String withoutHomeSuffix(String blockId) {
        if (blockId == null) return null;
        int at = blockId.lastIndexOf(HOME_SUFFIX);
        return at >= 0 && blockId.substring(at + HOME_SUFFIX.length()).matches("\\d+") ? blockId.substring(0, at) : blockId;
    }

    /** The same block id made unique on the Home tab. */
    static String onHome(String blockId, int n) {
        return blockId + HOME_SUFFIX + n;
    }

    /** The form a "Fill in" button opens, if it is one. */
    static Optional<String> formOf(String blockId, String actionId) {
        if (FORM_OPEN_ACTION.equals(actionId) && blockId != null && blockId.startsWith(FORM_BLOCK)) {
            return Optional.of(blockId.substring(FORM_BLOCK.length()));
        }
        return Optional.empty();
    }
}
