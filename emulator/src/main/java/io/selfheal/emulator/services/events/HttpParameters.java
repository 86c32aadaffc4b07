package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.service.Params;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A target's HttpParameters (API reference, HttpParameters): values for the {@code *} wildcards of an API
 * destination's endpoint, headers and query string parameters. A value that is a JSON path ({@code $.detail.id}) is
 * a dynamic path parameter, read from the original event, not the transformed input ("Amazon EventBridge input
 * transformation": "dynamic path parameters must reference the original event").
 */
record HttpParameters(List<String> pathParameterValues, Map<String, String> headerParameters,
                      Map<String, String> queryStringParameters) {
    private static final Pattern HEADER_KEY = Pattern.compile("^[!#$%&'*+-.^_`|~0-9a-zA-Z]+$");
    private static final Pattern HEADER_VALUE = Pattern.compile("^[ \\t]*[\\x20-\\x7E]+([ \\t]+[\\x20-\\x7E]+)*[ \\t]*$");
    private static final Pattern QUERY_KEY = Pattern.compile("[^\\x00-\\x1F\\x7F]+");
    private static final Pattern QUERY_VALUE = Pattern.compile("[^\\x00-\\x09\\x0B\\x0C\\x0E-\\x1F\\x7F]+");
    private static final Pattern PATH_VALUE = Pattern.compile("^(?!\\s*$).+");

    HttpParameters {
        pathParameterValues = List.copyOf(pathParameterValues);
        headerParameters = Collections.unmodifiableMap(new LinkedHashMap<>(headerParameters));
        queryStringParameters = Collections.unmodifiableMap(new LinkedHashMap<>(queryStringParameters));
    }

    /**
     * Parses and validates as the API model constrains it.
     *
     * @param path the member path for error messages, e.g. {@code targets.1.member.httpParameters}
     */
    static HttpParameters parse(Params http, String path) {
        List<String> pathValues = new ArrayList<>();
        JsonNode values = http.node("PathParameterValues");
        if (values != null) {
            if (!values.isArray()) {
                throw EventsErrors.PARAMS.invalid(path + ".pathParameterValues", values.toString(),
                        "Member must be a list");
            }
            for (JsonNode v : values) {
                String text = v.asText();
                check(path + ".pathParameterValues.member", text, PATH_VALUE, Integer.MAX_VALUE);
                pathValues.add(text);
            }
        }
        return new HttpParameters(pathValues,
                map(http, "HeaderParameters", path + ".headerParameters", HEADER_KEY, HEADER_VALUE),
                map(http, "QueryStringParameters", path + ".queryStringParameters", QUERY_KEY, QUERY_VALUE));
    }

    private static Map<String, String> map(Params http, String member, String path, Pattern key, Pattern value) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode node = http.node(member);
        if (node == null) {
            return out;
        }
        if (!node.isObject()) {
            throw EventsErrors.PARAMS.invalid(path, node.toString(), "Member must be a map");
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            check(path + ".key", e.getKey(), key, 512);
            check(path + "." + e.getKey(), e.getValue().asText(), value, 512);
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private static void check(String path, String value, Pattern pattern, int max) {
        if (!pattern.matcher(value).matches()) {
            throw EventsErrors.PARAMS.invalid(path, value,
                    "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
        EventsErrors.checkMaxLength(path, value, max);
    }

    /** As ListTargetsByRule shows it. */
    ObjectNode toJson() {
        ObjectNode node = Json.object();
        if (!pathParameterValues.isEmpty()) {
            ArrayNode values = node.putArray("PathParameterValues");
            pathParameterValues.forEach(values::add);
        }
        if (!headerParameters.isEmpty()) {
            ObjectNode headers = node.putObject("HeaderParameters");
            headerParameters.forEach(headers::put);
        }
        if (!queryStringParameters.isEmpty()) {
            ObjectNode query = node.putObject("QueryStringParameters");
            queryStringParameters.forEach(query::put);
        }
        return node;
    }

    /**
     * A value as sent for {@code event}: a JSON path is replaced by the text it selects (an empty string when it
     * selects nothing); anything else is sent as written.
     */
    static String resolve(String value, ObjectNode event) {
        if (!value.startsWith("$.") && !value.equals("$")) {
            return value;
        }
        JsonPath path;
        try {
            path = JsonPath.parse(value);
        } catch (IllegalArgumentException notAPath) {
            return value;
        }
        JsonNode selected = path.evaluate(event);
        if (selected == null || selected.isNull()) {
            return "";
        }
        return selected.isValueNode() ? selected.asText() : Json.write(selected);
    }
}
