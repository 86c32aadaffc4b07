package io.selfheal.emulator.services.events;

/**
 * The ERROR_CODE attribute of a dead-letter message. AWS lists its values (NO_PERMISSIONS, NO_RESOURCE, THROTTLING,
 * TIMEOUT, CONNECTION_FAILURE, SDK_CLIENT_ERROR, INTERNAL_ERROR …) but not which target error becomes which: this
 * mapping is selfheal's, by the error's meaning.
 */
final class DeadLetterCodes {
    private DeadLetterCodes() {
    }

    static String of(String errorCode) {
        if (errorCode == null) {
            return "INTERNAL_ERROR";
        }
        String code = errorCode.toLowerCase(java.util.Locale.ROOT);
        if (code.contains("accessdenied") || code.contains("authorization") || code.contains("forbidden")
                || code.equals("http_401") || code.equals("http_403")) {
            return "NO_PERMISSIONS";
        }
        if (code.contains("notfound") || code.contains("nonexistent") || code.contains("doesnotexist")
                || code.equals("http_404")) {
            return "NO_RESOURCE";
        }
        if (code.contains("throttl") || code.contains("toomanyrequests") || code.equals("http_429")) {
            return "THROTTLING";
        }
        if (code.equals("timeout")) {
            return "TIMEOUT";
        }
        if (code.equals("connectionfailure")) {
            return "CONNECTION_FAILURE";
        }
        if (code.equals("inputtransformationfailed")) {
            return "INVALID_JSON";
        }
        if (code.startsWith("http_5") || code.startsWith("internal") || code.contains("unavailable")) {
            return "INTERNAL_ERROR";
        }
        return "SDK_CLIENT_ERROR";
    }
}
