import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import net.minidev.json.JSONValue;
import org.apache.commons.lang.StringEscapeUtils;
import org.apache.velocity.VelocityContext;

/** $input, $util, $context and $stageVariables built from an API Gateway proxy event. */
public final class ApiGateway {
    private ApiGateway() {}

    /** Headers API Gateway strips before a template can see them. */
    static final Set<String> HIDDEN_HEADERS = Set.of(
            "connection", "content-length", "content-md5", "expect", "max-forwards",
            "proxy-authenticate", "server", "te", "transfer-encoding", "trailer", "upgrade",
            "www-authenticate");

    /** Recorded key order of $context.identity. */
    static final String[] IDENTITY_KEYS = {
        "cognitoIdentityPoolId", "accountId", "cognitoIdentityId", "caller", "sourceIp",
        "principalOrgId", "accessKey", "cognitoAuthenticationType",
        "cognitoAuthenticationProvider", "userArn", "userAgent", "user",
    };

    /**
     * A map nested inside $context (identity, the override maps, authorizer). AWS prints these
     * as the empty string, even though keySet(), get() and #set work on them (recorded in
     * ls-sqs-context-keyset-dump; reference section 5).
     */
    public static final class NestedMap extends LinkedHashMap<String, Object> {
        private static final long serialVersionUID = 1L;

        @Override
        public String toString() {
            return "";
        }
    }

    /** The mutable override maps of one rendering. */
    static final class Env {
        final Map<String, Object> context;

        Env(Map<String, Object> context) {
            this.context = context;
        }

        Map<String, Object> overrides() {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("requestOverride", context.get("requestOverride"));
            o.put("responseOverride", context.get("responseOverride"));
            return o;
        }
    }

    /** Puts $input, $util, $context and $stageVariables into the context. */
    static Env install(VelocityContext ctx, Map<String, Object> req) {
        Map<?, ?> event = req.get("event") instanceof Map ? (Map<?, ?>) req.get("event") : Map.of();
        String body;
        if (req.containsKey("response_body")) {
            body = req.get("response_body") == null ? null : String.valueOf(req.get("response_body"));
        } else {
            body = event.get("body") == null ? null : String.valueOf(event.get("body"));
        }
        Map<String, Object> context = context(event, req.get("context_overrides"));
        ctx.put("input", new Input(body, params(event)));
        ctx.put("util", new Util());
        ctx.put("context", context);
        ctx.put("stageVariables", stringMap(event.get("stageVariables")));
        return new Env(context);
    }

    static Map<String, Object> params(Map<?, ?> event) {
        Map<String, Object> header = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : stringMap(event.get("headers")).entrySet()) {
            if (!HIDDEN_HEADERS.contains(e.getKey().toLowerCase(Locale.ROOT))) header.put(e.getKey(), e.getValue());
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("path", stringMap(event.get("pathParameters")));
        p.put("querystring", stringMap(event.get("queryStringParameters")));
        p.put("header", header);
        return p;
    }

