// The AWS SDK for JavaScript v3 CloudWatch client, forced onto Smithy RPC v2 CBOR, against `selfheal serve`.
// The client defaults to AWS JSON 1.0; CloudWatch's model also declares rpcv2Cbor, which this script selects.
//
// Usage: node smoke.mjs <endpoint>. Prints one line per check; on the first mismatch prints what differed and exits 1.
import assert from "node:assert/strict";
import {
  CloudWatchClient,
  DeleteAlarmsCommand,
  DescribeAlarmHistoryCommand,
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  GetMetricStatisticsCommand,
  InvalidParameterValueException,
  ListMetricsCommand,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  ResourceNotFound,
  SetAlarmStateCommand,
} from "@aws-sdk/client-cloudwatch";
import { AwsSmithyRpcV2CborProtocol } from "@aws-sdk/core/protocols";

const endpoint = process.argv[2];
if (!endpoint) {
  console.error("usage: node smoke.mjs <endpoint>");
  process.exit(2);
}

const cw = new CloudWatchClient({
  endpoint,
  region: "us-east-1",
  credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
  protocol: new AwsSmithyRpcV2CborProtocol({ defaultNamespace: "com.amazonaws.cloudwatch", awsQueryCompatible: true }),
  maxAttempts: 1,
});

// Every exchange must be RPC v2 CBOR both ways, or this test would pass on the client's default AWS JSON 1.0.
const SERVICE_PATH = "/service/GraniteServiceVersion20100801/operation/";
const exchanges = [];
cw.middlewareStack.add(
  (next, context) => async (args) => {
    const { request } = args;
    const operation = context.commandName.replace(/Command$/, "");
    assert.equal(request.path, SERVICE_PATH + operation, `${operation}: request path`);
    assert.equal(request.headers["smithy-protocol"], "rpc-v2-cbor", `${operation}: smithy-protocol request header`);
    assert.equal(request.headers["x-amz-target"], undefined, `${operation}: no X-Amz-Target over CBOR`);
    if (request.body != null && request.body.length > 0) {
      assert.equal(request.headers["content-type"], "application/cbor", `${operation}: request Content-Type`);
      assert.equal(request.body[0] >> 5, 5, `${operation}: the body is a CBOR map (major type 5)`);
    }
    const result = await next(args);
    const headers = result.response.headers;
    assert.equal(headers["smithy-protocol"], "rpc-v2-cbor", `${operation}: smithy-protocol response header`);
    const type = headers["content-type"];
    assert.ok(type === undefined || type === "application/cbor", `${operation}: response Content-Type ${type}`);
    exchanges.push(operation);
    return result;
  },
  { step: "finalizeRequest", name: "assertRpcV2Cbor", priority: "low" },
);

const send = (command) => cw.send(command);
const hour = 3600 * 1000;
const base = new Date(Math.floor(Date.now() / hour) * hour - 2 * hour);
const at = (seconds) => new Date(base.getTime() + seconds * 1000);
const ns = `Selfheal/JsCbor/${process.pid}-${Date.now()}`;
const api = [{ Name: "Api", Value: "get" }];

