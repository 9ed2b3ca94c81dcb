import org.apache.velocity.VelocityContext;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.util.introspection.Info;
import org.apache.velocity.util.introspection.UberspectImpl;
import org.apache.velocity.util.introspection.VelMethod;
import org.apache.velocity.util.introspection.VelPropertyGet;

/** Builds Velocity 1.7 runtimes: stock, or with API Gateway's three changes. */
public final class Engines {
    private Engines() {}

    /** A fresh, initialised runtime. */
    static RuntimeInstance create(boolean apigateway) throws Exception {
        RuntimeInstance ri = new RuntimeInstance();
        ri.setProperty("runtime.log.logsystem.class", "org.apache.velocity.runtime.log.NullLogChute");
        if (apigateway) {
            ri.setProperty("runtime.introspector.uberspect", BlankingUberspect.class.getName());
            ri.setProperty("velocimacro.permissions.allow.inline", "false");
            // AWS's documented #foreach quota: the loop ends quietly after 1000 iterations.
            ri.setProperty("directive.foreach.maxloops", "1000");
        }
        ri.init();
        if (apigateway) ri.removeDirective("evaluate");
        return ri;
    }

    /**
     * A context in which an unset or null VTL identifier reads as the empty string. Velocity's
     * own bookkeeping keys (such as ".literal.$x") are not identifiers and stay null.
     */
    public static final class BlankingContext extends VelocityContext {
        @Override
        public Object internalGet(String key) {
            Object v = super.internalGet(key);
            return v == null && isIdentifier(key) ? "" : v;
        }

        /** Velocity 1.7's IDENTIFIER token: {@code [A-Za-z_][A-Za-z0-9_-]*}, ASCII only. */
        static boolean isIdentifier(String key) {
            if (key == null || key.isEmpty()) return false;
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
                        || i > 0 && (c >= '0' && c <= '9' || c == '-');
                if (!ok) return false;
            }
            return true;
        }
    }

    /**
     * Introspection where property reads (found or not) and results of existing methods
     * turn null into the empty string. Missing methods still yield no VelMethod.
     */
    public static final class BlankingUberspect extends UberspectImpl {
        @Override
        public VelMethod getMethod(Object obj, String name, Object[] args, Info info) throws Exception {
            VelMethod m = super.getMethod(obj, name, args, info);
            return m == null ? null : new BlankMethod(m);
        }

        @Override
        public VelPropertyGet getPropertyGet(Object obj, String name, Info info) throws Exception {
            return new BlankGetter(super.getPropertyGet(obj, name, info));
        }
    }

    static final class BlankMethod implements VelMethod {
        private final VelMethod inner;

        BlankMethod(VelMethod inner) {
            this.inner = inner;
        }

        @Override
        public Object invoke(Object o, Object[] params) throws Exception {
            Object v = inner.invoke(o, params);
            return v == null ? "" : v;
        }

        @Override
        public boolean isCacheable() {
            return inner.isCacheable();
        }

        @Override
        public String getMethodName() {
            return inner.getMethodName();
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Class getReturnType() {
            return inner.getReturnType();
        }
    }

    static final class BlankGetter implements VelPropertyGet {
        private final VelPropertyGet inner;

        BlankGetter(VelPropertyGet inner) {
            this.inner = inner;
        }

        @Override
        public Object invoke(Object o) throws Exception {
            Object v = inner == null ? null : inner.invoke(o);
            return v == null ? "" : v;
        }

        @Override
        public boolean isCacheable() {
            return inner == null || inner.isCacheable();
        }

        @Override
        public String getMethodName() {
            return inner == null ? "" : inner.getMethodName();
        }
    }
}
