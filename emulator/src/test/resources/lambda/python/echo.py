import os


def handler(event, context):
    return {
        "input": event,
        "functionName": context.function_name,
        "functionVersion": context.function_version,
        "invokedFunctionArn": context.invoked_function_arn,
        "memoryLimitInMb": context.memory_limit_in_mb,
        "requestId": context.aws_request_id,
        "logGroupName": context.log_group_name,
        "logStreamName": context.log_stream_name,
        "remainingMs": context.get_remaining_time_in_millis(),
        "clientContextCustom": context.client_context.custom if context.client_context else None,
        "environment": {k: os.environ.get(k) for k in (
            "AWS_LAMBDA_FUNCTION_NAME", "AWS_REGION", "_HANDLER", "LAMBDA_TASK_ROOT", "AWS_EXECUTION_ENV",
            "_X_AMZN_TRACE_ID", "TARGET_TAG")},
        "pid": os.getpid(),
    }
