package io.selfheal.harness.junit5;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.control.ControlApi;
import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.core.VirtualClock;
import io.selfheal.harness.junit5.SelfhealCloud.Scope;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import software.amazon.awssdk.core.SdkClient;

/**
 * Starts an embedded emulator for tests and resolves parameters of these types:
 * <ul>
 *   <li>any AWS SDK v2 service client with a static {@code builder()} ({@code Ec2Client}, {@code CloudWatchClient},
 *       {@code SqsAsyncClient}, …): a new client per parameter, pointed at the emulator with its region and dummy
 *       static credentials, closed when the method's (or class's, for {@code @BeforeAll}) context ends;</li>
 *   <li>{@link RunningEmulator}, {@link Emulator}, {@link ControlApi}, the control components
 *       ({@code Ec2Control}, {@code LambdaControl}, {@code EventsControl}), {@link EmulatorClock} and
 *       {@link VirtualClock}.</li>
 * </ul>
 * Instance fields annotated {@link SelfhealClient} get the same before each test.
 * Use it declaratively through {@link SelfhealCloud @SelfhealCloud}, or programmatically:
 * <pre>{@code
 * @RegisterExtension
 * static SelfhealExtension cloud = SelfhealExtension.builder().region("eu-west-1").build();
 * }</pre>
 * As with WireMock's and Testcontainers' extensions, a static field gives one emulator per class (its
 * {@link Scope}), an instance field one per test. The registered instance also answers {@link #endpoint()},
 * {@link #advance(Duration)} and {@link #awaitIdle()} for the emulator currently running; tests that run in parallel
 * should use injected parameters instead.
 */
