package io.selfheal.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code selfheal serve --port 0} started from the CLI jar, as a user starts it; stopped with SIGTERM. */
final class ServeProcess implements AutoCloseable {
    private static final Path CLI_JAR = Path.of("../harness/target/selfheal.jar");
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private final Process process;
    private final String endpoint;

    private ServeProcess(Process process, String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** @param options further {@code serve} options, e.g. {@code --retain calls=5} */
    static ServeProcess start(String... options) throws IOException {
        assertThat(CLI_JAR).as("the CLI jar (built by the harness module)").isRegularFile();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-jar", CLI_JAR.toString(), "serve", "--port", "0"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String endpoint = null;
        for (String line; endpoint == null && (line = out.readLine()) != null; ) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                endpoint = m.group(1);
            }
        }
        assertThat(endpoint).as("serve printed its endpoint").isNotNull();
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "serve-output");
        drain.setDaemon(true);
        drain.start();
        return new ServeProcess(process, endpoint);
    }

    String endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("serve stops on SIGTERM").isTrue();
    }
}
