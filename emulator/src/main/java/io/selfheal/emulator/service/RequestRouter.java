package io.selfheal.emulator.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.http.HttpRequest;

/**
 * For a service whose operations a route table cannot find (S3: the bucket in the host or the path, the operation
 * told by method, key and sub-resource such as {@code ?tagging}): the service reads the request itself. The front
 * door asks it for every request signed with the service's signing name.
 */
@FunctionalInterface
public interface RequestRouter {
    /**
     * @return the operation and its input (what the call log and CloudTrail show: bucket, key …)
     * @throws io.selfheal.emulator.core.AwsException when no operation answers the request
     */
    Routed route(HttpRequest request);

    /** An operation by its AWS name, with its input. */
    record Routed(String operation, ObjectNode input) {
    }
}
