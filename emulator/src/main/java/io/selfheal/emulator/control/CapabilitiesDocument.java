package io.selfheal.emulator.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The answer of {@code GET /_selfheal/capabilities}: this build's version, whether the clock is virtual, and per
 * {@link EmulatorCapability} whether a client of this port can use it and through which route — so an endpoint
 * backend decides what a remote selfheal offers from what the server says, not from guesses.
 */
public final class CapabilitiesDocument {
    /** The shape of this document; a client reading a higher one may meet fields it does not know. */
    static final int FORMAT = 1;
    private static final String VERSION = readVersion();

    private CapabilitiesDocument() {
    }

    /** The document for the emulator behind {@code control}. */
    public static ObjectNode of(ControlApi control) {
        boolean virtual = control.clock().isVirtual();
        ObjectNode doc = Json.object().put("format", FORMAT).put("version", VERSION)
                .put("clock", virtual ? "virtual" : "real");
        ArrayNode list = doc.putArray("capabilities");
        for (EmulatorCapability capability : EmulatorCapability.values()) {
            String reason = unavailable(capability, virtual);
            ObjectNode entry = list.addObject().put("name", capability.key()).put("offered", reason == null);
            if (reason == null) {
                entry.put("route", capability.route());
            } else {
                entry.put("reason", reason);
            }
        }
        return doc;
    }

    /** Why a client of this port cannot use {@code capability}, or null when it can. */
    private static String unavailable(EmulatorCapability capability, boolean virtualClock) {
        if (capability == EmulatorCapability.VIRTUAL_CLOCK && !virtualClock) {
            return "this server runs in real time";
        }
        if (capability.route() == null) {
            return capability.withoutRoute();
        }
        return null;
    }

    /** The Maven project version, written into the resource at build time. */
    public static String version() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = CapabilitiesDocument.class.getResourceAsStream("/io/selfheal/emulator/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
