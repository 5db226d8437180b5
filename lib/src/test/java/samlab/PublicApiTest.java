package samlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The public surface of samlab names no library internals: no public or protected member of a
 * public samlab type mentions a type from {@code org.knowm.xchart.internal} (XChart's own internals)
 * in its signature, generic type arguments and bounds included.
 */
class PublicApiTest {
    static final String INTERNAL = "org.knowm.xchart.internal";

    @Test
    void noPublicMemberMentionsXChartInternals() throws Exception {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("samlab");
        List<String> leaks = new ArrayList<>();
        int members = 0;
        for (JavaClass c : main) {
            if (!isExported(c)) continue;
            Class<?> type = Class.forName(c.getName(), false, getClass().getClassLoader());
            if (mentions(type.getGenericSuperclass())) leaks.add(c.getName() + " extends " + type.getGenericSuperclass());
            for (Type t : type.getGenericInterfaces()) if (mentions(t)) leaks.add(c.getName() + " implements " + t);
            for (JavaField f : c.getFields()) {
                if (!exported(f.getModifiers())) continue;
                members++;
                Type t = type.getDeclaredField(f.getName()).getGenericType();
                if (mentions(t)) leaks.add(c.getName() + "." + f.getName() + ": " + t);
            }
            for (JavaCodeUnit u : c.getCodeUnits()) {
                if (!exported(u.getModifiers()) || u.getName().equals("<clinit>")) continue;
                members++;
                List<Type> types = new ArrayList<>();
                if (u.getName().equals("<init>")) {
                    var ctor = type.getDeclaredConstructor(u.getRawParameterTypes().stream().map(JavaClass::reflect).toArray(Class[]::new));
                    types.addAll(List.of(ctor.getGenericParameterTypes()));
                    types.addAll(List.of(ctor.getGenericExceptionTypes()));
                    types.addAll(List.of(ctor.getTypeParameters()));
                } else {
                    Method m = type.getDeclaredMethod(u.getName(), u.getRawParameterTypes().stream().map(JavaClass::reflect).toArray(Class[]::new));
                    if (m.isSynthetic() || m.isBridge()) continue;
                    types.add(m.getGenericReturnType());
                    types.addAll(List.of(m.getGenericParameterTypes()));
                    types.addAll(List.of(m.getGenericExceptionTypes()));
                    types.addAll(List.of(m.getTypeParameters()));
                }
                for (Type t : types) if (mentions(t)) leaks.add(u.getFullName() + ": " + t);
            }
        }
        assertTrue(members > 500, "the scan found only " + members + " public members");
        assertEquals(List.of(), leaks, "public API mentioning " + INTERNAL);
    }

    @Test
    void theCheckSeesAnInternalTypeInAGenericSignature() throws Exception {
        // the check itself: a wildcard bound and a type argument are both seen
        Method m = Probe.class.getDeclaredMethod("charts");
        assertTrue(mentions(m.getGenericReturnType()));
        assertTrue(!mentions(String.class));
    }

    interface Probe {
        List<? extends org.knowm.xchart.internal.chartpart.Chart<?, ?>> charts();
    }

    /** Public, or protected in a public class: what code outside samlab can see. */
    private static boolean exported(java.util.Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    /** A public type whose enclosing types are public too. */
    private static boolean isExported(JavaClass c) {
        if (c.isAnonymousClass() || c.isLocalClass() || !c.getModifiers().contains(JavaModifier.PUBLIC)) return false;
        return c.getEnclosingClass().map(PublicApiTest::isExported).orElse(true);
    }

    /** Whether a (generic) type names a class of {@link #INTERNAL}, anywhere inside it. */
    static boolean mentions(Type t) {
        return mentions(t, new java.util.HashSet<>());
    }

    /** {@code seen}: type variables already followed (a bound such as {@code B extends Builder<B>} refers to itself). */
    private static boolean mentions(Type t, java.util.Set<Type> seen) {
        if (t == null) return false;
        if (t instanceof Class<?> c) {
            if (c.isArray()) return mentions(c.getComponentType(), seen);
            return c.getName().startsWith(INTERNAL + ".");
        }
        List<Type> parts = new ArrayList<>();
        if (t instanceof java.lang.reflect.ParameterizedType p) {
            parts.add(p.getRawType());
            parts.add(p.getOwnerType());
            parts.addAll(List.of(p.getActualTypeArguments()));
        } else if (t instanceof java.lang.reflect.WildcardType w) {
            parts.addAll(List.of(w.getUpperBounds()));
            parts.addAll(List.of(w.getLowerBounds()));
        } else if (t instanceof java.lang.reflect.GenericArrayType a) {
            parts.add(a.getGenericComponentType());
        } else if (t instanceof java.lang.reflect.TypeVariable<?> v) {
            if (!seen.add(v)) return false;
            parts.addAll(List.of(v.getBounds()));
        }
        for (Type part : parts) if (mentions(part, seen)) return true;
        return false;
    }
}
