package dev.ecabot.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.AbstractClassesTransformer;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.all;

/**
 * No package of the engine (bot-core) depends, directly or round about, on a package that depends back on it, so a
 * capability can be read, changed and tested from its package down. A failure names each pair of packages that
 * depend on each other and each package caught in a longer cycle. (The 21 cycles that stood when this check came
 * were frozen at first and are all gone: the engine in {@code conversation.engine}, the org settings in
 * {@code salesforce}, the start-up refusals in {@code settings.error}.)
 */
class PackageCyclesTest {

    /** Where bot-core's own classes are (the emulator and the test helpers share the dev.ecabot packages). */
    private static final String BOT_CORE =
            dev.ecabot.store.Database.class.getProtectionDomain().getCodeSource().getLocation().toString();

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(MainClasses.ONLY)
            .withImportOption(location -> location.contains(BOT_CORE))
            .importPackages("dev.ecabot");

    private static final AbstractClassesTransformer<JavaPackage> PACKAGES = new AbstractClassesTransformer<>("packages of bot-core") {
        @Override
        public Iterable<JavaPackage> doTransform(JavaClasses classes) {
            return classes.stream().map(JavaClass::getPackage).collect(Collectors.toCollection(HashSet::new));
        }
    };

    @Test
    void noPackageOfTheEngineIsInADependencyCycle() {
        ArchRule rule = all(PACKAGES).that(DescribedPredicate.describe("of the engine", p -> p.getName().startsWith("dev.ecabot.")))
                .should(new ArchCondition<>("not be in a dependency cycle") {
                    @Override
                    public void check(JavaPackage p, ConditionEvents events) {
                        Set<String> mutual = new TreeSet<>();
                        for (JavaPackage q : dependencies(p)) {
                            if (dependencies(q).contains(p)) mutual.add(q.getName());
                        }
                        // Each pair once, from the package whose name sorts first.
                        mutual.stream().filter(q -> p.getName().compareTo(q) < 0).forEach(q -> events.add(SimpleConditionEvent.violated(p,
                                short_(p.getName()) + " and " + short_(q) + " depend on each other")));
                        if (mutual.isEmpty() && reachesItself(p)) {
                            events.add(SimpleConditionEvent.violated(p, short_(p.getName()) + " is in a longer dependency cycle"));
                        }
                    }
                });
        rule.check(ENGINE);
    }

    /** The engine packages whose classes {@code p}'s own classes use. */
    private static Set<JavaPackage> dependencies(JavaPackage p) {
        return p.getPackageDependenciesFromThisPackage().stream()
                .filter(q -> q != p && q.getName().startsWith("dev.ecabot.") && ENGINE.containPackage(q.getName()))
                .collect(Collectors.toSet());
    }

    private static boolean reachesItself(JavaPackage start) {
        Set<JavaPackage> seen = new HashSet<>();
        Deque<JavaPackage> todo = new ArrayDeque<>(dependencies(start));
        while (!todo.isEmpty()) {
            JavaPackage next = todo.pop();
            if (next == start) return true;
            if (seen.add(next)) todo.addAll(dependencies(next));
        }
        return false;
    }

    private static String short_(String packageName) {
        return packageName.substring("dev.ecabot.".length());
    }
}
