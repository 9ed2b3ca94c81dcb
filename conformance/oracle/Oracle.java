import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.spi.json.JsonSmartJsonProvider;
import net.minidev.json.JSONArray;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.runtime.RuntimeInstance;

/**
 * Reference renderer: Apache Velocity 1.7, stock or configured like API Gateway.
 *
 * One request per stdin line (JSON), one answer per stdout line. Each case gets a fresh
 * engine and context and runs in its own thread, which is stopped when it overruns the
 * timeout (first argument, milliseconds). See conformance/README.md for the protocol.
 */
public final class Oracle {
    private Oracle() {}

    /** Parser for requests: the same json-smart setup Jayway JsonPath uses. */
    static final JsonSmartJsonProvider JSON = new JsonSmartJsonProvider();

    public static void main(String[] args) throws Exception {
        long timeoutMs = args.length > 0 ? Long.parseLong(args[0]) : 10000L;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        // Answers own the real stdout; anything else that prints goes to stderr.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, "UTF-8");
        System.setOut(System.err);
        refuseExit();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) continue;
            Map<String, Object> answer;
            Object id = null;
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> req = (Map<String, Object>) JSON.parse(line);
                id = req.get("id");
                Object t = req.get("timeout_ms");
                answer = runWithTimeout(req, t instanceof Number ? ((Number) t).longValue() : timeoutMs);
            } catch (Throwable e) {
                answer = new LinkedHashMap<>();
                answer.put("error", "BadRequest");
                answer.put("message", String.valueOf(e));
                answer.put("partial", "");
            }
            Map<String, Object> full = new LinkedHashMap<>();
            full.put("id", id);
            full.putAll(answer);
            out.print(Json.write(full));
            out.print('\n');
            out.flush();
        }
    }

    /**
     * Keeps a template from ending the JVM (e.g. reaching System.exit by reflection): the call
     * throws SecurityException, which the case reports as a MethodInvocationException.
     */
    @SuppressWarnings({"deprecation", "removal"})
    static void refuseExit() {
        System.setSecurityManager(new SecurityManager() {
            @Override
            public void checkPermission(java.security.Permission perm) {}

            @Override
            public void checkPermission(java.security.Permission perm, Object context) {}

            @Override
            public void checkExit(int status) {
                throw new SecurityException("the oracle does not let a template exit the JVM");
            }
        });
    }

    /** Renders one case in a worker thread; stops the thread if it overruns. */
    @SuppressWarnings({"deprecation", "removal"})
    static Map<String, Object> runWithTimeout(Map<String, Object> req, long timeoutMs) throws InterruptedException {
        Case c = new Case(req);
        Thread worker = new Thread(null, c::run, "oracle-case", 16L << 20);
        worker.setDaemon(true);
        worker.start();
        worker.join(timeoutMs);
        if (worker.isAlive()) {
            worker.stop();
            worker.join(1000);
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("error", "Timeout");
            a.put("message", "no answer within " + timeoutMs + " ms");
            a.put("partial", c.writer.toString());
            return a;
        }
        return c.answer;
    }

    /** One rendering job. */
    static final class Case {
        final Map<String, Object> req;
        final StringWriter writer = new StringWriter();
        volatile Map<String, Object> answer;

        Case(Map<String, Object> req) {
            this.req = req;
        }

        void run() {
            Map<String, Object> a = new LinkedHashMap<>();
            ApiGateway.Env env = null;
            try {
                String profile = String.valueOf(req.getOrDefault("profile", "velocity"));
                boolean aws = profile.equals("apigateway");
                if (!aws && !profile.equals("velocity")) throw new IllegalArgumentException("unknown profile " + profile);
                RuntimeInstance ri = Engines.create(aws);
                VelocityContext ctx = aws ? new Engines.BlankingContext() : new VelocityContext();
                if (aws && (req.containsKey("event") || req.containsKey("response_body"))) {
                    env = ApiGateway.install(ctx, req);
                }
                Object vars = req.get("vars");
                if (vars instanceof Map) {
                    for (Map.Entry<?, ?> e : ((Map<?, ?>) vars).entrySet()) {
                        Object v = aws ? e.getValue() : Values.stock(e.getValue());
                        ctx.put((String) e.getKey(), v);
                    }
                }
                Object template = req.get("template");
                if (!(template instanceof String)) throw new IllegalArgumentException("template must be a string");
                ri.evaluate(ctx, writer, "template", (String) template);
                a.put("output", writer.toString());
            } catch (Throwable e) {
                a.clear();
                a.put("error", e.getClass().getSimpleName());
                a.put("message", e.getMessage() == null ? "" : e.getMessage());
                a.put("partial", writer.toString());
                if (System.getenv("ORACLE_TRACE") != null) e.printStackTrace();
            }
            if (env != null) a.put("overrides", env.overrides());
            answer = a;
        }
    }

    /** Conversions of request JSON into the Java values a template sees. */
    static final class Values {
        private Values() {}

        /** Stock profile: plain Java collections, BigDecimal read as a double. */
        static Object stock(Object o) {
            if (o instanceof List) {
                ArrayList<Object> l = new ArrayList<>();
                for (Object x : (List<?>) o) l.add(stock(x));
                return l;
            }
            if (o instanceof Map) {
                LinkedHashMap<String, Object> m = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) m.put((String) e.getKey(), stock(e.getValue()));
                return m;
            }
            if (o instanceof BigDecimal) return ((BigDecimal) o).doubleValue();
            return o;
        }

        /** Deep copy keeping json-smart's types (LinkedHashMap, JSONArray). */
        static Object copy(Object o) {
            if (o instanceof List) {
                JSONArray l = new JSONArray();
                for (Object x : (List<?>) o) l.add(copy(x));
                return l;
            }
            if (o instanceof Map) {
                LinkedHashMap<String, Object> m = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) m.put((String) e.getKey(), copy(e.getValue()));
                return m;
            }
            return o;
        }
    }
}
