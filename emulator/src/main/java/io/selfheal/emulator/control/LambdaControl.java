package io.selfheal.emulator.control;

import java.util.List;

/** Lambda's side door: the invocations of every function, in start order. */
public interface LambdaControl {
    List<FunctionInvocation> invocations();

    default List<FunctionInvocation> invocations(String functionName) {
        return invocations().stream().filter(i -> i.functionName().equals(functionName)).toList();
    }
}
