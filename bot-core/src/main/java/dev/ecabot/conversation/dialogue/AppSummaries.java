package dev.ecabot.conversation.dialogue;

import dev.ecabot.posture.PosturePolicy;

import dev.ecabot.duration.HumanTime;
import dev.ecabot.conversation.message.Confirmation;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.Summary;
import dev.ecabot.playbook.Playbook;
import dev.ecabot.playbook.Rendering;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The two summaries of a {@code new} conversation: what will be created (to confirm) and what was created. */
final class AppSummaries {

    static final String CONFIRM_ID = dev.ecabot.conversation.PromptRef.Fixed.CONFIRM.encode();

    private AppSummaries() {
    }

    /** Exactly what will be created: the org, the playbook, every setting of the rendered spec, the delivery. */
    static Confirmation toConfirm(Playbook playbook, String org, Rendering rendering) {
        return toConfirm(playbook, org, rendering, "the requester");
    }

    /** The same, with the posture findings of the app (its owner to be: {@code requester}) as warnings. */
    static Confirmation toConfirm(Playbook playbook, String org, Rendering rendering, String requester) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Request", "Playbook", playbook.title() + " (" + playbook.id() + ")"));
        facts.add(new Fact("Request", "Org", org));
        facts.add(new Fact("Request", "You will receive", rendering.delivery().includesSecret()
                ? "the consumer key, and the consumer secret once, to you only" : "the consumer key"));
        if (!rendering.activationDelay().isZero()) {
            facts.add(new Fact("Request", "Usable", "about " + HumanTime.duration(rendering.activationDelay())
                    + " after it is created"));
        }
        facts.addAll(SpecFacts.of(rendering.spec()));
        List<String> notes = new ArrayList<>(rendering.manualSteps().stream().map(s -> "Manual step afterwards: " + s)
                .toList());
        notes.add("To change one answer, say \"change <question>\" (e.g. \"change contact_email\"); to read the metadata"
                + " files first, say \"render\"; to have Salesforce validate them without saving, \"dry run\".");
        List<String> warnings = new ArrayList<>(rendering.warnings());
        warnings.addAll(PosturePolicy.current().confirmationWarnings(rendering.spec(), requester, org));
        return new Confirmation(CONFIRM_ID, new Summary("Please check: this is exactly what I will create in "
                + org + ".", facts, warnings, notes), "Create it", "Cancel");
    }

    /** The result: consumer key, when it becomes usable, and the playbook's next steps. */
    static Summary created(Playbook playbook, String org, Rendering rendering,
                           dev.ecabot.provisioning.ProvisioningResult app, Instant now) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("", "Org", org));
        facts.add(new Fact("", "API name", app.app().apiName()));
        facts.add(new Fact("", "Consumer key", app.consumerKey()));
        Duration delay = rendering.activationDelay();
        facts.add(new Fact("", "Usable from", HumanTime.fromNow(now.plus(delay), now)));
        List<String> notes = new ArrayList<>();
        rendering.manualSteps().forEach(s -> notes.add("Manual step: " + s));
        int n = 1;
        for (String step : rendering.nextSteps()) notes.add("Next step " + n++ + ": " + step);
        return new Summary("Done: " + rendering.spec().app().label() + " (" + playbook.title() + ") exists in "
                + org + ".", facts, List.of(), notes);
    }
}