async function metrics() {
  await send(new PutMetricDataCommand({
    Namespace: ns,
    MetricData: [
      { MetricName: "Latency", Timestamp: at(0.25), Unit: "Milliseconds", Dimensions: api,
        Values: [100, 200, 300], Counts: [1, 1, 2] },
      { MetricName: "Latency", Timestamp: at(60), Unit: "Milliseconds", Dimensions: api,
        StatisticValues: { SampleCount: 2, Sum: 100, Minimum: 40, Maximum: 60 } },
      { MetricName: "Hits", Timestamp: at(0), Value: 3 },
      { MetricName: "Hits", Timestamp: at(60), Value: 4.5 },
    ],
  }));

  const stats = await send(new GetMetricStatisticsCommand({
    Namespace: ns, MetricName: "Latency", Dimensions: api, StartTime: at(0), EndTime: at(3600), Period: 60,
    Statistics: ["Sum", "SampleCount", "Maximum", "Minimum"], Unit: "Milliseconds",
  }));
  assert.equal(stats.Label, "Latency");
  const points = [...stats.Datapoints].sort((a, b) => a.Timestamp - b.Timestamp);
  assert.equal(points.length, 2, `two datapoints: ${JSON.stringify(points)}`);
  assert.ok(points[0].Timestamp instanceof Date, "Timestamp is a Date (tag 1)");
  assert.equal(points[0].Timestamp.getTime(), base.getTime());
  assert.equal(points[1].Timestamp.getTime(), at(60).getTime());
  assert.deepEqual([points[0].Sum, points[0].SampleCount, points[0].Maximum, points[0].Minimum], [900, 4, 300, 100]);
  assert.deepEqual([points[1].Sum, points[1].SampleCount, points[1].Maximum, points[1].Minimum], [100, 2, 60, 40]);
  assert.equal(points[0].Unit, "Milliseconds");

  const p50 = await send(new GetMetricStatisticsCommand({
    Namespace: ns, MetricName: "Latency", Dimensions: api, StartTime: at(0), EndTime: at(60), Period: 60,
    ExtendedStatistics: ["p50"],
  }));
  assert.deepEqual(p50.Datapoints[0].ExtendedStatistics, { p50: 200 });
  console.log("ok PutMetricData + GetMetricStatistics");

  const data = await send(new GetMetricDataCommand({
    StartTime: at(0), EndTime: at(600), ScanBy: "TimestampAscending",
    MetricDataQueries: [
      { Id: "hits", ReturnData: true, MetricStat: { Period: 60, Stat: "Sum", Metric: { Namespace: ns, MetricName: "Hits" } } },
      { Id: "peak", Label: "Peak", MetricStat: { Period: 300, Stat: "Maximum", Metric: { Namespace: ns, MetricName: "Hits" } } },
    ],
  }));
  const byId = Object.fromEntries(data.MetricDataResults.map((r) => [r.Id, r]));
  assert.equal(byId.hits.StatusCode, "Complete");
  assert.deepEqual(byId.hits.Timestamps.map((t) => t.getTime()), [base.getTime(), at(60).getTime()]);
  assert.deepEqual(byId.hits.Values, [3, 4.5]);
  assert.deepEqual(byId.peak.Timestamps.map((t) => t.getTime()), [base.getTime()]);
  assert.deepEqual(byId.peak.Values, [4.5]);
  assert.equal(byId.peak.Label, "Peak");
  console.log("ok GetMetricData");

  const listed = await send(new ListMetricsCommand({ Namespace: ns, MetricName: "Latency" }));
  assert.deepEqual(listed.Metrics, [{ Namespace: ns, MetricName: "Latency", Dimensions: api }]);
  const filtered = await send(new ListMetricsCommand({ Namespace: ns, Dimensions: [{ Name: "Api", Value: "get" }] }));
  assert.deepEqual(filtered.Metrics.map((m) => m.MetricName), ["Latency"]);
  console.log("ok ListMetrics");
}

