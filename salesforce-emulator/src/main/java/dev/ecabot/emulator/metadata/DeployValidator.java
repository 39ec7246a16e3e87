package dev.ecabot.emulator.metadata;

import dev.ecabot.emulator.org.ChangeSet;
import dev.ecabot.emulator.org.OrgState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks a deploy package against the org as Salesforce does before it changes anything: package.xml against
 * the zip's files, each file against its type, API names, duplicates, companions naming an app that exists,
 * and destructive changes naming components that exist. The result either has errors (nothing is applied:
 * deploys are atomic) or a {@link ChangeSet} ready to apply. Stateless; reads the org under its lock.
 */
public final class DeployValidator {

    private static final List<String> DESTRUCTIVE_FILES =
            List.of("destructiveChangesPre.xml", "destructiveChanges.xml", "destructiveChangesPost.xml");

    private final XmlReader xml = new XmlReader();
    private final ComponentFileCheck fileCheck = new ComponentFileCheck();

    /** A component of the package that passed every check, for componentSuccesses. */
    public record DeployedFile(MetadataType type, String fullName, String fileName) {
    }

    /** Problems found (errors and warnings) and, when there are no errors, what to apply. */
    public record Validation(List<ComponentFailure> problems, List<DeployedFile> deployed, ChangeSet changes) {
        public boolean hasErrors() {
            return problems.stream().anyMatch(ComponentFailure::isError);
        }
    }

    private record FileEntry(MetadataType type, String fullName, String path) {
    }

    public Validation validate(DeployPackage pkg, OrgState org) {
        List<ComponentFailure> problems = new ArrayList<>();
        Optional<PackageManifest> manifest = manifest(pkg, "package.xml", problems);
        if (manifest.isEmpty()) {
            if (pkg.file("package.xml").isEmpty()) {
                problems.add(ComponentFailure.error("", "package.xml", "package.xml", "No package.xml found"));
            }
            return new Validation(problems, List.of(), new ChangeSet(List.of(), List.of()));
        }
        String version = manifest.get().version().trim();
        if (!version.isEmpty() && !version.matches("\\d{1,3}(\\.\\d)?")) {
            problems.add(ComponentFailure.error("", "package.xml", pkg.displayPath("package.xml"), "Error parsing file: '"
                    + version + "' is not valid for the type xsd:double (element version)"));
            return new Validation(problems, List.of(), new ChangeSet(List.of(), List.of()));
        }
        if (!version.isEmpty() && !org.apiVersions().serves(version)) {
            problems.add(ComponentFailure.error("", "package.xml", pkg.displayPath("package.xml"), "Invalid API version "
                    + version + ": this org serves " + org.apiVersions().describe()));
            return new Validation(problems, List.of(), new ChangeSet(List.of(), List.of()));
        }
        Map<MetadataType, Map<String, FileEntry>> files = componentFiles(pkg, problems);
        List<FileEntry> listed = listedFiles(manifest.get(), files, pkg, problems);
        List<DeployedFile> deployed = new ArrayList<>();
        List<ChangeSet.Upsert> upserts = new ArrayList<>();
        Map<String, String> packageApps = files.get(MetadataType.EXTERNAL_CLIENT_APPLICATION).values().stream()
                .filter(listed::contains)
                .collect(Collectors.toMap(f -> key(f.fullName()), FileEntry::fullName, (a, b) -> a));
        for (FileEntry file : listed) {
            checkComponent(file, pkg, org, packageApps, problems).ifPresent(upsert -> {
                upserts.add(upsert);
                deployed.add(new DeployedFile(file.type(), file.fullName(), pkg.displayPath(file.path())));
            });
        }
        List<ChangeSet.Deletion> deletions = destructiveChanges(pkg, org, problems);
        return new Validation(problems, deployed, new ChangeSet(upserts, deletions));
    }

