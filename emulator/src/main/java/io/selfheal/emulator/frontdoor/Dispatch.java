package io.selfheal.emulator.frontdoor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.protocol.WireCodec;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.Operation;
import io.selfheal.emulator.service.OperationSpec;

/** A request resolved to the operation that will answer it, with its decoded input. */
record Dispatch(AwsService service, String operationName, Operation operation, ObjectNode input, int successStatus,
                WireCodec codec) {

    /** The operation's registration, with its facts. */
    OperationSpec spec() {
        return service.operations().spec(operationName);
    }
}
