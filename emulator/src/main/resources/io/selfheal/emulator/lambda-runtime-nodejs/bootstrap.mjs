// selfheal's Node.js runtime: AWS Lambda's Runtime API contract for nodejs18.x/20.x/22.x functions.
//
// Started by the emulator in the function's task root with Lambda's environment. It loads the handler (file.export,
// an ES module or CommonJS), then loops: GET the next invocation, call the handler (async, or with a callback), POST
// the result or AWS's Node.js error document. console output goes to stdout in AWS's format, which the emulator ships
// to the function's log group. See https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html,
// nodejs-handler.html, nodejs-context.html, nodejs-logging.html and nodejs-exceptions.html.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const API = '/2018-06-01/runtime';
const [apiHost, apiPort] = process.env.AWS_LAMBDA_RUNTIME_API.split(':');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function call(method, urlPath, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: apiHost, port: apiPort, method, path: urlPath, agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    request.on('error', reject);
    if (body !== undefined) {
      request.write(body);
    }
    request.end();
  });
}

function postError(urlPath, doc) {
  return call('POST', urlPath, JSON.stringify(doc),
    { 'Content-Type': 'application/json', 'Lambda-Runtime-Function-Error-Type': doc.errorType });
}

// ---- logging: "<ISO time>\t<request id>\t<LEVEL>\t<message>", one event per call (newlines become \r) -----------
let currentRequestId;

function write(level, message) {
  process.stdout.write(`${new Date().toISOString()}\t${currentRequestId}\t${level}\t${message.replace(/\n/g, '\r')}\n`);
}

for (const [method, level] of [['log', 'INFO'], ['info', 'INFO'], ['warn', 'WARN'], ['error', 'ERROR'],
  ['debug', 'DEBUG'], ['trace', 'TRACE']]) {
  console[method] = (...args) => write(level, util.format(...args));
}

// ---- errors -------------------------------------------------------------------------------------------------------
function errorDocument(error) {
  if (error instanceof Error) {
    return {
      errorType: error.name || 'Error',
      errorMessage: error.message,
      trace: typeof error.stack === 'string' ? error.stack.split('\n') : [],
    };
  }
  return { errorType: typeof error, errorMessage: String(error), trace: [] };
}

function logError(label, doc) {
  const { errorType, errorMessage, trace } = doc;
  write('ERROR', `${label}\t${JSON.stringify({ errorType, errorMessage, stack: trace })}`);
}

class Fault extends Error {
  constructor(type, message, cause) {
    super(message);
    this.name = type;
    if (cause && cause.stack) {
      this.stack = `${type}: ${message}\n${cause.stack.split('\n').slice(1).join('\n')}`;
    }
  }
}

// ---- the handler ---------------------------------------------------------------------------------------------------
async function loadHandler(taskRoot, handlerString) {
  const slash = handlerString.lastIndexOf('/');
  const dir = handlerString.slice(0, slash + 1);
  const rest = handlerString.slice(slash + 1);
  const dot = rest.indexOf('.');
  if (dot < 1 || dot === rest.length - 1) {
    throw new Fault('Runtime.MalformedHandlerName', "Bad handler");
  }
  const moduleName = dir + rest.slice(0, dot);
  const handlerPath = rest.slice(dot + 1);
  const base = path.resolve(taskRoot, moduleName);
  const require = createRequire(path.join(taskRoot, 'index.js'));
  let module;
  try {
    const file = ['.js', '.mjs', '.cjs'].map((ext) => base + ext).find((f) => fs.existsSync(f));
    if (file === undefined) {
      module = require(moduleName);
    } else if (file.endsWith('.mjs')) {
      module = await import(pathToFileURL(file).href);
    } else {
      try {
        module = require(file);
      } catch (e) {
        if (e.code !== 'ERR_REQUIRE_ESM') {
          throw e;
        }
        module = await import(pathToFileURL(file).href);
      }
    }
  } catch (e) {
    if (e instanceof SyntaxError) {
      throw new Fault('Runtime.UserCodeSyntaxError', `${e.name}: ${e.message}`, e);
    }
    if (e.code === 'MODULE_NOT_FOUND' || e.code === 'ERR_MODULE_NOT_FOUND') {
      throw new Fault('Runtime.ImportModuleError', `Error: ${e.message}`, e);
    }
    throw e;
  }
  let handler = module;
  for (const part of handlerPath.split('.')) {
    handler = handler === undefined || handler === null ? undefined : handler[part];
  }
  if (handler === undefined && module.default) {
    handler = handlerPath.split('.').reduce((h, part) => (h == null ? undefined : h[part]), module.default);
  }
  if (typeof handler !== 'function') {
    throw new Fault('Runtime.HandlerNotFound', `${moduleName}.${handlerPath} is undefined or not exported`);
  }
  return handler;
}

function context(headers) {
  const deadline = Number(headers['lambda-runtime-deadline-ms'] || 0);
  const clientContext = headers['lambda-runtime-client-context'];
  const identity = headers['lambda-runtime-cognito-identity'];
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: headers['lambda-runtime-invoked-function-arn'],
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: headers['lambda-runtime-aws-request-id'],
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    identity: identity ? JSON.parse(identity) : undefined,
    clientContext: clientContext ? JSON.parse(clientContext) : undefined,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}

/** Runs the handler: a returned promise, or the callback (or the legacy context.done/succeed/fail), settles it. */
function run(handler, event, ctx) {
  return new Promise((resolve, reject) => {
    const callback = (error, value) => (error !== undefined && error !== null ? reject(error) : resolve(value));
    ctx.done = callback;
    ctx.succeed = (value) => resolve(value);
    ctx.fail = (error) => reject(error === undefined || error === null ? 'handled' : error);
    const result = handler(event, ctx, callback);
    if (result && typeof result.then === 'function') {
      result.then(resolve, reject);
    } else if (handler.length < 3) {
      resolve(result);
    }
  });
}

async function main() {
  const taskRoot = process.env.LAMBDA_TASK_ROOT || process.cwd();
  let handler;
  try {
    handler = await loadHandler(taskRoot, process.env._HANDLER);
  } catch (e) {
    const doc = errorDocument(e);
    logError('Uncaught Exception ', doc);
    await postError(`${API}/init/error`, doc);
    process.exit(129);
  }
  for (;;) {
    const next = await call('GET', `${API}/invocation/next`);
    const requestId = next.headers['lambda-runtime-aws-request-id'];
    currentRequestId = requestId;
    const traceId = next.headers['lambda-runtime-trace-id'];
    if (traceId) {
      process.env._X_AMZN_TRACE_ID = traceId;
    } else {
      delete process.env._X_AMZN_TRACE_ID;
    }
    let event;
    try {
      event = next.body.length ? JSON.parse(next.body.toString('utf8')) : null;
    } catch (e) {
      const doc = { errorType: 'Runtime.UnmarshalError', errorMessage: `Unable to parse event: ${e.message}`, trace: [] };
      logError('Invoke Error ', doc);
      await postError(`${API}/invocation/${requestId}/error`, doc);
      continue;
    }
    try {
      const value = await run(handler, event, context(next.headers));
      const body = JSON.stringify(value === undefined ? null : value);
      await call('POST', `${API}/invocation/${requestId}/response`, body, { 'Content-Type': 'application/json' });
    } catch (e) {
      const doc = errorDocument(e);
      logError('Invoke Error ', doc);
      await postError(`${API}/invocation/${requestId}/error`, doc);
    }
  }
}

main();
