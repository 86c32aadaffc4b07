package io.selfheal.emulator.services.lambda;

import static io.selfheal.emulator.service.OperationSpec.read;
import static io.selfheal.emulator.service.OperationSpec.write;

import io.selfheal.emulator.control.FunctionFaults;
import io.selfheal.emulator.control.LambdaControl;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.authz.Authorization;
import io.selfheal.emulator.core.authz.ResourcePolicySource;
import io.selfheal.emulator.messages.CheckFunctionInvocation;
import io.selfheal.emulator.messages.InvokeFunction;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.service.AbstractAwsService;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.AwsServiceProvider;
import io.selfheal.emulator.service.PassedRoles;
import io.selfheal.emulator.service.ResourceArns;
import io.selfheal.emulator.services.lambda.esm.EventSourceMappingOperations;
import io.selfheal.emulator.services.lambda.runtime.SandboxPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** AWS Lambda: functions run as real sandboxes of their language runtime. */
public final class LambdaService extends AbstractAwsService {
    private static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.restJson("lambda");
    private static final String FUNCTIONS = "/2015-03-31/functions";
    /** A function's {@code Role} is passed to Lambda, which assumes it for every invocation. */
    private static final PassedRoles EXECUTION_ROLE = PassedRoles.member("Role", ExecutionRoleCheck.LAMBDA);
    private static final String FUNCTION = FUNCTIONS + "/{FunctionName}";
    private static final String MAPPINGS = "/2015-03-31/event-source-mappings";
    private static final String MAPPING = MAPPINGS + "/{UUID}";
    /** IAM names a mapping {@code arn:aws:lambda:<region>:<account>:event-source-mapping:<UUID>}. */
    private static final ResourceArns MAPPING_ARN = ResourceArns.each("UUID",
            (ctx, uuid) -> ctx.arn("lambda", "event-source-mapping:" + uuid));
    private static final String EVENT_INVOKE_CONFIG = "/2019-09-25/functions/{FunctionName}/event-invoke-config";
    /** IAM names a function by its unqualified ARN, whichever form FunctionName takes. */
    private static final ResourceArns FUNCTION_ARN = ResourceArns.each("FunctionName", (ctx, name) -> {
        FunctionRef ref = FunctionRef.parse(name);
        return FunctionRef.arn(ref.region() == null ? ctx.region() : ref.region(),
                ref.accountId() == null ? ctx.accountId() : ref.accountId(), ref.name());
    });

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
    private final EventSourceMappingOperations mappings;
    private final ConcurrencyLimits limits;
    private final InjectedFaults faults;

