package io.selfheal.emulator.services.config.managed;

import java.util.ArrayList;
import java.util.List;

/** A list of ports and dash ranges as the rules' parameters write them: {@code "443,1020-1025"}. */
record PortRanges(List<Range> ranges) {
    private static final int MAX_PORT = 65535;

    record Range(int from, int to) {
        boolean contains(int port) {
            return from <= port && port <= to;
        }
    }

    static final PortRanges NONE = new PortRanges(List.of());

    /** @throws IllegalArgumentException when an entry is not a port or a range of ports */
    static PortRanges parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        List<Range> ranges = new ArrayList<>();
        for (String part : text.split(",")) {
            String entry = part.trim();
            int dash = entry.indexOf('-', 1);
            String low = dash < 0 ? entry : entry.substring(0, dash).trim();
            String high = dash < 0 ? entry : entry.substring(dash + 1).trim();
            if (!isPort(low) || !isPort(high) || Integer.parseInt(low) > Integer.parseInt(high)) {
                throw new IllegalArgumentException(entry);
            }
            ranges.add(new Range(Integer.parseInt(low), Integer.parseInt(high)));
        }
        return new PortRanges(List.copyOf(ranges));
    }

    static boolean isPort(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return Integer.parseInt(text) <= MAX_PORT;
    }

    /** Whether every port from {@code from} to {@code to} is in the list. */
    boolean coversAll(int from, int to) {
        int next = from;
        boolean progressed = true;
        while (next <= to && progressed) {
            progressed = false;
            for (Range r : ranges) {
                if (r.contains(next)) {
                    next = r.to() + 1;
                    progressed = true;
                }
            }
        }
        return next > to;
    }
}
