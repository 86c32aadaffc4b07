package io.selfheal.harness.report;

/** A row of the timeline picture: what kind of thing happened. In drawing order, cause above effect. */
public enum Lane {
    FAULT("fault"),
    EVENT("events"),
    ALARM("alarms"),
    INVOCATION("invocations"),
    API_CALL("API calls"),
    RECOVERY("recovery");

    private final String title;

    Lane(String title) {
        this.title = title;
    }

    /** The lane's heading in the report. */
    public String title() {
        return title;
    }

    /** The CSS class and DOM id part for the lane ({@code api-call}). */
    public String cssName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