    /** A map of strings (null or non-map input gives an empty map). */
    static Map<String, Object> stringMap(Object o) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (o instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
                if (e.getValue() != null) m.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
            }
        }
        return m;
    }

    static Object orBlank(Object o) {
        return o == null ? "" : o;
    }

    static Map<String, Object> context(Map<?, ?> event, Object carried) {
        Map<?, ?> rc = event.get("requestContext") instanceof Map ? (Map<?, ?>) event.get("requestContext") : Map.of();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("resourceId", orBlank(rc.get("resourceId")));
        c.put("resourcePath", orBlank(rc.containsKey("resourcePath") ? rc.get("resourcePath") : event.get("resource")));
        c.put("httpMethod", orBlank(rc.containsKey("httpMethod") ? rc.get("httpMethod") : event.get("httpMethod")));
        c.put("extendedRequestId", orBlank(rc.get("extendedRequestId")));
        c.put("requestTime", orBlank(rc.get("requestTime")));
        c.put("path", orBlank(rc.get("path")));
        c.put("accountId", orBlank(rc.get("accountId")));
        c.put("protocol", orBlank(rc.get("protocol")));
        Map<String, Object> requestOverride = new NestedMap();
        requestOverride.put("path", new NestedMap());
        requestOverride.put("header", new NestedMap());
        requestOverride.put("querystring", new NestedMap());
        Map<String, Object> responseOverride = new NestedMap();
        responseOverride.put("header", new NestedMap());
        if (carried instanceof Map) {
            Object r = ((Map<?, ?>) carried).get("requestOverride");
            if (r instanceof Map) merge(requestOverride, (Map<?, ?>) r);
            r = ((Map<?, ?>) carried).get("responseOverride");
            if (r instanceof Map) merge(responseOverride, (Map<?, ?>) r);
        }
        c.put("requestOverride", requestOverride);
        c.put("stage", orBlank(rc.get("stage")));
        c.put("domainPrefix", orBlank(rc.get("domainPrefix")));
        c.put("requestTimeEpoch", orBlank(rc.get("requestTimeEpoch")));
        c.put("requestId", orBlank(rc.get("requestId")));
        Map<?, ?> id = rc.get("identity") instanceof Map ? (Map<?, ?>) rc.get("identity") : Map.of();
        Map<String, Object> identity = new NestedMap();
        for (String k : IDENTITY_KEYS) identity.put(k, orBlank(id.get(k)));
        for (Map.Entry<?, ?> e : id.entrySet()) {
            if (!identity.containsKey(String.valueOf(e.getKey()))) identity.put(String.valueOf(e.getKey()), Oracle.Values.copy(e.getValue()));
        }
        c.put("identity", identity);
        c.put("domainName", orBlank(rc.get("domainName")));
        c.put("deploymentId", orBlank(rc.get("deploymentId")));
        c.put("responseOverride", responseOverride);
        c.put("apiId", orBlank(rc.get("apiId")));
        if (rc.get("authorizer") instanceof Map) c.put("authorizer", authorizer((Map<?, ?>) rc.get("authorizer")));
        for (Map.Entry<?, ?> e : rc.entrySet()) {
            String k = String.valueOf(e.getKey());
            if (!c.containsKey(k)) c.put(k, Oracle.Values.copy(e.getValue()));
        }
        return c;
    }

    /** Authorizer context: values arrive as strings, Cognito claims stay a map. */
    static Map<String, Object> authorizer(Map<?, ?> a) {
        Map<String, Object> m = new NestedMap();
        for (Map.Entry<?, ?> e : a.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Map) m.put(String.valueOf(e.getKey()), Oracle.Values.copy(v));
            else if (v != null) m.put(String.valueOf(e.getKey()), String.valueOf(v));
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> into, Map<?, ?> from) {
        for (Map.Entry<?, ?> e : from.entrySet()) {
            String k = String.valueOf(e.getKey());
            Object v = e.getValue();
            if (v instanceof Map && into.get(k) instanceof Map) merge((Map<String, Object>) into.get(k), (Map<?, ?>) v);
            else into.put(k, Oracle.Values.copy(v));
        }
    }

    /** $input. */
    public static final class Input {
        private final String body;
        private final Map<String, Object> params;

        Input(String body, Map<String, Object> params) {
            this.body = body == null || body.isEmpty() ? "{}" : body;
            this.params = params;
        }

        public String getBody() {
            return body;
        }

        public Object path(String path) {
            try {
                Object doc = Configuration.defaultConfiguration().jsonProvider().parse(body);
                return JsonPath.read(doc, path);
            } catch (RuntimeException e) {
                return null;
            }
        }

        public String json(String path) {
            Object v;
            try {
                Object doc = Configuration.defaultConfiguration().jsonProvider().parse(body);
                v = JsonPath.read(doc, path);
            } catch (RuntimeException e) {
                // No match or a body that is not JSON: the two characters "" (reference section 3).
                return "\"\"";
            }
            return JSONValue.toJSONString(v);
        }

        public Map<String, Object> params() {
            return params;
        }

        public Object params(String name) {
            for (Object group : params.values()) {
                Object v = ((Map<?, ?>) group).get(name);
                if (v != null) return v;
            }
            return "";
        }
    }

    /** $util. */
    public static final class Util {
        public String escapeJavaScript(String s) {
            return StringEscapeUtils.escapeJavaScript(s);
        }

        public Object parseJson(String s) {
            return Oracle.JSON.parse(s);
        }

        public String urlEncode(String s) throws Exception {
            return URLEncoder.encode(s, "UTF-8");
        }

        public String urlDecode(String s) throws Exception {
            return URLDecoder.decode(s, "UTF-8");
        }

        public String base64Encode(String s) {
            return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
        }

        public String base64Decode(String s) {
            return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
        }
    }
}
