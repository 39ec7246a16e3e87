package dev.ecabot.playbook;

import dev.ecabot.eca.EcaSpec;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A playbook rendered with one set of answers: the complete {@link EcaSpec} to deploy, what to deliver, whether
 * approval is needed, when the app becomes usable, and the texts for people (warnings, manual steps for the admin,
 * next steps for the requester, all with answer references filled in) and the reminders to schedule. Immutable.
 */
public record Rendering(
        String playbookId,
        Answers answers,
        EcaSpec spec,
        Delivery delivery,
        boolean approvalRequired,
        Duration activationDelay,
        List<String> warnings,
        List<String> manualSteps,
        List<String> nextSteps,
        List<PlannedReminder> reminders) {

    public Rendering {
        Objects.requireNonNull(playbookId, "playbookId");
        Objects.requireNonNull(answers, "answers");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(activationDelay, "activationDelay");
        warnings = List.copyOf(warnings);
        manualSteps = List.copyOf(manualSteps);
        nextSteps = List.copyOf(nextSteps);
        reminders = List.copyOf(reminders);
    }
}
