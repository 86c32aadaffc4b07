package io.selfheal.harness.cli;

import io.selfheal.harness.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --tags a,b,!c}: a scenario is selected when its tags include any of the plain ones (or none are given)
 * and none of the {@code !}-prefixed ones.
 */
record TagFilter(List<String> include, List<String> exclude) {

    static TagFilter parse(List<String> tags) {
        List<String> include = new ArrayList<>();
        List<String> exclude = new ArrayList<>();
        for (String tag : tags) {
            String t = tag.trim();
            if (t.startsWith("!") && t.length() > 1) {
                exclude.add(t.substring(1));
            } else if (!t.isEmpty() && !t.equals("!")) {
                include.add(t);
            }
        }
        return new TagFilter(List.copyOf(include), List.copyOf(exclude));
    }

    boolean selects(Scenario scenario) {
        List<String> tags = scenario.tags() == null ? List.of() : scenario.tags();
        return (include.isEmpty() || include.stream().anyMatch(tags::contains))
                && exclude.stream().noneMatch(tags::contains);
    }

    boolean isEmpty() {
        return include.isEmpty() && exclude.isEmpty();
    }

    @Override
    public String toString() {
        List<String> all = new ArrayList<>(include);
        exclude.forEach(t -> all.add("!" + t));
        return String.join(",", all);
    }
}