async function alarms() {
  const name = `js-cbor-${process.pid}-${Date.now()}`;
  await send(new PutMetricAlarmCommand({
    AlarmName: name, Namespace: ns, MetricName: "Latency", Dimensions: api, Statistic: "Average", Period: 300,
    EvaluationPeriods: 3, Threshold: 80.5, ComparisonOperator: "GreaterThanThreshold", ActionsEnabled: false,
    AlarmDescription: "from the JavaScript SDK over CBOR",
  }));
  const [alarm] = (await send(new DescribeAlarmsCommand({ AlarmNames: [name] }))).MetricAlarms;
  const byPrefix = await send(new DescribeAlarmsCommand({ AlarmNamePrefix: name, StateValue: "INSUFFICIENT_DATA" }));
  assert.deepEqual(byPrefix.MetricAlarms.map((a) => a.AlarmName), [name]);
  assert.equal(alarm.AlarmName, name);
  assert.equal(alarm.Threshold, 80.5);
  assert.equal(alarm.Period, 300);
  assert.equal(alarm.EvaluationPeriods, 3);
  assert.equal(alarm.ActionsEnabled, false);
  assert.equal(alarm.ComparisonOperator, "GreaterThanThreshold");
  assert.deepEqual(alarm.Dimensions, api);
  assert.ok(alarm.AlarmArn.startsWith("arn:aws:cloudwatch:us-east-1:"), alarm.AlarmArn);
  assert.ok(alarm.StateUpdatedTimestamp instanceof Date, "StateUpdatedTimestamp is a Date");
  assert.ok(Math.abs(alarm.AlarmConfigurationUpdatedTimestamp - Date.now()) < 10 * 60 * 1000,
    `AlarmConfigurationUpdatedTimestamp ${alarm.AlarmConfigurationUpdatedTimestamp} is about now`);
  console.log("ok PutMetricAlarm + DescribeAlarms");

  await send(new SetAlarmStateCommand({ AlarmName: name, StateValue: "ALARM", StateReason: "js smoke" }));
  // The history, not the current state: on a real clock the next evaluation may already have moved the alarm on.
  const history = await send(new DescribeAlarmHistoryCommand({ AlarmName: name, HistoryItemType: "StateUpdate",
    StartDate: new Date(Date.now() - hour), EndDate: new Date(Date.now() + hour), MaxRecords: 10 }));
  const summaries = history.AlarmHistoryItems.map((h) => h.HistorySummary);
  assert.ok(summaries.includes("Alarm updated from INSUFFICIENT_DATA to ALARM"), JSON.stringify(summaries));
  assert.ok(history.AlarmHistoryItems.every((h) => h.Timestamp instanceof Date && h.AlarmName === name));
  console.log("ok SetAlarmState + DescribeAlarmHistory");

  await send(new DeleteAlarmsCommand({ AlarmNames: [name] }));
  assert.deepEqual((await send(new DescribeAlarmsCommand({ AlarmNames: [name] }))).MetricAlarms, []);
  console.log("ok DeleteAlarms");

  try {
    await send(new SetAlarmStateCommand({ AlarmName: name, StateValue: "OK", StateReason: "gone" }));
    assert.fail("SetAlarmState on a deleted alarm succeeded");
  } catch (e) {
    if (e instanceof assert.AssertionError) throw e;
    assert.ok(e instanceof ResourceNotFound, `ResourceNotFound, got ${e.name}: ${e.message}`);
    assert.equal(e.name, "ResourceNotFound");
    assert.equal(e.$metadata.httpStatusCode, 404);
    assert.equal(e.$response?.headers?.["smithy-protocol"], "rpc-v2-cbor", "the error answered in CBOR");
    assert.equal(e.$response?.headers?.["content-type"], "application/cbor");
    assert.equal(e.$fault, "client");
    assert.equal(e.Error?.Code, "ResourceNotFound", `query-compatible code: ${JSON.stringify(e.Error)}`);
    assert.equal(e.Error?.Type, "Sender");
    assert.ok(e.message.includes(name), `message names the alarm: ${e.message}`);
  }
  console.log("ok ResourceNotFound");

  try {
    await send(new PutMetricDataCommand({ Namespace: "AWS/EC2", MetricData: [{ MetricName: "CPUUtilization", Value: 1 }] }));
    assert.fail("PutMetricData into the reserved AWS/ namespace succeeded");
  } catch (e) {
    if (e instanceof assert.AssertionError) throw e;
    assert.ok(e instanceof InvalidParameterValueException, `InvalidParameterValueException, got ${e.name}: ${e.message}`);
    assert.equal(e.$metadata.httpStatusCode, 400);
    assert.equal(e.Error?.Code, "InvalidParameterValue", `query-compatible code: ${JSON.stringify(e.Error)}`);
  }
  console.log("ok InvalidParameterValue");
}

try {
  await metrics();
  await alarms();
  const expected = ["PutMetricData", "GetMetricStatistics", "GetMetricData", "ListMetrics", "PutMetricAlarm",
    "DescribeAlarms", "SetAlarmState", "DescribeAlarmHistory", "DeleteAlarms"];
  assert.deepEqual([...new Set(exchanges)].sort(), expected.sort(), "operations seen over CBOR");
  console.log(`cloudwatch cbor smoke: all ok (${exchanges.length} exchanges over rpc-v2-cbor)`);
} catch (e) {
  console.error(`FAILED: ${e.name}: ${e.message}`);
  if (e.$metadata) console.error(`  status ${e.$metadata.httpStatusCode}, request id ${e.$metadata.requestId}`);
  if (e.$response) console.error(`  response headers ${JSON.stringify(e.$response.headers)}`);
  process.exit(1);
} finally {
  cw.destroy();
}
