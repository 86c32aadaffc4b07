"""selfheal's Python runtime: AWS Lambda's Runtime API contract for python3.x functions.

Started by the emulator in the function's task root with Lambda's environment. It imports the handler (module.function
from the task root), then loops: GET next invocation, call the handler with the event and a context object, POST the
result or AWS's error document. print() and logging go to stdout, which the emulator ships to the function's log
group. See https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html and
https://docs.aws.amazon.com/lambda/latest/dg/python-handler.html, python-context.html, python-logging.html,
python-exceptions.html.
"""
import http.client
import importlib
import importlib.abc
import importlib.util
import json
import logging
import os
import sys
import time
import traceback

_API = "/2018-06-01/runtime"


class _RuntimeApi:
    """One keep-alive connection to the sandbox's Runtime API."""

    def __init__(self, address):
        host, port = address.rsplit(":", 1)
        self._connection = http.client.HTTPConnection(host, int(port))

    def _call(self, method, path, body=None, headers=None):
        self._connection.request(method, path, body=body, headers=headers or {})
        response = self._connection.getresponse()
        return response, response.read()

    def next(self):
        response, body = self._call("GET", _API + "/invocation/next")
        return {k.lower(): v for k, v in response.getheaders()}, body

    def respond(self, request_id, body):
        self._call("POST", _API + "/invocation/" + request_id + "/response", body,
                   {"Content-Type": "application/json"})

    def error(self, request_id, document):
        self._post_error(_API + "/invocation/" + request_id + "/error", document)

    def init_error(self, document):
        self._post_error(_API + "/init/error", document)

    def _post_error(self, path, document):
        self._call("POST", path, json.dumps(document).encode("utf-8"),
                   {"Content-Type": "application/json", "Lambda-Runtime-Function-Error-Type": document["errorType"]})


# ---- boto3 reaches the emulator -------------------------------------------------------------------------------------
# A current botocore reads AWS_ENDPOINT_URL (and AWS_ENDPOINT_URL_<SERVICE>) itself; older ones (Debian's boto3 1.26)
# do not. Every client is created through botocore.session.Session.create_client, so when botocore.session is first
# imported we wrap that method: a client created without an endpoint_url gets the one the environment names. A function
# that passes endpoint_url keeps it.

def _endpoint_from_environment(service_name):
    if os.environ.get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "").lower() == "true":
        return None
    specific = "AWS_ENDPOINT_URL_" + service_name.upper().replace("-", "_").replace(" ", "_")
    return os.environ.get(specific) or os.environ.get("AWS_ENDPOINT_URL")


def _patch_botocore_session(module):
    original = module.Session.create_client

    def create_client(self, service_name, *args, **kwargs):
        # endpoint_url is create_client's 6th parameter after self; boto3 passes everything by keyword.
        if len(args) < 5 and kwargs.get("endpoint_url") is None:
            endpoint = _endpoint_from_environment(service_name)
            if endpoint:
                kwargs["endpoint_url"] = endpoint
        return original(self, service_name, *args, **kwargs)

    module.Session.create_client = create_client


class _BotocoreSessionHook(importlib.abc.MetaPathFinder):
    """Patches botocore.session as it is imported, so a function that never imports boto3 pays nothing."""

    def find_spec(self, name, path, target=None):
        if name != "botocore.session":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        loader_exec = spec.loader.exec_module

        def exec_module(module):
            loader_exec(module)
            _patch_botocore_session(module)

        spec.loader.exec_module = exec_module
        return spec


# ---- context ----------------------------------------------------------------------------------------------------------

class _CognitoIdentity:
    def __init__(self, identity):
        identity = identity or {}
        self.cognito_identity_id = identity.get("cognitoIdentityId")
        self.cognito_identity_pool_id = identity.get("cognitoIdentityPoolId")


class _Client:
    def __init__(self, client):
        self.installation_id = client.get("installation_id")
        self.app_title = client.get("app_title")
        self.app_version_name = client.get("app_version_name")
        self.app_version_code = client.get("app_version_code")
        self.app_package_name = client.get("app_package_name")


class _ClientContext:
    def __init__(self, context):
        self.client = _Client(context["client"]) if context.get("client") else None
        self.custom = context.get("custom")
        self.env = context.get("env")


class LambdaContext:
    """What AWS passes as the handler's second argument (python-context.html)."""

    def __init__(self, request_id, deadline_ms, invoked_function_arn, identity, client_context):
        self.aws_request_id = request_id
        self.invoked_function_arn = invoked_function_arn
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.identity = _CognitoIdentity(identity)
        self.client_context = _ClientContext(client_context) if client_context else None
        self._deadline_ms = deadline_ms

    def get_remaining_time_in_millis(self):
        return max(0, self._deadline_ms - int(time.time() * 1000))

    def __repr__(self):
        return ("LambdaContext([aws_request_id=%s,log_group_name=%s,log_stream_name=%s,function_name=%s,"
                "memory_limit_in_mb=%s,function_version=%s,invoked_function_arn=%s,client_context=%s,identity=%s])"
                % (self.aws_request_id, self.log_group_name, self.log_stream_name, self.function_name,
                   self.memory_limit_in_mb, self.function_version, self.invoked_function_arn, self.client_context,
                   self.identity))


# ---- logging ----------------------------------------------------------------------------------------------------------
# AWS's text format: "[LEVEL]\t<UTC time>Z\t<request id>\t<message>" on the root logger (python-logging.html).

