package io.selfheal.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.RequestContext;

/**
 * One AWS operation: the request as a JSON tree (whatever the wire protocol) in, the response tree out: null when
 * the API has no output (DeleteQueue), an empty object when it has one with nothing in it (an empty receive), which
 * the query protocol still answers with an empty {@code <OpResult>}. Throws {@link io.selfheal.emulator.core.AwsException} for anything AWS rejects.
 */
@FunctionalInterface
public interface Operation {
    JsonNode handle(RequestContext ctx, ObjectNode input);
}
