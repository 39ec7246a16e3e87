package dev.ecabot.conversation.command.inventory;

import dev.ecabot.audit.AuditEvent;
import dev.ecabot.audit.AuditKind;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.inventory.Checklist;
import dev.ecabot.inventory.InventoryApp;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * {@code done <api-name> [org] <step>}: ticks off one manual step of an app's checklist (as numbered by
 * {@code show}), audited, and says what is still open. Admins only: they do these steps in Setup.
 */
public final class DoneCommand implements ChatCommand {

    private final Checklist checklist;
    private final AuditTrail audit;
    private final AppLookup apps;
    private final Clock clock;
    private final BiConsumer<String, String> allDone;

    public DoneCommand(Checklist checklist, AuditTrail audit, AppLookup apps, Clock clock) {
        this(checklist, audit, apps, clock, (org, apiName) -> { });
    }

    /** {@code allDone} (org, API name) is told when the last open step is ticked off: its reminders stop. */
    public DoneCommand(Checklist checklist, AuditTrail audit, AppLookup apps, Clock clock,
                       BiConsumer<String, String> allDone) {
        this.allDone = allDone;
        this.checklist = checklist;
        this.audit = audit;
        this.apps = apps;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "done";
    }

    @Override
    public String usage() {
        return "done <api-name> [org] <step>";
    }

    @Override
    public String summary() {
        return "tick off a manual step of an app (numbered in show)";
    }

    @Override
    public void run(CommandCall call) {
        List<String> words = call.words();
        if (words.size() < 2 || words.size() > 3 || !words.get(words.size() - 1).matches("\\d{1,3}")) {
            call.replies().warn("Say \"done <api-name> <step>\" with the step's number from \"show <api-name>\","
                    + " e.g. \"done Claude_MCP 1\".");
            return;
        }
        Optional<InventoryApp> found = apps.find("done", words.get(0), words.size() == 3 ? words.get(1) : null,
                call.replies());
        if (found.isEmpty()) return;
        InventoryApp app = found.get();
        int number = Integer.parseInt(words.get(words.size() - 1));
        List<Checklist.Step> before = checklist.steps(app.org(), app.apiName());
        if (before.isEmpty()) {
            call.replies().say(app.apiName() + " has no manual steps to tick off.");
            return;
        }
        Optional<Checklist.Step> step = before.stream().filter(s -> s.number() == number).findFirst();
        if (step.isEmpty()) {
            call.replies().warn(app.apiName() + " has steps 1 to " + before.size() + "; there is no step " + number + ".");
            return;
        }
        if (step.get().done()) {
            call.replies().say("Step " + number + " of " + app.apiName() + " was done already (by " + step.get().doneBy()
                    + ", " + UtcTime.of(step.get().doneAt()) + ").");
            return;
        }
        var by = call.event().user().ref();
        checklist.tick(app.org(), app.apiName(), number, by, clock.instant());
        audit.record(AuditEvent.of(clock.instant(), AuditKind.ASSIGNMENT, by, app.org(), app.apiName(),
                "manual step " + number + " done: " + step.get().text()));
        long open = checklist.steps(app.org(), app.apiName()).stream().filter(s -> !s.done()).count();
        if (open == 0) allDone.accept(app.org(), app.apiName());
        call.replies().say("Ticked off step " + number + " of " + app.apiName() + ". " + (open == 0
                ? "Every manual step is done. No more reminders about them." : open + " step" + (open == 1 ? "" : "s") + " still to do (\"show "
                + app.apiName() + "\")."));
    }
}
