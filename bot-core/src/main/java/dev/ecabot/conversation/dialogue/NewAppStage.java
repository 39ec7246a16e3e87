package dev.ecabot.conversation.dialogue;

import dev.ecabot.conversation.state.ConversationState;
import dev.ecabot.conversation.state.Stage;
import dev.ecabot.playbook.Playbook;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where a {@code new} conversation stands, typed: one record per stage, holding what that stage has for sure (the
 * playbook once chosen, the question waiting for an answer, the app the answers make once they are complete). Read
 * from the stored {@link ConversationState} by {@link NewAppStages#read}; the stored shape (stage, playbook, org,
 * answers, pending) is unchanged, so conversations saved by earlier versions read the same.
 */
sealed interface NewAppStage {

    /** The conversation as stored (who, where, the answers so far, the version a save must match). */
    ConversationState state();

    /**
     * Hands this stage to the one of {@code cases} for it. Java 17 has no {@code switch} over record patterns; this
     * is its stand-in: every stage needs its own argument of its own type, so a new stage does not compile until
     * every caller handles it.
     */
    default void on(Consumer<ChoosingPlaybook> choosingPlaybook, Consumer<ChoosingOrg> choosingOrg,
                    Consumer<Answering> answering, Consumer<Confirming> confirming, Consumer<GivingReason> givingReason,
                    Consumer<AwaitingApproval> awaitingApproval, Consumer<Provisioning> provisioning,
                    Consumer<Failed> failed, Consumer<Outdated> outdated) {
        if (this instanceof ChoosingPlaybook s) choosingPlaybook.accept(s);
        else if (this instanceof ChoosingOrg s) choosingOrg.accept(s);
        else if (this instanceof Answering s) answering.accept(s);
        else if (this instanceof Confirming s) confirming.accept(s);
        else if (this instanceof GivingReason s) givingReason.accept(s);
        else if (this instanceof AwaitingApproval s) awaitingApproval.accept(s);
        else if (this instanceof Provisioning s) provisioning.accept(s);
        else if (this instanceof Failed s) failed.accept(s);
        else outdated.accept((Outdated) this);
    }

    /** No playbook yet (an org may be named already, as in "new prod"). */
    record ChoosingPlaybook(ConversationState state) implements NewAppStage { }

    /** The playbook's questions are answered but none named the org: waiting for the org. */
    record ChoosingOrg(ConversationState state, Playbook playbook) implements NewAppStage { }

    /** Waiting for the answer to question {@code questionId} of the playbook (or to the form of its step). */
    record Answering(ConversationState state, Playbook playbook, String questionId) implements NewAppStage {
        public Answering {
            Objects.requireNonNull(questionId, "questionId");
        }
    }

    /** The summary of {@code app} is shown: waiting for yes, no, "change", "render" or "dry run". */
    record Confirming(AppToCreate app) implements NewAppStage {
        @Override
        public ConversationState state() {
            return app.state();
        }

        /** Confirmed, no approval needed: the app is created now, from the rendering the person confirmed. */
        Provisioning provisioning() {
            return new Provisioning(app.state().withStage(Stage.PROVISIONING, null));
        }
    }

    /** Confirmed, but the org's policy needs approval: waiting for the reason approvers will read. */
    record GivingReason(AppToCreate app) implements NewAppStage {
        @Override
        public ConversationState state() {
            return app.state();
        }
    }

    /** Approval request {@code approvalRequestId} waits for approvers; the person only gets a status. */
    record AwaitingApproval(ConversationState state, String approvalRequestId) implements NewAppStage {
        /** Approved: the app is created now. */
        Provisioning provisioning() {
            return new Provisioning(state.withStage(Stage.PROVISIONING, null));
        }
    }

    /** The app is being created in the background; the person only gets a status. */
    record Provisioning(ConversationState state) implements NewAppStage { }

    /** Creating the app stopped after it changed the org: waiting for "retry" (or "cancel"). */
    record Failed(ConversationState state) implements NewAppStage {
        /** "retry": the same request again, where it stopped. */
        Provisioning provisioning() {
            return new Provisioning(state.withStage(Stage.PROVISIONING, null));
        }
    }

    /**
     * A stage that needs the playbook (or, at the confirmation and the reason, the app the answers make) that cannot
     * be had any more: the playbook is gone, or changed so the answers no longer render. The conversation goes back
     * to asking (or ends, when the playbook is gone).
     */
    record Outdated(ConversationState state) implements NewAppStage { }
}
