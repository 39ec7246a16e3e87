package dev.ecabot.bench;

import java.util.Locale;

/**
 * One line of the results table: a figure measured for the bot and for its floor in the same run, their ratio,
 * the goal and whether it was met. {@code bot} and {@code floor} are already formatted with their unit.
 */
public record Row(String figure, String bot, String floor, String ratio, String goal, Verdict verdict, String note) {

    public enum Verdict { MET, MISSED, RECORDED, SKIPPED, FAILED }

    /** Milliseconds with a precision that suits their size. */
    public static String ms(double millis) {
        if (Double.isNaN(millis)) return "-";
        if (millis >= 100) return String.format(Locale.ROOT, "%.0f ms", millis);
        if (millis >= 10) return String.format(Locale.ROOT, "%.1f ms", millis);
        return String.format(Locale.ROOT, "%.2f ms", millis);
    }

    public static String ratio(double bot, double floor) {
        if (floor <= 0 || Double.isNaN(bot) || Double.isNaN(floor)) return "-";
        return String.format(Locale.ROOT, "%.2f", bot / floor);
    }

    public static Verdict met(boolean met) {
        return met ? Verdict.MET : Verdict.MISSED;
    }

    public static Row skipped(String figure, String goal, String why) {
        return new Row(figure, "-", "-", "-", goal, Verdict.SKIPPED, why);
    }

    public static Row failed(String figure, String goal, Throwable why) {
        String message = why.getMessage() == null ? why.getClass().getSimpleName() : why.getMessage();
        return new Row(figure, "-", "-", "-", goal, Verdict.FAILED, message.lines().findFirst().orElse(""));
    }

    public Row withNote(String more) {
        return new Row(figure, bot, floor, ratio, goal, verdict, note.isEmpty() ? more : note + "; " + more);
    }
}
