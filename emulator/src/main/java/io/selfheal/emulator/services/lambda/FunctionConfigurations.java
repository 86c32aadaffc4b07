package io.selfheal.emulator.services.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.LowerCamel;
import io.selfheal.emulator.messages.DescribeResourceConfigurations;
import io.selfheal.emulator.messages.DescribeResourceConfigurations.Relationship;
import io.selfheal.emulator.messages.DescribeResourceConfigurations.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Answers AWS Config's {@link DescribeResourceConfigurations} for {@code AWS::Lambda::Function}: the function's
 * FunctionConfiguration with lower-camel names as Config's items show it (environment variable names kept as
 * written), its tags also as {@code supplementaryConfiguration.Tags}, and "Is associated with Role" for its execution
 * role (https://docs.aws.amazon.com/config/latest/developerguide/config-item-table.html).
 */
final class FunctionConfigurations {
    private final FunctionRegistry functions;

    private FunctionConfigurations(FunctionRegistry functions) {
        this.functions = functions;
    }

    static void register(EmulatorContext context, FunctionRegistry functions) {
        FunctionConfigurations answers = new FunctionConfigurations(functions);
        context.bus().handle(DescribeResourceConfigurations.class, "AWS::Lambda::Function", answers::describe);
    }

    private DescribeResourceConfigurations.Result describe(DescribeResourceConfigurations q) {
        List<Resource> out = new ArrayList<>();
        for (LambdaFunction f : functions.list(q.accountId(), q.region())) {
            ObjectNode api = FunctionJson.configuration(f);
            ObjectNode environment = (ObjectNode) api.remove("Environment");
            ObjectNode configuration = (ObjectNode) LowerCamel.tree(api);
            if (environment != null) {
                configuration.putObject("environment").set("variables", environment.get("Variables"));
            }
            ObjectNode supplementary = Json.object();
            ObjectNode tags = supplementary.putObject("Tags");
            f.tags().forEach(tags::put);
            String role = f.revision().config().role();
            List<Relationship> related = List.of(new Relationship("AWS::IAM::Role", null,
                    role.substring(role.lastIndexOf('/') + 1), "Is associated with Role"));
            out.add(new Resource(f.name(), f.name(), f.arn(), "Not Applicable", null,
                    new LinkedHashMap<>(f.tags()), configuration, supplementary, related));
        }
        return new DescribeResourceConfigurations.Result(out);
    }
}
