package io.selfheal.emulator.fuzz;

/** How a request announces its protocol, and so which error shape its refusal must take. */
public enum WireFamily {
    AWS_JSON_1_0, AWS_JSON_1_1, QUERY, EC2_QUERY, REST_JSON, RPC_V2_CBOR, CONTROL_API,
    /** Bytes that are not a well-formed HTTP request: any 4xx, no protocol shape to speak. */
    RAW_HTTP
}
