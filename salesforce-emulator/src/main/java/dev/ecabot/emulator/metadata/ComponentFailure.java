package dev.ecabot.emulator.metadata;

/**
 * One problem found in a deploy, as Salesforce reports it in details.componentFailures: the component's type
 * and name, the file, the problem text, "Error" or "Warning", and where in the file (0 when unknown).
 */
public record ComponentFailure(String componentType, String fullName, String fileName, String problem,
                               String problemType, int lineNumber, int columnNumber) {

    public static ComponentFailure error(String componentType, String fullName, String fileName, String problem) {
        return new ComponentFailure(componentType, fullName, fileName, problem, "Error", 0, 0);
    }

    public static ComponentFailure errorAt(String componentType, String fullName, String fileName, String problem,
                                           XmlElement where) {
        return new ComponentFailure(componentType, fullName, fileName, problem, "Error", where.line(), where.column());
    }

    public static ComponentFailure warning(String componentType, String fullName, String fileName, String problem) {
        return new ComponentFailure(componentType, fullName, fileName, problem, "Warning", 0, 0);
    }

    public boolean isError() {
        return "Error".equals(problemType);
    }
}
