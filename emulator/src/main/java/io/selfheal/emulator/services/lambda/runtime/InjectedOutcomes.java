package io.selfheal.emulator.services.lambda.runtime;

/**
 * The outcomes of an injected function fault, written as the platform writes the real ones (error document and
 * START/END/REPORT log lines), without running the handler: {@code throw}, {@code timeout} and {@code crash}.
 */
public final class InjectedOutcomes {
    /** The error type of an injected {@code throw}: names the fault, so nobody mistakes it for the code's own. */
    public static final String THROWN_TYPE = "selfheal.InjectedFunctionFault";

    private InjectedOutcomes() {
    }

    /** The handler "threw": an {@code Unhandled} error whose document names the injected fault. */
    public static InvocationResult thrown(SandboxSpec spec, String requestId, String logStream) {
        ErrorDocument error = ErrorDocument.platform(THROWN_TYPE,
                "injected function fault (mode throw) on " + spec.functionName());
        String logs = PlatformLog.start(requestId, spec.version()) + PlatformLog.end(requestId)
                + PlatformLog.report(requestId, 0, spec.memoryMb(), -1, -1, "error", null);
        return new InvocationResult(error.json(), error.type(), error.message(), logs, 0, logStream);
    }

    /** The invocation ran past the function's timeout: AWS's "Task timed out after N.00 seconds". */
    public static InvocationResult timedOut(SandboxSpec spec, String requestId, String logStream) {
        ErrorDocument error = ErrorDocument.timedOut(requestId, spec.timeoutSeconds());
        double durationMs = spec.timeoutSeconds() * 1000.0;
        String logs = PlatformLog.start(requestId, spec.version())
                + PlatformLog.timedOut(requestId, spec.timeoutSeconds()) + PlatformLog.end(requestId)
                + PlatformLog.report(requestId, durationMs, spec.memoryMb(), -1, -1, "timeout", null);
        return new InvocationResult(error.json(), error.type(), error.message(), logs, durationMs, logStream);
    }

    /** The runtime process died: {@code Runtime.ExitError}. */
    public static InvocationResult crashed(SandboxSpec spec, String requestId, String logStream) {
        ErrorDocument error = ErrorDocument.exited(requestId, "exit status 137 (injected function fault)");
        String logs = PlatformLog.start(requestId, spec.version()) + PlatformLog.end(requestId)
                + PlatformLog.report(requestId, 0, spec.memoryMb(), -1, -1, "error", null);
        return new InvocationResult(error.json(), error.type(), error.message(), logs, 0, logStream);
    }
}
