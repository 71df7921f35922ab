package dev.mcd.web;

import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.vm.spi.TeaVMHost;
import org.teavm.vm.spi.TeaVMPlugin;

/**
 * A TeaVM plugin for the browser build only (found by TeaVM through META-INF/services; never run on
 * the JVM): it drops EJML's {@code toString} of its matrices, so a matrix prints as an Object does.
 * EJML's prints with {@code printf}, which brought {@code java.util.Formatter}, {@code DecimalFormat},
 * the CLDR locale tables and the currency list into the bundle (a quarter of it, 42 KB gzip) and
 * slowed its start in the page's worker, although the engine never prints a matrix: its messages
 * write numbers with {@code verify.Decimal} (kept so by {@code web.BundleContentsTest}).
 */
public final class BundleTrim implements TeaVMPlugin, ClassHolderTransformer {
    private static final MethodDescriptor TO_STRING = new MethodDescriptor("toString", String.class);

    @Override
    public void install(TeaVMHost host) {
        host.add(this);
    }

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        if (cls.getName().startsWith("org.ejml.data.")) {
            MethodHolder m = cls.getMethod(TO_STRING);
            if (m != null) {
                cls.removeMethod(m);
            }
        }
    }
}
