package io.selfheal.harness.runid;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records every call made through the clients it is installed on, as it was sent (after {@link RunTagging}):
 * service, operation and the names the request carries — what {@code selfheal run --plan} prints.
 */
public final class CallRecorder implements ExecutionInterceptor {
    /** Request members that name a resource: *Name, *Id, *Arn, *Url, Bucket, Rule, Key (not tokens or documents). */
    private static final Pattern NAMING = Pattern.compile("(?i).*(name|id|ids|arn|url)|bucket|rule|key");

    /** One call: {@code iam CreateRole RoleName=sh-1a2b3c4d-reboot-role}. */
    public record Call(String service, String operation, List<String> names) {
        @Override
        public String toString() {
            return service + " " + operation + (names.isEmpty() ? "" : " " + String.join(" ", names));
        }
    }

    private final List<Call> calls = new ArrayList<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME).toLowerCase(java.util.Locale.ROOT);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        Call call = new Call(service, operation, names(context.request()));
        synchronized (this) {
            calls.add(call);
        }
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The naming members of {@code pojo}, and of the structures it holds ({@code ConfigRule.ConfigRuleName}). */
    static List<String> names(software.amazon.awssdk.core.SdkPojo pojo) {
        List<String> names = new ArrayList<>();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (value instanceof software.amazon.awssdk.core.SdkPojo nested) {
                names(nested).forEach(n -> names.add(field.memberName() + "." + n));
                continue;
            }
            if (!NAMING.matcher(field.memberName()).matches() || value == null
                    || field.memberName().toLowerCase(java.util.Locale.ROOT).contains("token")) {
                continue;
            }
            if (value instanceof String text && !text.isEmpty()) {
                names.add(field.memberName() + "=" + text);
            } else if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof String) {
                names.add(field.memberName() + "=" + String.join(",", list.stream().map(String::valueOf).toList()));
            }
        }
        return names;
    }
}
