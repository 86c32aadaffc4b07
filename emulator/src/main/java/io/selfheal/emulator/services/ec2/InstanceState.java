package io.selfheal.emulator.services.ec2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;

/** The instance states with AWS's codes (API reference, "InstanceState": the low byte of the code). */
enum InstanceState {
    PENDING(0, "pending"),
    RUNNING(16, "running"),
    SHUTTING_DOWN(32, "shutting-down"),
    TERMINATED(48, "terminated"),
    STOPPING(64, "stopping"),
    STOPPED(80, "stopped");

    private final int code;
    private final String wireName;

    InstanceState(int code, String wireName) {
        this.code = code;
        this.wireName = wireName;
    }

    int code() {
        return code;
    }

    /** The name on the wire and in events: {@code shutting-down}. */
    String wireName() {
        return wireName;
    }

    /** {@code <instanceState><code>16</code><name>running</name></instanceState>} as a tree. */
    ObjectNode toXmlTree() {
        return Json.object().put("code", code).put("name", wireName);
    }
}
