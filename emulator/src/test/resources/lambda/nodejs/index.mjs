// An ES module with an async handler and a module-level SDK v3 client with default settings, as teams write them.
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';

const sts = new STSClient({});
let invocations = 0;

export const handler = async (event, context) => {
  invocations += 1;
  console.log('checking', event.instanceId);
  const identity = await sts.send(new GetCallerIdentityCommand({}));
  return {
    input: event,
    arn: identity.Arn,
    invocations,
    functionName: context.functionName,
    memoryLimitInMB: context.memoryLimitInMB,
    requestId: context.awsRequestId,
    invokedFunctionArn: context.invokedFunctionArn,
    logGroupName: context.logGroupName,
    remainingMs: context.getRemainingTimeInMillis(),
    handlerEnv: process.env._HANDLER,
    pid: process.pid,
  };
};

export const fails = async () => {
  throw new TypeError('instance id missing');
};
