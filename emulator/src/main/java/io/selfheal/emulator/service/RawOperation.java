package io.selfheal.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.http.HttpRequest;
import io.selfheal.emulator.http.HttpResponse;

/**
 * An operation whose wire form is not a JSON tree (Lambda Invoke: raw payload bytes and response headers).
 * {@code input} still carries the path and query parameters, for the call log and for lookups.
 */
public interface RawOperation extends Operation {
    HttpResponse handleRaw(RequestContext ctx, HttpRequest request, ObjectNode input);

    @Override
    default JsonNode handle(RequestContext ctx, ObjectNode input) {
        throw new UnsupportedOperationException("raw operation");
    }
}
