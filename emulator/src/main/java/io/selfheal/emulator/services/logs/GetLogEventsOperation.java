package io.selfheal.emulator.services.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GetLogEvents (API reference, GetLogEvents). Without a token it reads the newest {@code limit} events, or the oldest
 * with {@code startFromHead}. Every answer carries {@code nextForwardToken} ({@code f/…}) and
 * {@code nextBackwardToken} ({@code b/…}); at either end of the stream the token passed in comes back unchanged,
 * which is how AWS tells a reader it has caught up. A token names a position between two events, so events
 * that arrive later are found by the forward token, as a tailing reader expects.
 */
final class GetLogEventsOperation {
    private static final int MAX_LIMIT = 10_000;
    private static final Pattern TOKEN = Pattern.compile("([fb])/(\\d{20})(\\d{20})");

    private final RegionalStore<LogsRegion> states;

    GetLogEventsOperation(RegionalStore<LogsRegion> states) {
        this.states = states;
    }

    private record Token(boolean forward, EventKey key) {
        static Token parse(String text) {
            Matcher m = TOKEN.matcher(text);
            if (!m.matches()) {
                throw LogsErrors.invalidToken();
            }
            return new Token(m.group(1).equals("f"), new EventKey(Long.parseLong(m.group(2)),
                    Long.parseLong(m.group(3))));
        }

        static String forward(EventKey key) {
            return String.format("f/%020d%020d", key.timestamp(), key.seq());
        }

        static String backward(EventKey key) {
            return String.format("b/%020d%020d", key.timestamp(), key.seq());
        }
    }

    JsonNode getLogEvents(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, LogsErrors.PARAMS);
        String group = LogsNames.groupOf(params);
        String streamName = LogsNames.streamName(params, "logStreamName");
        Long startTime = optionalTime(params, "startTime");
        Long endTime = optionalTime(params, "endTime");
        int limit = Pages.limit(params, MAX_LIMIT, MAX_LIMIT);
        boolean fromHead = params.bool("startFromHead", false);
        String tokenText = params.string("nextToken");
        Token token = tokenText == null || tokenText.isEmpty() ? null : Token.parse(tokenText);
        long now = ctx.receivedAt().toEpochMilli();
        LogsRegion region = states.get(ctx);
        List<StoredEvent> page;
        List<StoredEvent> inRange = new ArrayList<>();
        synchronized (region) {
            LogGroup g = region.existingGroup(group);
            LogStream stream = g.stream(streamName);
            if (stream == null) {
                throw LogsErrors.streamNotFound();
            }
            g.expire(now);
            for (StoredEvent e : stream.events()) {
                // startTime is inclusive, endTime exclusive (GetLogEvents request parameters).
                if ((startTime == null || e.timestamp() >= startTime) && (endTime == null || e.timestamp() < endTime)) {
                    inRange.add(e);
                }
            }
        }
        page = page(inRange, token, fromHead, limit);
        ObjectNode out = Json.object();
        ArrayNode events = out.putArray("events");
        for (StoredEvent e : page) {
            events.addObject().put("timestamp", e.timestamp()).put("message", e.message())
                    .put("ingestionTime", e.ingestionTime());
        }
        out.put("nextForwardToken", forwardToken(page, token, tokenText));
        out.put("nextBackwardToken", backwardToken(page, token, tokenText));
        return out;
    }

    private static List<StoredEvent> page(List<StoredEvent> events, Token token, boolean fromHead, int limit) {
        if (token == null) {
            return fromHead ? events.subList(0, Math.min(limit, events.size()))
                    : events.subList(Math.max(0, events.size() - limit), events.size());
        }
        if (token.forward()) {
            List<StoredEvent> after = events.stream().filter(e -> e.key().compareTo(token.key()) > 0).toList();
            return after.subList(0, Math.min(limit, after.size()));
        }
        List<StoredEvent> before = events.stream().filter(e -> e.key().compareTo(token.key()) < 0).toList();
        return before.subList(Math.max(0, before.size() - limit), before.size());
    }

    private static String forwardToken(List<StoredEvent> page, Token token, String tokenText) {
        if (!page.isEmpty()) {
            return Token.forward(page.get(page.size() - 1).key());
        }
        if (token == null) {
            return Token.forward(EventKey.ORIGIN);
        }
        return token.forward() ? tokenText : Token.forward(token.key().previous());
    }

    private static String backwardToken(List<StoredEvent> page, Token token, String tokenText) {
        if (!page.isEmpty()) {
            return Token.backward(page.get(0).key());
        }
        if (token == null) {
            return Token.backward(EventKey.ORIGIN);
        }
        return token.forward() ? Token.backward(token.key().next()) : tokenText;
    }

    static Long optionalTime(Params params, String member) {
        JsonNode node = params.node(member);
        return node == null ? null : PutLogEventsOperation.timestamp(node, member);
    }
}
