package io.selfheal.harness.localstack;

import java.net.URI;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * LocalStack in a container through Testcontainers' LocalStack module. The image may be any LocalStack-compatible
 * one (a mirror, a pinned or a Pro tag): it is declared a compatible substitute for {@code localstack/localstack}.
 * The module mounts the Docker socket into the container, which LocalStack needs to run Lambda functions in
 * containers of their own (https://docs.localstack.cloud/aws/services/lambda/). The container is made on
 * {@link #start()}, once a Docker engine is known to answer (Testcontainers needs one to make it at all).
 */
public final class TestcontainersLocalStack implements LocalStackInstance {
    private final LocalStackSettings settings;
    private LocalStackContainer container;

    public TestcontainersLocalStack(LocalStackSettings settings) {
        this.settings = settings;
    }

    /** Whether a Docker engine answers (Testcontainers' own probe: environment, socket, Docker Desktop …). */
    public static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    /** The image the container runs, accepted by the LocalStack module whatever its name. */
    DockerImageName imageName() {
        return DockerImageName.parse(settings.image()).asCompatibleSubstituteFor("localstack/localstack");
    }

    /** What the container's environment gets beyond the module's own: the auth token, when there is one. */
    Map<String, String> environment() {
        return settings.authToken() == null ? Map.of() : Map.of(LocalStackSettings.AUTH_TOKEN, settings.authToken());
    }

    @Override
    public void start() {
        if (!dockerAvailable()) {
            throw new NoDockerEngineException();
        }
        container = new LocalStackContainer(imageName());
        environment().forEach(container::withEnv);
        container.start();
    }

    @Override
    public URI endpoint() {
        return started().getEndpoint();
    }

    @Override
    public String region() {
        return started().getRegion();
    }

    @Override
    public AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(started().getAccessKey(),
                started().getSecretKey()));
    }

    private LocalStackContainer started() {
        if (container == null) {
            throw new IllegalStateException("LocalStack (" + settings.image() + ") is not started");
        }
        return container;
    }

    @Override
    public String image() {
        return settings.image();
    }

    @Override
    public void stop() {
        if (container != null) {
            container.stop();
        }
    }
}
