package io.selfheal.emulator.services.lambda;

import io.selfheal.emulator.control.LambdaControl;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.messages.InvokeFunction;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.AwsServiceProvider;
import io.selfheal.emulator.service.Operation;
import io.selfheal.emulator.service.RestRoute;
import io.selfheal.emulator.services.lambda.runtime.SandboxPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** AWS Lambda: functions run as real sandboxes of their language runtime. */
public final class LambdaService implements AwsService {
    private static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.restJson("lambda");
    private static final String FUNCTIONS = "/2015-03-31/functions";
    private static final String FUNCTION = FUNCTIONS + "/{FunctionName}";
    private static final List<RestRoute> ROUTES = List.of(
            RestRoute.of("POST", FUNCTIONS, "CreateFunction", 201),
            RestRoute.of("GET", FUNCTIONS, "ListFunctions", 200),
            RestRoute.of("GET", FUNCTION, "GetFunction", 200),
            RestRoute.of("DELETE", FUNCTION, "DeleteFunction", 204),
            RestRoute.of("GET", FUNCTION + "/configuration", "GetFunctionConfiguration", 200),
            RestRoute.of("PUT", FUNCTION + "/configuration", "UpdateFunctionConfiguration", 200),
            RestRoute.of("PUT", FUNCTION + "/code", "UpdateFunctionCode", 200),
            RestRoute.of("POST", FUNCTION + "/invocations", "Invoke", 200),
            RestRoute.of("POST", FUNCTION + "/policy", "AddPermission", 201),
            RestRoute.of("GET", FUNCTION + "/policy", "GetPolicy", 200),
            RestRoute.of("DELETE", FUNCTION + "/policy/{StatementId}", "RemovePermission", 204));

    /** ServiceLoader entry. */
    public static final class Provider implements AwsServiceProvider {
        @Override
        public AwsService create(EmulatorContext context) {
            return new LambdaService(context);
        }
    }

    private final EmulatorContext context;
    private final FunctionRegistry functions = new FunctionRegistry();
    private final InvocationHistory history;
    private final FunctionRuntime runtime;
    private final Map<String, Operation> operations;

    public LambdaService(EmulatorContext context) {
        this.context = context;
        this.history = new InvocationHistory(context.retention());
        try {
            this.runtime = new FunctionRuntime(context, Files.createTempDirectory("selfheal-lambda-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Lambda's work directory", e);
        }
        Invoker invoker = new Invoker(context, runtime, history);
        FunctionOperations fn = new FunctionOperations(context, functions, runtime);
        PermissionOperations policy = new PermissionOperations(functions);
        this.operations = Map.ofEntries(
                Map.entry("CreateFunction", fn::create),
                Map.entry("ListFunctions", fn::list),
                Map.entry("GetFunction", fn::get),
                Map.entry("GetFunctionConfiguration", fn::getConfiguration),
                Map.entry("UpdateFunctionConfiguration", fn::updateConfiguration),
                Map.entry("UpdateFunctionCode", fn::updateCode),
                Map.entry("DeleteFunction", fn::delete),
                Map.entry("Invoke", new InvokeOperation(functions, invoker)),
                Map.entry("AddPermission", policy::add),
                Map.entry("GetPolicy", policy::get),
                Map.entry("RemovePermission", policy::remove));
        InvokeFunctionHandler bus = new InvokeFunctionHandler(functions, invoker);
        context.bus().handle(InvokeFunction.class, bus::handle);
        context.register(LambdaControl.class, history);
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Invoke waits for the function; code uploads write files; deletes stop processes: all off the event loop. */
    @Override
    public boolean blocking(String operation) {
        return true;
    }

    @Override
    public Map<String, Operation> operations() {
        return operations;
    }

    @Override
    public List<RestRoute> routes() {
        return ROUTES;
    }

    /** The live sandbox process ids of a function (for tests and the harness): empty when none run. */
    public List<Long> sandboxPids(String accountId, String region, String functionName) {
        LambdaFunction f = functions.find(accountId, region, functionName);
        SandboxPool pool = f == null ? null : f.existingPool();
        return pool == null ? List.of() : pool.pids();
    }

    /** Deletes every function (killing its sandboxes) and forgets every invocation. */
    @Override
    public void reset() {
        deleteAll();
        functions.clear();
        history.clear();
    }

    /** Kills every sandbox and waits until each process is gone, then deletes the work directory. */
    @Override
    public void close() {
        deleteAll();
        runtime.close();
    }

    private void deleteAll() {
        List<SandboxPool> pools = new ArrayList<>();
        List<LambdaFunction> all = functions.all();
        for (LambdaFunction f : all) {
            pools.add(f.delete());
        }
        FunctionRuntime.closeAll(pools.stream().filter(Objects::nonNull).toList());
        for (LambdaFunction f : all) {
            functions.remove(f);
            f.revision().credentials().unregister(context.identities());
            f.revision().code().delete();
        }
    }
}