    private Optional<PackageManifest> manifest(DeployPackage pkg, String name, List<ComponentFailure> problems) {
        Optional<byte[]> bytes = pkg.file(name);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PackageManifest.parse(xml.read(bytes.get())));
        } catch (XmlReader.XmlParseException e) {
            problems.add(new ComponentFailure("", name, pkg.displayPath(name), "Error parsing file: " + e.getMessage(),
                    "Error", e.line(), e.column()));
        } catch (PackageManifest.InvalidManifestException e) {
            problems.add(ComponentFailure.error("", name, pkg.displayPath(name), e.getMessage()));
        }
        return Optional.empty();
    }

    /** The component files in the zip by type and case-insensitive name; anything else is reported. */
    private Map<MetadataType, Map<String, FileEntry>> componentFiles(DeployPackage pkg, List<ComponentFailure> problems) {
        Map<MetadataType, Map<String, FileEntry>> files = new LinkedHashMap<>();
        Arrays.stream(MetadataType.values()).forEach(t -> files.put(t, new LinkedHashMap<>()));
        for (String path : pkg.paths()) {
            if (path.equals("package.xml") || DESTRUCTIVE_FILES.contains(path)) {
                continue;
            }
            Optional<FileEntry> entry = fileEntry(path);
            if (entry.isEmpty()) {
                problems.add(ComponentFailure.error("", path, pkg.displayPath(path), "Not in package.xml"));
                continue;
            }
            FileEntry file = entry.get();
            FileEntry twin = files.get(file.type()).putIfAbsent(key(file.fullName()), file);
            if (twin != null) {
                problems.add(ComponentFailure.error(file.type().apiName(), file.fullName(), pkg.displayPath(path),
                        "Duplicate name '" + file.fullName() + "': the package also holds " + twin.path()
                                + " (API names are not case-sensitive)"));
            }
        }
        return files;
    }

    private static Optional<FileEntry> fileEntry(String path) {
        String[] parts = path.split("/");
        if (parts.length != 2) {
            return Optional.empty();
        }
        return MetadataType.byFolder(parts[0]).flatMap(type -> {
            // Metadata API format only: a source-format name (X.eca-meta.xml) is a file the Metadata API does not know.
            for (String ending : List.of("." + type.suffix())) {
                if (parts[1].endsWith(ending) && parts[1].length() > ending.length()) {
                    return Optional.of(new FileEntry(type, parts[1].substring(0, parts[1].length() - ending.length()), path));
                }
            }
            return Optional.empty();
        });
    }

    /** The files package.xml names; reports members without a file, files not named, and unknown types. */
    private List<FileEntry> listedFiles(PackageManifest manifest, Map<MetadataType, Map<String, FileEntry>> files,
                                        DeployPackage pkg, List<ComponentFailure> problems) {
        List<FileEntry> listed = new ArrayList<>();
        manifest.membersByType().forEach((typeName, members) -> {
            Optional<MetadataType> type = MetadataType.byApiName(typeName);
            if (type.isEmpty()) {
                problems.add(ComponentFailure.error("", "package.xml", pkg.displayPath("package.xml"),
                        "Unknown type name '" + typeName + "' specified in package.xml (this emulated org knows "
                                + knownTypes() + ")"));
                return;
            }
            Map<String, FileEntry> ofType = files.get(type.get());
            Map<String, String> seen = new LinkedHashMap<>();
            for (XmlElement member : members) {
                String name = member.text().trim();
                if (name.equals("*")) {
                    ofType.values().stream().filter(f -> !listed.contains(f)).forEach(listed::add);
                    continue;
                }
                String previous = seen.putIfAbsent(key(name), name);
                if (previous != null) {
                    problems.add(ComponentFailure.errorAt(typeName, name, pkg.displayPath("package.xml"),
                            "Duplicate name '" + name + "' specified for " + typeName + " in package.xml", member));
                    continue;
                }
                FileEntry file = ofType.get(key(name));
                if (file == null) {
                    problems.add(ComponentFailure.error(typeName, name, pkg.displayPath("package.xml"), "An object '"
                            + name + "' of type " + typeName + " was named in package.xml, but was not found in zipped directory"));
                } else if (!listed.contains(file)) {
                    listed.add(file);
                }
            }
        });
        files.values().forEach(ofType -> ofType.values().stream().filter(f -> !listed.contains(f)).forEach(f ->
                problems.add(ComponentFailure.error(f.type().apiName(), f.fullName(), pkg.displayPath(f.path()),
                        "Not in package.xml"))));
        return listed;
    }

    /** The problem of each ECA component deployed to an org with "Opt in to External Client Apps" off. */
    static final String NOT_AVAILABLE = "Not available for deploy for this organization";

    private Optional<ChangeSet.Upsert> checkComponent(FileEntry file, DeployPackage pkg, OrgState org,
                                                      Map<String, String> packageApps, List<ComponentFailure> problems) {
        String typeName = file.type().apiName();
        String fileName = pkg.displayPath(file.path());
        XmlElement root;
        try {
            root = xml.read(pkg.file(file.path()).orElseThrow());
        } catch (XmlReader.XmlParseException e) {
            problems.add(new ComponentFailure(typeName, file.fullName(), fileName, "Error parsing file: " + e.getMessage(),
                    "Error", e.line(), e.column()));
            return Optional.empty();
        }
        if (!org.externalClientAppsEnabled()) {
            // What Salesforce answers for a metadata type whose feature the org has off, per component
            problems.add(ComponentFailure.error(typeName, file.fullName(), fileName, NOT_AVAILABLE));
            return Optional.empty();
        }
        List<ComponentFailure> found = new ArrayList<>(fileCheck.check(file.type(), file.fullName(), fileName, root));
        int maxLength = file.type().isCompanion() ? ApiNames.MAX_NAME_LENGTH : ApiNames.MAX_APP_NAME_LENGTH;
        ApiNames.problem(file.fullName(), maxLength).ifPresent(problem ->
                found.add(ComponentFailure.error(typeName, file.fullName(), fileName, problem)));
        if (file.type() == MetadataType.OAUTH_POLICIES) {
            references(file, fileName, root, org, found);
        }
        String appName = file.fullName();
        if (file.type().isCompanion()) {
            appName = companionApp(file, fileName, root, org, packageApps, found);
        } else {
            org.component(file.type(), file.fullName())
                    .filter(existing -> !existing.fullName().equals(file.fullName()))
                    .ifPresent(existing -> found.add(ComponentFailure.error(typeName, file.fullName(), fileName,
                            "Duplicate name '" + file.fullName() + "': this org already has the ExternalClientApplication '"
                                    + existing.fullName() + "' (API names are not case-sensitive)")));
        }
        problems.addAll(found);
        if (!found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ChangeSet.Upsert(file.type(), file.fullName(), appName, root.children()));
    }

    /** A run-as user or permission set the org does not have (see OrgDirectory: checked once some are registered). */
    private static void references(FileEntry file, String fileName, XmlElement root, OrgState org, List<ComponentFailure> found) {
        String typeName = file.type().apiName();
        root.child("clientCredentialsFlowUser").ifPresent(user -> org.directory()
                .unknownUser("clientCredentialsFlowUser", user.text() == null ? "" : user.text())
                .ifPresent(problem -> found.add(ComponentFailure.errorAt(typeName, file.fullName(), fileName, problem, user))));
        root.child("commaSeparatedPermissionSet").ifPresent(sets -> org.directory()
                .unknownPermissionSet("commaSeparatedPermissionSet", sets.text() == null ? "" : sets.text())
                .ifPresent(problem -> found.add(ComponentFailure.errorAt(typeName, file.fullName(), fileName, problem, sets))));
    }

    /** The app a companion belongs to, canonically spelled; reports an app neither in the package nor the org. */
    private String companionApp(FileEntry file, String fileName, XmlElement root, OrgState org,
                                Map<String, String> packageApps, List<ComponentFailure> found) {
        Optional<String> named = root.childText("externalClientApplication").filter(n -> !n.isBlank());
        if (named.isEmpty()) {
            return "";
        }
        String inPackage = packageApps.get(key(named.get()));
        if (inPackage != null) {
            return inPackage;
        }
        Optional<String> inOrg = org.component(MetadataType.EXTERNAL_CLIENT_APPLICATION, named.get())
                .map(app -> app.fullName());
        if (inOrg.isEmpty()) {
            XmlElement where = root.child("externalClientApplication").orElse(root);
            found.add(ComponentFailure.errorAt(file.type().apiName(), file.fullName(), fileName,
                    "In field: externalClientApplication - no ExternalClientApplication named " + named.get() + " found",
                    where));
            return "";
        }
        return inOrg.get();
    }

    private List<ChangeSet.Deletion> destructiveChanges(DeployPackage pkg, OrgState org, List<ComponentFailure> problems) {
        List<ChangeSet.Deletion> deletions = new ArrayList<>();
        for (String name : DESTRUCTIVE_FILES) {
            manifest(pkg, name, problems).ifPresent(manifest -> manifest.membersByType().forEach((typeName, members) -> {
                Optional<MetadataType> type = MetadataType.byApiName(typeName);
                if (type.isEmpty()) {
                    problems.add(ComponentFailure.error("", name, pkg.displayPath(name), "Unknown type name '"
                            + typeName + "' specified in " + name + " (this emulated org knows " + knownTypes() + ")"));
                    return;
                }
                for (XmlElement member : members) {
                    String fullName = member.text().trim();
                    if (org.component(type.get(), fullName).isPresent()) {
                        deletions.add(new ChangeSet.Deletion(type.get(), fullName));
                    } else {
                        problems.add(ComponentFailure.warning(typeName, fullName, pkg.displayPath(name),
                                "No " + typeName + " named: " + fullName + " found"));
                    }
                }
            }));
        }
        return deletions;
    }

    private static String knownTypes() {
        return Arrays.stream(MetadataType.values()).map(MetadataType::apiName).collect(Collectors.joining(", "));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
