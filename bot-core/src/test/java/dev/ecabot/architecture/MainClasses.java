package dev.ecabot.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * The architecture tests' import: the bot's main classes only. Test code arrives as a module's test-classes folder
 * (left out by ArchUnit's {@code DO_NOT_INCLUDE_TESTS}) or, in a full {@code verify}, as another module's
 * {@code *-tests.jar}, which that option does not recognise: both are left out here.
 */
public final class MainClasses implements ImportOption {

    public static final ImportOption ONLY = new MainClasses();

    private MainClasses() {
    }

    @Override
    public boolean includes(Location location) {
        return Predefined.DO_NOT_INCLUDE_TESTS.includes(location) && !location.contains("-tests.jar");
    }
}
