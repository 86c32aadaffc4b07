package io.selfheal.harness.junit5;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a fixture class that only {@link SelfhealExtensionTest} runs (through EngineTestKit, with
 * {@value #PARAMETER}=true); an IDE that picks up nested classes skips it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(KitOnly.Condition.class)
@interface KitOnly {
    String PARAMETER = "selfheal.junit5.fixtures";

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(PARAMETER).map(Boolean::parseBoolean).orElse(false)
                    ? ConditionEvaluationResult.enabled("run by EngineTestKit")
                    : ConditionEvaluationResult.disabled("a fixture of SelfhealExtensionTest");
        }
    }
}
