package dev.ecabot.conversation.dialogue;

import dev.ecabot.conversation.state.ConversationState;
import dev.ecabot.playbook.Answers;
import dev.ecabot.playbook.Outcome;
import dev.ecabot.playbook.ParseResult;
import dev.ecabot.playbook.Playbook;
import dev.ecabot.playbook.PlaybookCatalog;
import dev.ecabot.playbook.PlaybookRenderer;
import dev.ecabot.playbook.Question;
import dev.ecabot.playbook.Rendering;

import java.util.Map;
import java.util.Optional;

/**
 * Reads a stored {@code new} conversation as its typed {@link NewAppStage}, and is the one place its answers are
 * rendered into the app they make. Stateless and thread-safe.
 */
final class NewAppStages {

    private final PlaybookCatalog catalog;
    private final PlaybookRenderer renderer;

    NewAppStages(PlaybookCatalog catalog, PlaybookRenderer renderer) {
        this.catalog = catalog;
        this.renderer = renderer;
    }

    /**
     * The stage {@code state} is in. At the confirmation and the reason this renders the answers (once, for the
     * whole turn); a stage whose playbook or rendering cannot be had any more reads as {@link NewAppStage.Outdated}.
     */
    NewAppStage read(ConversationState state) {
        Optional<Playbook> playbook = playbookOf(state);
        return switch (state.stage()) {
            case CHOOSING_PLAYBOOK -> new NewAppStage.ChoosingPlaybook(state);
            case CHOOSING_ORG -> playbook.<NewAppStage>map(p -> new NewAppStage.ChoosingOrg(state, p))
                    .orElse(new NewAppStage.Outdated(state));
            case ANSWERING -> state.pending() == null ? new NewAppStage.Outdated(state)
                    : playbook.<NewAppStage>map(p -> new NewAppStage.Answering(state, p, state.pending()))
                    .orElse(new NewAppStage.Outdated(state));
            case CONFIRMING -> app(state).<NewAppStage>map(NewAppStage.Confirming::new)
                    .orElse(new NewAppStage.Outdated(state));
            case GIVING_REASON -> app(state).<NewAppStage>map(NewAppStage.GivingReason::new)
                    .orElse(new NewAppStage.Outdated(state));
            case AWAITING_APPROVAL -> new NewAppStage.AwaitingApproval(state, state.pending());
            case PROVISIONING -> new NewAppStage.Provisioning(state);
            case FAILED -> new NewAppStage.Failed(state);
        };
    }

    Optional<Playbook> playbookOf(ConversationState state) {
        return state.playbookId() == null ? Optional.empty() : catalog.find(state.playbookId());
    }

    /** The app the answers make, if the playbook is still there and they still render. */
    Optional<AppToCreate> app(ConversationState state) {
        return playbookOf(state).flatMap(p -> app(state, p).value());
    }

    /** The app the answers make with {@code playbook}, or the problems (by question id) that keep them from it. */
    Outcome<AppToCreate> app(ConversationState state, Playbook playbook) {
        Outcome<Rendering> rendering = renderer.render(playbook, answersOf(playbook, state));
        return rendering.isOk() ? Outcome.ok(new AppToCreate(state, playbook, rendering.orElseThrow()))
                : Outcome.failed(rendering.problems());
    }

    /** The typed answers from the stored texts (a blank text is an optional question skipped). */
    static Answers answersOf(Playbook playbook, ConversationState state) {
        Answers answers = Answers.empty();
        for (Map.Entry<String, String> e : state.answers().entrySet()) {
            if (e.getValue().isBlank()) continue;
            Optional<Question> q = playbook.question(e.getKey());
            if (q.isEmpty()) continue;
            ParseResult parsed = q.get().parse(e.getValue(), answers);
            if (parsed.answer().isPresent()) answers = answers.with(e.getKey(), parsed.answer().get());
        }
        return answers;
    }

    /** The first question that is asked given the answers and not yet answered (or skipped). */
    static Optional<Question> nextQuestion(Playbook playbook, ConversationState state, Answers answers) {
        return playbook.questions().stream()
                .filter(q -> !state.answers().containsKey(q.id()) && q.isAsked(answers))
                .findFirst();
    }
}