    public LambdaService(EmulatorContext context) {
        super("AWS Lambda", DESCRIPTOR, "lambda");
        this.context = context;
        this.history = new InvocationHistory(context.retention());
        try {
            this.runtime = new FunctionRuntime(context, Files.createTempDirectory("selfheal-lambda-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Lambda's work directory", e);
        }
        this.limits = new ConcurrencyLimits(functions);
        this.faults = new InjectedFaults(functions, context.clock());
        LambdaMetrics metrics = new LambdaMetrics(context.bus(), context.clock());
        Invoker invoker = new Invoker(context, runtime, history, limits, faults, metrics);
        AsyncEventQueue queue = new AsyncEventQueue(context, invoker, metrics);
        queue.outcomes(new AsyncOutcomes(context, functions, queue, metrics));
        EventInvokeConfigOperations asyncConfig = new EventInvokeConfigOperations(functions);
        ConcurrencyOperations concurrency = new ConcurrencyOperations(functions, limits);
        FunctionOperations fn = new FunctionOperations(context, functions, runtime);
        PermissionOperations policy = new PermissionOperations(functions, context.ids());
        // Invoke waits for the function; code uploads write files; deletes stop processes: all off the event loop.
        operations.add(write("CreateFunction", fn::create).blocking().rest("POST", FUNCTIONS, 201)
                .resources(FUNCTION_ARN).passesRoles(EXECUTION_ROLE));
        operations.add(read("ListFunctions", fn::list).blocking().rest("GET", FUNCTIONS, 200)
                .resources(ResourceArns.ANY));
        operations.add(read("GetFunction", fn::get).blocking().rest("GET", FUNCTION, 200).resources(FUNCTION_ARN));
        operations.add(write("DeleteFunction", fn::delete).blocking().rest("DELETE", FUNCTION, 204)
                .resources(FUNCTION_ARN));
        operations.add(read("GetFunctionConfiguration", fn::getConfiguration).blocking()
                .rest("GET", FUNCTION + "/configuration", 200).resources(FUNCTION_ARN));
        operations.add(write("UpdateFunctionConfiguration", fn::updateConfiguration).blocking()
                .rest("PUT", FUNCTION + "/configuration", 200).resources(FUNCTION_ARN).passesRoles(EXECUTION_ROLE));
        operations.add(write("UpdateFunctionCode", fn::updateCode).blocking()
                .rest("PUT", FUNCTION + "/code", 200).resources(FUNCTION_ARN));
        operations.add(write("Invoke", new InvokeOperation(functions, invoker, queue)).dataEvent().blocking()
                .iam("lambda:InvokeFunction").rest("POST", FUNCTION + "/invocations", 200).resources(FUNCTION_ARN));
        operations.add(write("AddPermission", policy::add).blocking().rest("POST", FUNCTION + "/policy", 201)
                .resources(FUNCTION_ARN));
        operations.add(read("GetPolicy", policy::get).blocking().rest("GET", FUNCTION + "/policy", 200)
                .resources(FUNCTION_ARN));
        operations.add(write("RemovePermission", policy::remove).blocking()
                .rest("DELETE", FUNCTION + "/policy/{StatementId}", 204).resources(FUNCTION_ARN));
        this.mappings = new EventSourceMappingOperations(context,
                new MappedFunctionsView(functions, invoker, context.ids(),
                        context.component(Authorization.class)));
        operations.add(write("CreateEventSourceMapping", mappings::create).blocking()
                .rest("POST", MAPPINGS, 202).resources(ResourceArns.ANY));
        operations.add(read("ListEventSourceMappings", mappings::list).blocking()
                .rest("GET", MAPPINGS, 200).resources(ResourceArns.ANY));
        operations.add(read("GetEventSourceMapping", mappings::get).blocking()
                .rest("GET", MAPPING, 200).resources(MAPPING_ARN));
        operations.add(write("UpdateEventSourceMapping", mappings::update).blocking()
                .rest("PUT", MAPPING, 202).resources(MAPPING_ARN));
        operations.add(write("DeleteEventSourceMapping", mappings::delete).blocking()
                .rest("DELETE", MAPPING, 202).resources(MAPPING_ARN));
        operations.add(write("PutFunctionEventInvokeConfig", asyncConfig::put).blocking()
                .rest("PUT", EVENT_INVOKE_CONFIG, 200).resources(FUNCTION_ARN));
        operations.add(write("UpdateFunctionEventInvokeConfig", asyncConfig::update).blocking()
                .rest("POST", EVENT_INVOKE_CONFIG, 200).resources(FUNCTION_ARN));
        operations.add(read("GetFunctionEventInvokeConfig", asyncConfig::get).blocking()
                .rest("GET", EVENT_INVOKE_CONFIG, 200).resources(FUNCTION_ARN));
        operations.add(read("ListFunctionEventInvokeConfigs", asyncConfig::list).blocking()
                .rest("GET", EVENT_INVOKE_CONFIG + "/list", 200).resources(FUNCTION_ARN));
        operations.add(write("DeleteFunctionEventInvokeConfig", asyncConfig::delete).blocking()
                .rest("DELETE", EVENT_INVOKE_CONFIG, 204).resources(FUNCTION_ARN));
        operations.add(write("PutFunctionConcurrency", concurrency::put).blocking()
                .rest("PUT", "/2017-10-31/functions/{FunctionName}/concurrency", 200).resources(FUNCTION_ARN));
        operations.add(read("GetFunctionConcurrency", concurrency::get).blocking()
                .rest("GET", "/2019-09-30/functions/{FunctionName}/concurrency", 200).resources(FUNCTION_ARN));
        operations.add(write("DeleteFunctionConcurrency", concurrency::delete).blocking()
                .rest("DELETE", "/2017-10-31/functions/{FunctionName}/concurrency", 204).resources(FUNCTION_ARN));
        InvokeFunctionHandler bus = new InvokeFunctionHandler(functions, queue, context.ids());
        context.bus().handle(InvokeFunction.class, bus::handle);
        context.bus().handle(CheckFunctionInvocation.class, bus::check);
        FunctionConfigurations.register(context, functions);
        context.register(LambdaControl.class, history);
        context.register(FunctionFaults.class, faults);
        context.component(Authorization.class).resourcePolicies("lambda", this::functionPolicy);
    }

    /** A function's policy for the IAM check of a call naming it (other Lambda ARNs carry none here). */
    private ResourcePolicySource.Found functionPolicy(String arn) {
        FunctionRef ref;
        try {
            ref = arn.contains(":function:") ? FunctionRef.parse(arn) : null;
        } catch (RuntimeException notAFunction) {
            return null;
        }
        LambdaFunction f = ref == null || ref.accountId() == null ? null
                : functions.find(ref.accountId(), ref.region(), ref.name());
        return f == null ? null : ResourcePolicySource.Found.of("function policy",
                f.policy().isEmpty() ? null : f.policy().document(), f.accountId());
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
        mappings.reset();
        deleteAll();
        functions.clear();
        history.clear();
        limits.clear();
        faults.clearAll();
    }

    /** Kills every sandbox and waits until each process is gone, then deletes the work directory. */
    @Override
    public void close() {
        mappings.reset();
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