public final class SelfhealExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(SelfhealExtension.class);
    private static final String LEASE = "emulator";
    private static final String CONTROL_PACKAGE = ControlApi.class.getPackageName();

    /** Null when the settings come from {@link SelfhealCloud} on the test class. */
    private final CloudSettings configured;
    private volatile RunningEmulator current;

    /** For {@code @ExtendWith}/{@link SelfhealCloud}: settings from the annotation, or the defaults without one. */
    public SelfhealExtension() {
        this(null);
    }

    private SelfhealExtension(CloudSettings configured) {
        this.configured = configured;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (settings(context).scope() != Scope.TEST && running(context) == null) {
            start(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        CloudSettings settings = settings(context);
        RunningEmulator shared = running(context);
        // No shared one: scope TEST, or an instance-field registration (never sees beforeAll).
        if (settings.scope() == Scope.TEST || shared == null) {
            start(context);
        } else if (settings.scope() == Scope.CLASS) {
            shared.reset();
        }
        injectFields(context, running(context));
    }

    /** Fills {@link SelfhealClient} fields of the test instance and, for nested tests, its enclosing instances. */
    private static void injectFields(ExtensionContext context, RunningEmulator emulator) {
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Field field : AnnotationSupport.findAnnotatedFields(instance.getClass(), SelfhealClient.class)) {
                if (Modifier.isStatic(field.getModifiers())) {
                    throw new ExtensionConfigurationException("@SelfhealClient field " + field + " is static: make "
                            + "it an instance field, or take the client as a @BeforeAll parameter");
                }
                try {
                    Object value = ParameterTypes.resolve(field.getType(), emulator, context.getStore(NAMESPACE));
                    field.setAccessible(true);
                    field.set(instance, value);
                } catch (RuntimeException | IllegalAccessException e) {
                    throw new ExtensionConfigurationException("Cannot inject @SelfhealClient field " + field + ": "
                            + e.getMessage(), e);
                }
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RunningEmulator.class || type == Emulator.class || EmulatorClock.class.isAssignableFrom(type)
                || type.getPackageName().equals(CONTROL_PACKAGE) || SdkClients.isClientType(type);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        RunningEmulator emulator = running(context);
        if (emulator == null) {
            throw new ParameterResolutionException("No selfheal emulator is running yet for " + parameter
                    .getDeclaringExecutable() + ": with Scope.TEST (or an extension in an instance field) it starts "
                    + "before each test, so inject " + type.getSimpleName()
                    + " into @Test or @BeforeEach methods, not into constructors or @BeforeAll methods");
        }
        try {
            return ParameterTypes.resolve(type, emulator, context.getStore(NAMESPACE));
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("Cannot inject parameter [" + parameter.getParameter() + "] of "
                    + parameter.getDeclaringExecutable() + ": " + e.getMessage(), e);
        }
    }

    /** The emulator currently running for this extension's tests. */
    public RunningEmulator running() {
        RunningEmulator r = current;
        if (r == null) {
            throw new IllegalStateException("no selfheal emulator is running: it starts before the test class (static "
                    + "@RegisterExtension field) or before each test (instance field or Scope.TEST)");
        }
        return r;
    }

    /** {@code http://127.0.0.1:<port>} of the running emulator. */
    public URI endpoint() {
        return running().endpoint();
    }

    public Emulator emulator() {
        return running().emulator();
    }

    public ControlApi control() {
        return running().control();
    }

    /** Advances the running emulator's virtual clock; see {@link RunningEmulator#advance(Duration)}. */
    public void advance(Duration duration) {
        running().advance(duration);
    }

    /** Waits until the running emulator has no work in flight; see {@link RunningEmulator#awaitIdle()}. */
    public void awaitIdle() {
        running().awaitIdle();
    }

    /** A client for the running emulator, closed with it; see {@link RunningEmulator#client(Class)}. */
    public <C extends SdkClient> C client(Class<C> type) {
        return running().client(type);
    }

    private void start(ExtensionContext context) {
        RunningEmulator started = new RunningEmulator(settings(context).start());
        current = started;
        context.getStore(NAMESPACE).put(LEASE, new Lease(started));
    }

    /** The emulator of this context or an enclosing one (the store looks up through parents). */
    private static RunningEmulator running(ExtensionContext context) {
        Lease lease = context.getStore(NAMESPACE).get(LEASE, Lease.class);
        return lease == null ? null : lease.emulator;
    }

    private CloudSettings settings(ExtensionContext context) {
        if (configured != null) {
            return configured;
        }
        for (Class<?> c = context.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
            var annotation = AnnotationSupport.findAnnotation(c, SelfhealCloud.class);
            if (annotation.isPresent()) {
                return CloudSettings.of(annotation.get(), c);
            }
        }
        return CloudSettings.DEFAULTS;
    }

    /** Stored in the context that started the emulator; JUnit closes it when that context ends. */
    private final class Lease implements AutoCloseable {
        private final RunningEmulator emulator;

        Lease(RunningEmulator emulator) {
            this.emulator = emulator;
        }

        @Override
        public void close() {
            if (current == emulator) {
                current = null;
            }
            emulator.close();
        }
    }

    /** Settings for a programmatically registered extension; each has {@link SelfhealCloud}'s default. */
    public static final class Builder {
        private String region = Emulator.DEFAULT_REGION;
        private String accountId = Emulator.DEFAULT_ACCOUNT;
        private boolean virtualClock = true;
        private Instant clockStart;
        private Scope scope = Scope.CLASS;

        private Builder() {
        }

        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        public Builder accountId(String accountId) {
            this.accountId = Objects.requireNonNull(accountId, "accountId");
            return this;
        }

        /** See {@link SelfhealCloud#virtualClock()}. */
        public Builder virtualClock(boolean virtualClock) {
            this.virtualClock = virtualClock;
            return this;
        }

        /** Where the virtual clock starts; the current second by default. */
        public Builder clockStart(Instant clockStart) {
            this.clockStart = Objects.requireNonNull(clockStart, "clockStart");
            return this;
        }

        /** See {@link Scope}; applies to a static field (an instance field always gets one emulator per test). */
        public Builder scope(Scope scope) {
            this.scope = Objects.requireNonNull(scope, "scope");
            return this;
        }

        public SelfhealExtension build() {
            return new SelfhealExtension(new CloudSettings(region, accountId, virtualClock, clockStart, scope));
        }
    }
}
