package io.selfheal.emulator.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A REST operation's HTTP binding, written as in the AWS model: {@code POST /2015-03-31/functions/{FunctionName}/invocations}.
 * A label ending in {@code +} ({@code {Key+}}) may span slashes.
 */
public final class RestRoute {
    private static final Pattern LABEL = Pattern.compile("\\{([A-Za-z0-9_]+)(\\+?)}");

    private final String method;
    private final String template;
    private final String operation;
    private final int successStatus;
    private final Pattern pattern;
    private final List<String> labels = new ArrayList<>();

    public RestRoute(String method, String template, String operation, int successStatus) {
        this.method = method;
        this.template = template;
        this.operation = operation;
        this.successStatus = successStatus;
        StringBuilder regex = new StringBuilder("^");
        Matcher m = LABEL.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            regex.append(m.group(2).isEmpty() ? "([^/]+)" : "(.+)");
            labels.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append("/?$");
        this.pattern = Pattern.compile(regex.toString());
    }

    public static RestRoute of(String method, String template, String operation, int successStatus) {
        return new RestRoute(method, template, operation, successStatus);
    }

    /** @return the path labels by name, or null when this route does not match */
    public Map<String, String> match(String requestMethod, String path) {
        if (!method.equals(requestMethod)) {
            return null;
        }
        Matcher m = pattern.matcher(path);
        if (!m.matches()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            values.put(labels.get(i), m.group(i + 1));
        }
        return values;
    }

    /** Whether the path matches, whatever the method (to tell 405-like mistakes from unknown paths). */
    public boolean matchesPath(String path) {
        return pattern.matcher(path).matches();
    }

    public String method() {
        return method;
    }

    public String template() {
        return template;
    }

    public String operation() {
        return operation;
    }

    public int successStatus() {
        return successStatus;
    }
}
