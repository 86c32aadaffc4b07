package io.selfheal.harness.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link Timeline} as inline SVG: a time axis from the first fault, one lane per {@link Lane} with markers
 * (bars for invocations) and labels, and a line at the MTTR. Each marker carries a {@code <title>} with the full
 * detail, which browsers show on hover. Markers close in time are packed into rows so labels do not overlap.
 */
final class TimelineSvg {
    static final int WIDTH = 1100;
    private static final int LEFT = 110;
    private static final int RIGHT = 40;
    private static final int AXIS = 34;
    private static final int ROW = 20;
    private static final int LANE_PAD = 8;
    private static final int MAX_ROWS = 8;
    private static final double CHAR_WIDTH = 6.4;
    /** Tick steps in milliseconds, round in the units people read them in. */
    private static final long[] STEPS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 15_000,
        30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000};

    private TimelineSvg() {
    }

    static String render(Timeline timeline, String id) {
        double spanMillis = Math.max(timeline.span().toNanos() / 1e6 * 1.08, 100);
        double plot = WIDTH - LEFT - RIGHT;
        int y = AXIS;
        StringBuilder body = new StringBuilder();
        for (Lane lane : Lane.values()) {
            List<TimelineEntry> entries = timeline.in(lane);
            StringBuilder markers = new StringBuilder();
            int rows = drawLane(entries, y, spanMillis, plot, markers);
            int height = Math.max(rows, 1) * ROW + 2 * LANE_PAD;
            body.append("<g class=\"lane lane-").append(lane.cssName()).append("\" data-lane=\"").append(lane.cssName())
                    .append("\" data-entries=\"").append(entries.size()).append("\">")
                    .append(String.format(Locale.ROOT, "<rect class=\"band\" x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\"/>",
                            y, WIDTH, height))
                    .append(String.format(Locale.ROOT, "<text class=\"lane-title\" x=\"8\" y=\"%d\">%s</text>",
                            y + LANE_PAD + 14, Html.escape(lane.title())))
                    .append(markers).append("</g>");
            y += height;
        }
        int height = y + 6;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" id=\"%s\" viewBox=\"0 0 %d %d\" "
                        + "width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"timeline\">",
                Html.escape(id), WIDTH, height, WIDTH, height));
        axis(svg, spanMillis, plot, height, timeline.virtualTime());
        svg.append(body);
        if (timeline.mttr() != null) {
            double x = x(timeline.mttr(), spanMillis, plot);
            svg.append(String.format(Locale.ROOT,
                    "<g class=\"mttr\"><title>%s</title><line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                            + "<text x=\"%.1f\" y=\"%d\">MTTR %s</text></g>",
                    Html.escape("MTTR " + Durations.format(timeline.mttr())), x, AXIS - 6, x, height,
                    x + 4, AXIS - 8, Html.escape(Durations.format(timeline.mttr()))));
        }
        return svg.append("</svg>").toString();
    }

    /** Draws one lane's markers into {@code out}; returns how many rows it used. */
    private static int drawLane(List<TimelineEntry> entries, int top, double spanMillis, double plot,
                                StringBuilder out) {
        List<Double> rowEnds = new ArrayList<>();
        for (TimelineEntry e : entries) {
            double x = x(e.at(), spanMillis, plot);
            double barEnd = e.length() == null ? x : Math.max(x(e.end(), spanMillis, plot), x + 3);
            double labelWidth = e.label().length() * CHAR_WIDTH;
            double labelX = Math.max(barEnd, x + 8) + 4;
            // near the right edge the label goes left of its marker rather than off the picture
            boolean flipped = labelX + labelWidth > WIDTH - 4 && x - 8 - labelWidth > LEFT;
            if (flipped) {
                labelX = x - 8;
            }
            double start = flipped ? labelX - labelWidth : x;
            double labelEnd = flipped ? barEnd + 6 : labelX + labelWidth;
            int row = -1;
            for (int r = 0; r < rowEnds.size(); r++) {
                if (rowEnds.get(r) < start - 2) {
                    row = r;
                    break;
                }
            }
            boolean labelled = true;
            if (row < 0 && rowEnds.size() < MAX_ROWS) {
                rowEnds.add(0.0);
                row = rowEnds.size() - 1;
            } else if (row < 0) {
                row = rowEnds.indexOf(rowEnds.stream().min(Double::compare).orElseThrow());
                labelled = false;
            }
            rowEnds.set(row, labelled ? labelEnd : Math.max(rowEnds.get(row), barEnd + 6));
            int cy = top + LANE_PAD + row * ROW + ROW / 2;
            out.append("<g class=\"entry").append(e.error() ? " error" : "").append("\"><title>")
                    .append(Html.escape("+" + Durations.format(e.at()) + "  " + e.detail())).append("</title>");
            switch (e.lane()) {
                case INVOCATION -> out.append(String.format(Locale.ROOT,
                        "<rect class=\"marker\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"12\" rx=\"2\"/>",
                        x, cy - 6, barEnd - x));
                case FAULT, RECOVERY -> out.append(String.format(Locale.ROOT,
                        "<path class=\"marker\" d=\"M%.1f %d l6 6 l-6 6 l-6 -6 z\"/>", x, cy - 6));
                default -> out.append(String.format(Locale.ROOT,
                        "<circle class=\"marker\" cx=\"%.1f\" cy=\"%d\" r=\"5\"/>", x, cy));
            }
            if (labelled) {
                out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\"%s>%s</text>", labelX, cy + 4,
                        flipped ? " text-anchor=\"end\"" : "", Html.escape(e.label())));
            }
            out.append("</g>");
        }
        return rowEnds.size();
    }

    private static void axis(StringBuilder svg, double spanMillis, double plot, int height, boolean virtual) {
        double step = step(spanMillis);
        svg.append("<g class=\"axis\">");
        svg.append(String.format(Locale.ROOT, "<text class=\"axis-title\" x=\"8\" y=\"16\">%s</text>",
                virtual ? "virtual time" : "time (real clock)"));
        for (double t = 0; t <= spanMillis; t += step) {
            double x = LEFT + t / spanMillis * plot;
            svg.append(String.format(Locale.ROOT,
                    "<line class=\"tick\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                            + "<text x=\"%.1f\" y=\"16\" text-anchor=\"middle\">+%s</text>",
                    x, AXIS - 4, x, height, x, Html.escape(Durations.format(Duration.ofNanos((long) (t * 1e6))))));
        }
        svg.append("</g>");
    }

    /** The smallest round step giving at most ten ticks. */
    static double step(double spanMillis) {
        for (long s : STEPS) {
            if (spanMillis / s <= 10) {
                return s;
            }
        }
        return Math.ceil(spanMillis / 10 / STEPS[STEPS.length - 1]) * STEPS[STEPS.length - 1];
    }

    private static double x(Duration at, double spanMillis, double plot) {
        return LEFT + Math.max(0, at.toNanos() / 1e6) / spanMillis * plot;
    }
}
