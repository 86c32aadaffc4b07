package io.selfheal.emulator.services.guardduty;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A saved filter; with action {@code ARCHIVE} it is a suppression rule. Guarded by its detector. */
final class Filter {
    final String name;
    String description;
    /** {@code NOOP} or {@code ARCHIVE}. */
    String action;
    int rank;
    ObjectNode findingCriteria;
    FindingCriteria criteria;
    final Map<String, String> tags = new LinkedHashMap<>();

    Filter(String name) {
        this.name = name;
    }
}
