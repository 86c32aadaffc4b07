package io.selfheal.harness.stack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The least-privilege policy a remediation ships beside its handler (CONTRIBUTING's "Adding a remediation"):
 * {@code policies/<HandlerClass>.json} in a Java package, {@code <module>.policy.json} beside a Python or Node module.
 * A function given no role runs with it, so a scenario proves the policy that ships is the policy that works.
 */
final class ShippedPolicy {
    private ShippedPolicy() {
    }

    /** The policy's JSON text from the deployment package, or null when the handler ships none. */
    static String in(byte[] zip, String handler, String runtime) {
        String entry = entryFor(handler, runtime);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(entry)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException unreadable) {
            return null; // CreateFunction reports a package it cannot read
        }
        return null;
    }

    /** {@code pkg.RebootOnHighCpu::handleRequest} → {@code policies/RebootOnHighCpu.json}; {@code m.handler} → {@code m.policy.json}. */
    static String entryFor(String handler, String runtime) {
        int colons = handler.indexOf("::");
        if (runtime.startsWith("java")) {
            String type = colons >= 0 ? handler.substring(0, colons) : handler;
            return "policies/" + type.substring(type.lastIndexOf('.') + 1) + ".json";
        }
        return handler.substring(0, handler.lastIndexOf('.')).replace('.', '/') + ".policy.json";
    }
}