class _RequestIdFilter(logging.Filter):
    request_id = ""

    def filter(self, record):
        record.aws_request_id = _RequestIdFilter.request_id
        return True


class _LambdaFormatter(logging.Formatter):
    converter = time.gmtime

    def __init__(self):
        super().__init__("[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s\n",
                         "%Y-%m-%dT%H:%M:%S")


def _install_logging():
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(_LambdaFormatter())
    handler.addFilter(_RequestIdFilter())
    handler.terminator = ""
    root = logging.getLogger()
    root.handlers = [handler]
    level = os.environ.get("AWS_LAMBDA_LOG_LEVEL")
    if level:
        root.setLevel(level.upper())


# ---- errors -----------------------------------------------------------------------------------------------------------

class _Fault(Exception):
    def __init__(self, error_type, message, trace=None):
        super().__init__(message)
        self.error_type = error_type
        self.message = message
        self.trace = trace or []


def _stack(tb):
    return traceback.format_list(traceback.extract_tb(tb))


def _document(error_type, message, request_id, stack):
    return {"errorMessage": message, "errorType": error_type, "requestId": request_id, "stackTrace": stack}


def _log_error(document):
    lines = ["[ERROR] " + document["errorType"] + ": " + document["errorMessage"]]
    if document["stackTrace"]:
        lines.append("Traceback (most recent call last):")
        lines.extend(frame.rstrip("\n") for frame in document["stackTrace"])
    sys.stdout.write("\r".join(lines) + "\n")


def _load_handler(handler):
    try:
        module_name, function_name = handler.rsplit(".", 1)
    except ValueError as e:
        raise _Fault("Runtime.MalformedHandlerName", "Bad handler '%s': %s" % (handler, e))
    module_name = module_name.replace("/", ".")
    if module_name.startswith("__"):
        raise _Fault("Runtime.BuiltInModuleConflict", "Cannot use built-in module %s as a handler module"
                     % module_name)
    try:
        module = importlib.import_module(module_name)
    except ImportError as e:
        raise _Fault("Runtime.ImportModuleError", "Unable to import module '%s': %s" % (module_name, e))
    except SyntaxError as e:
        trace = ['  File "%s" Line %s\n    %s\n' % (e.filename, e.lineno, (e.text or "").strip())]
        raise _Fault("Runtime.UserCodeSyntaxError", "Syntax error in module '%s': %s" % (module_name, e), trace)
    except Exception as e:
        raise _Fault(type(e).__name__, str(e), _stack(e.__traceback__.tb_next))
    function = getattr(module, function_name, None)
    if function is None:
        raise _Fault("Runtime.HandlerNotFound", "Handler '%s' missing on module '%s'" % (function_name, module_name))
    return function


# ---- the loop ---------------------------------------------------------------------------------------------------------

def _json_default(value):
    import decimal
    if isinstance(value, decimal.Decimal):
        return float(value) if value % 1 else int(value)
    raise TypeError("Object of type %s is not JSON serializable" % type(value).__name__)


def _invoke(api, handler, headers, body):
    request_id = headers.get("lambda-runtime-aws-request-id", "")
    _RequestIdFilter.request_id = request_id
    trace_id = headers.get("lambda-runtime-trace-id")
    if trace_id:
        os.environ["_X_AMZN_TRACE_ID"] = trace_id
    else:
        os.environ.pop("_X_AMZN_TRACE_ID", None)
    client_context = headers.get("lambda-runtime-client-context")
    identity = headers.get("lambda-runtime-cognito-identity")
    try:
        context = LambdaContext(request_id, int(headers.get("lambda-runtime-deadline-ms", "0")),
                                headers.get("lambda-runtime-invoked-function-arn"),
                                json.loads(identity) if identity else None,
                                json.loads(client_context) if client_context else None)
        event = json.loads(body) if body else None
    except ValueError as e:
        document = _document("Runtime.UnmarshalError", "Unable to unmarshal input: %s" % e, request_id, [])
        _log_error(document)
        api.error(request_id, document)
        return
    try:
        result = handler(event, context)
    except Exception as e:
        document = _document(type(e).__name__, str(e), request_id, _stack(e.__traceback__.tb_next))
        _log_error(document)
        api.error(request_id, document)
        return
    try:
        payload = json.dumps(result, default=_json_default).encode("utf-8")
    except (TypeError, ValueError) as e:
        document = _document("Runtime.MarshalError", "Unable to marshal response: %s" % e, request_id, [])
        _log_error(document)
        api.error(request_id, document)
        return
    api.respond(request_id, payload)


def main():
    api = _RuntimeApi(os.environ["AWS_LAMBDA_RUNTIME_API"])
    task_root = os.environ.get("LAMBDA_TASK_ROOT", os.getcwd())
    if task_root not in sys.path:
        sys.path.insert(0, task_root)
    if os.environ.get("AWS_ENDPOINT_URL"):
        sys.meta_path.insert(0, _BotocoreSessionHook())
    _install_logging()
    try:
        handler = _load_handler(os.environ["_HANDLER"])
    except _Fault as fault:
        document = _document(fault.error_type, fault.message, "", fault.trace)
        _log_error(document)
        api.init_error(document)
        sys.exit(1)
    while True:
        headers, body = api.next()
        _invoke(api, handler, headers, body)


if __name__ == "__main__":
    main()
